// #10 "Tests that keep them closed": property-based fuzzing of every operation of the OpenAPI
// document (fast-check). Each case is one request: path parameters from a pool of real and bogus
// ids, the query and the body derived from the operation's schemas and then mangled (a field
// dropped, a value swapped for arbitrary JSON, the whole body replaced). Every answer must be
// below 500; a 4xx must be in the one error shape; and after a refusal the database must be as it
// was — row counts of every table, the audit log and the sum of every stored version.
// Bounded: a fixed seed and RUNS_PER_OPERATION cases per operation, as the admin (who reaches
// furthest past the permission checks). Cost: ~30 s per database; the case count is logged.
import type { Store } from '@papi/store'
import { databaseFingerprint, testBackends } from '@papi/store/testing'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, NOW, samplePlan, type TestApp } from './app.fixture'
import { ALL_OPERATIONS, type Json, type Operation, resolve, sample } from './openapi-operations.fixture'

const SEED = 20181010
const RUNS_PER_OPERATION = 8

// Operations a random request must not reach: one that ends the case's own session, and the
// register import, which would load ~13 000 units and slow every later case (the robustness
// battery sends it its mistakes, last).
const SKIPPED = new Set(['logOut', 'importRegister'])

describe.each(testBackends())('request fuzzing on $name', (backend) => {
  let store: Store
  let t: TestApp
  let adminId: string
  const ids: Record<string, string> = {}
  let cases = 0
  let refused = 0

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    const planner = await t.login('planner')
    const created = await t.call('POST', '/api/v1/plans', { token: planner, body: samplePlan(t.units) })
    ids.plan = created.body.id
    ids.task = created.body.sections[0].tasks[0].id
    await t.call('POST', `/api/v1/plans/${ids.plan}/publish`, { token: planner, body: { version: created.body.version } })
    const users = await store.users.list()
    adminId = users.find((u) => u.username === 'admin')!.id
    ids.user = users.find((u) => u.username === 'viewer')!.id
  })
  afterAll(async () => {
    console.info(
      `request fuzzing on ${backend.name}: ${cases} cases over ${ALL_OPERATIONS.length - SKIPPED.size} operations, ${refused} refused`,
    )
    await store?.close()
  })

  const fingerprint = () => databaseFingerprint(store)

  const hints = (): Record<string, Json> => ({
    unitId: t.units.vtv.id,
    parentId: t.units.kg.id,
    successorId: t.units.chauThanh.id,
    scopeUnitId: t.units.kg.id,
    taskId: ids.task!,
    planId: ids.plan!,
    periodId: '2018S1',
    frameworkId: 'papi-2018',
    year: 2018,
    version: 1,
  })

  /** A path parameter: a real id of its kind, a bogus one, or any string. */
  const pathValue = (op: Operation, name: string): fc.Arbitrary<string> => {
    const real =
      name === 'periodId'
        ? '2018S1'
        : op.path.startsWith('/api/v1/units/')
          ? t.units.minhLuong.id
          : op.path.startsWith('/api/v1/users/')
            ? ids.user!
            : ids.plan!
    return fc.oneof(
      { weight: 3, arbitrary: fc.constant(real) },
      fc.constantFrom('00000000-0000-0000-0000-000000000000', '2024Q5', '0999Q4', '..', '-1'),
      fc.string({ minLength: 1, maxLength: 40 }),
    )
  }

  /** A value derived from the schema, then possibly mangled. */
  const mangled = (schema: unknown, name: string): fc.Arbitrary<Json> => {
    const valid = sample(schema as Record<string, unknown>, name, hints())
    const s = resolve(schema as Record<string, unknown>)
    const keys =
      s.type === 'object' && valid !== null && typeof valid === 'object' && !Array.isArray(valid) ? Object.keys(s.properties ?? {}) : []
    const variants: fc.Arbitrary<Json>[] = [fc.constant(valid), fc.jsonValue() as fc.Arbitrary<Json>]
    if (keys.length > 0) {
      const base = valid as Record<string, Json>
      variants.push(
        // One field dropped.
        fc.constantFrom(...keys).map((k) => Object.fromEntries(Object.entries(base).filter(([key]) => key !== k)) as Json),
        // One field (maybe one the body did not have) set to arbitrary JSON.
        fc.tuple(fc.constantFrom(...keys), fc.jsonValue()).map(([k, v]) => ({ ...base, [k]: v as Json })),
        // Extra fields.
        fc
          .dictionary(fc.string({ maxLength: 12 }), fc.jsonValue() as fc.Arbitrary<Json>, { maxKeys: 3 })
          .map((extra) => ({ ...extra, ...base })),
      )
    }
    return fc.oneof(...variants)
  }

  const queryValue = (schema: unknown, name: string): fc.Arbitrary<string> =>
    fc.oneof(
      fc.constant(String(sample(schema as Record<string, unknown>, name, hints()))),
      fc.string({ maxLength: 30 }),
      fc.constantFrom('', '-1', '1e309', 'NaN', '2018-02-30', '0000Q1', 'true'),
    )

  /** One request of an operation: its path, query and JSON body. */
  const requestOf = (op: Operation) =>
    fc.record({
      path: fc
        .tuple(...op.params.filter((p) => p.in === 'path').map((p) => pathValue(op, p.name).map((v) => [p.name, v] as const)))
        .map((pairs) => op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pairs.find(([n]) => n === name)?.[1] ?? ''))),
      query: fc
        .tuple(
          ...op.params
            .filter((p) => p.in === 'query')
            .map((p) =>
              fc.option(
                queryValue(p.schema, p.name).map((v) => [p.name, v] as const),
                { nil: undefined },
              ),
            ),
        )
        .map((pairs) => new URLSearchParams(pairs.filter((p) => p !== undefined) as [string, string][]).toString()),
      body: op.body?.schema ? fc.option(mangled(op.body.schema, ''), { nil: undefined, freq: 8 }) : fc.constant(undefined),
    })

  const operations = ALL_OPERATIONS.filter((op) => !SKIPPED.has(op.operationId))

  it.each(operations.map((op) => [op.operationId, op] as const))(
    '%s: 4xx in the error shape, never 5xx, nothing changed when refused',
    async (_, op) => {
      await fc.assert(
        fc.asyncProperty(requestOf(op), async (request) => {
          const { token } = await store.sessions.create(adminId, { now: NOW, ttlMs: 60 * 60 * 1000 })
          const before = await fingerprint()
          const url = request.query ? `${request.path}?${request.query}` : request.path
          const res = await t.app.request(url, {
            method: op.method,
            headers: { authorization: `Bearer ${token}`, ...(request.body !== undefined && { 'content-type': 'application/json' }) },
            ...(request.body !== undefined && { body: JSON.stringify(request.body) }),
          })
          const text = await res.text()
          cases++
          expect(res.status, `${op.method} ${url} ${JSON.stringify(request.body)?.slice(0, 300)} → ${text.slice(0, 300)}`).toBeLessThan(500)
          if (res.status >= 400) {
            refused++
            const body = JSON.parse(text)
            expect(body.error).toMatchObject({ code: expect.any(String), message: expect.any(String), requestId: expect.any(String) })
            expect(await fingerprint(), `${op.method} ${url} refused with ${res.status} but changed the database`).toBe(before)
          }
        }),
        { seed: SEED, numRuns: RUNS_PER_OPERATION, endOnFailure: true },
      )
    },
    60_000,
  )
})
