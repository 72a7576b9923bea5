// The document as tools outside papi read it: Redocly's linter and openapi-typescript, the
// generator outside developers use most (issue #14).
import { execFile } from 'node:child_process'
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { promisify } from 'node:util'
import openapiTS, { astToString } from 'openapi-typescript'
import { afterAll, describe, expect, it } from 'vitest'
import { createApp } from './app'

const packageDir = fileURLToPath(new URL('..', import.meta.url))
// The document does not depend on the database: read it from an app over no store at all.
const doc = (await (await createApp({ store: undefined as never }).request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, { operationId?: string }>>
}
const dir = mkdtempSync(join(tmpdir(), 'papi-openapi-'))
const file = join(dir, 'openapi.json')
writeFileSync(file, JSON.stringify(doc))
afterAll(() => rmSync(dir, { recursive: true, force: true }))

interface LintReport {
  totals: { errors: number; warnings: number }
  problems: { ruleId: string; message: string; location: { pointer: string }[] }[]
}

describe('the OpenAPI document', () => {
  it("passes Redocly's recommended rules and ours (redocly.yaml) with 0 errors and 0 warnings", async () => {
    const { stdout } = await promisify(execFile)(
      join(packageDir, 'node_modules/.bin/redocly'),
      ['lint', file, '--config', join(packageDir, 'redocly.yaml'), '--format=json'],
      {
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
        maxBuffer: 64 * 1024 * 1024,
      },
    ).catch((error: { stdout: string }) => error) // exits 1 on errors; the report is on stdout all the same
    const report = JSON.parse(stdout) as LintReport
    const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer}: ${p.message}`)
    expect(problems).toEqual([])
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 })
  }, 60_000)

  it('gives an openapi-typescript client a named operation for every route', async () => {
    const types = astToString(await openapiTS(doc as never))
    const operations = types.slice(types.indexOf('export interface operations {'))
    const ids = Object.values(doc.paths).flatMap((item) => Object.values(item).map((op) => op.operationId))
    expect(ids.length).toBeGreaterThan(0)
    for (const id of ids) {
      expect(operations, `operations.${id}`).toMatch(new RegExp(`^    ${id}: \\{`, 'm'))
      expect(types, `paths → operations["${id}"]`).toContain(`operations["${id}"]`)
    }
  })
})
