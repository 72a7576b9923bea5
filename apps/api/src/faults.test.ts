// Faults (#10, "Tests that keep them closed"): the real server process killed with SIGKILL in the
// middle of a burst of report writes and of a plan import, on PGlite and on PostgreSQL. After each
// restart every acknowledged write is there, and nothing is half-written: a report's versions run
// 1…n with one audit entry each, and an imported plan is there whole or not at all.
//
// Bounded: PAPI_FAULT_KILLS kills per database (2 by default; each kill costs a server start, ~2–3 s
// on a quiet machine, 5–7 s on a loaded one). The kill times come from a fixed seed.
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { readPlanDocument, toPlan } from '@papi/documents'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  call,
  freshPostgres,
  login,
  seededRandom,
  seedForFaults,
  type ServerProcess,
  startServer,
  type Where,
} from './server-process.fixture'

const KILLS = Number(process.env.PAPI_FAULT_KILLS ?? 2)
const SEEDS = ['lao-cai-165-KH-UBND-2020-par-index.txt', 'duc-hop-2023-papi-commune.txt', 'thua-thien-hue-2024-papi-news.txt']
const PERIODS = ['2018S1', '2018Q3', '2018']

const backends: { name: string; make: () => Promise<{ where: Where; cleanup: () => Promise<void> }> }[] = [
  {
    name: 'pglite',
    make: async () => {
      const dir = mkdtempSync(join(tmpdir(), 'papi-faults-'))
      return { where: { dataDir: join(dir, 'data') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) }
    },
  },
]
const pgUrl = process.env.DATABASE_URL?.trim()
if (pgUrl) {
  backends.push({
    name: 'postgres',
    make: async () => {
      const db = await freshPostgres(pgUrl)
      return { where: { databaseUrl: db.url }, cleanup: db.drop }
    },
  })
}

interface Ack {
  reportId: string
  version: number
  narrative: string
}

/** What the seed document imports to, read here without the server. */
async function expectedPlan(file: string) {
  const data = new Uint8Array(await (await import('node:fs/promises')).readFile(join(SEEDS_DIR, file)))
  const plan = toPlan(await readPlanDocument({ fileName: file, data }))
  return { data, number: plan.number, issuedOn: plan.issuedOn, sections: plan.sections.map((s) => s.tasks.length) }
}
const SEEDS_DIR = new URL('../../../packages/documents/fixtures/seeds/', import.meta.url).pathname

describe.each(backends)('SIGKILL of the server on $name', (backend) => {
  let where: Where
  let cleanup = async () => {}
  let seeded: Awaited<ReturnType<typeof seedForFaults>>
  let server: ServerProcess | undefined
  const random = seededRandom(20_180_610)
  const acks: Ack[] = []
  const imports: { file: string; acked: boolean; found: 'whole' | 'absent' }[] = []
  const timings: number[] = []

  beforeAll(async () => {
    const made = await backend.make()
    where = made.where
    cleanup = made.cleanup
    seeded = await seedForFaults(where)
  }, 120_000)
  afterAll(async () => {
    await server?.kill()
    await cleanup()
  })

  /** Every acknowledged write is in its report's history, which runs 1…n with an audit entry per version. */
  async function checkReports(base: string, admin: string) {
    const reports = (await call(base, 'GET', `/api/v1/reports?planId=${seeded.planId}`, admin)).body as any[]
    for (const report of reports) {
      const versions = (await call(base, 'GET', `/api/v1/reports/${report.id}/versions`, admin)).body as any[]
      expect(versions.map((v) => v.version)).toEqual(versions.map((_, i) => i + 1))
      expect(versions.at(-1)?.version).toBe(report.version)
      expect(versions.at(-1)?.snapshot.narrative).toBe(report.narrative)
      const audit = (await call(base, 'GET', `/api/v1/audit?entity=report&entityId=${report.id}&limit=1000`, admin)).body as any[]
      expect(audit.length, `audit entries of report ${report.id}`).toBe(versions.length)
      for (const ack of acks.filter((a) => a.reportId === report.id)) {
        expect(versions[ack.version - 1]?.snapshot.narrative, `acknowledged version ${ack.version}`).toBe(ack.narrative)
      }
    }
    const found = new Set(reports.map((r) => r.id))
    for (const ack of acks) expect(found.has(ack.reportId), `acknowledged report ${ack.reportId}`).toBe(true)
  }

  /** The imported plan is whole (every section and task the document has) or absent, with its audit entry iff present. */
  async function checkImport(base: string, admin: string, file: string, acked: boolean) {
    const want = await expectedPlan(file)
    const list = (await call(base, 'GET', '/api/v1/plans', admin)).body as any[]
    const summary = list.find((p) => p.number === want.number && p.issuedOn === want.issuedOn)
    if (acked) expect(summary, `acknowledged import of ${file}`).toBeDefined()
    const audit = (await call(base, 'GET', '/api/v1/audit?entity=plan&limit=1000', admin)).body as any[]
    if (!summary) {
      imports.push({ file, acked, found: 'absent' })
      return
    }
    const plan = (await call(base, 'GET', `/api/v1/plans/${summary.id}`, admin)).body
    expect(plan.sections.map((s: any) => s.tasks.length)).toEqual(want.sections)
    expect(audit.some((e) => e.entityId === summary.id)).toBe(true)
    imports.push({ file, acked, found: 'whole' })
  }

  it(`keeps every acknowledged write through ${KILLS} kills during report writes and plan imports`, async () => {
    const started = Date.now()
    server = await startServer(where)
    let admin = await login(server.url, 'admin')
    const writers = [
      ...PERIODS.map((periodId) => ({ user: 'reporter', unitId: seeded.units.vtv.id, periodId })),
      ...PERIODS.map((periodId) => ({ user: 'reporter2', unitId: seeded.units.minhLuong.id, periodId })),
    ]
    let readingMs: number | undefined
    const phases: string[] = []
    for (let round = 0; round < KILLS; round++) {
      const base = server.url
      const tokens = { reporter: await login(base, 'reporter'), reporter2: await login(base, 'reporter2') }
      // Where each report stands now (a write may have landed without its answer before the last kill).
      const stored = (await call(base, 'GET', `/api/v1/reports?planId=${seeded.planId}`, admin)).body as any[]
      const file = SEEDS[round % SEEDS.length] as string
      const { data } = await expectedPlan(file)
      const upload = (confirm: boolean) => {
        const form = new FormData()
        form.set('file', new File([data], file))
        return fetch(`${base}/api/v1/plans/import?scopeUnitId=${seeded.units.kg.id}&confirm=${confirm}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}` },
          body: form,
        })
      }
      // How long reading a document takes here and now (once): the kill is aimed around the moment it is stored.
      if (readingMs === undefined) {
        const dryRunStarted = Date.now()
        expect((await upload(false)).status).toBe(200)
        readingMs = Date.now() - dryRunStarted
      }
      let stop = false
      const burst = writers.map(async (w, i) => {
        let version = stored.find((r) => r.unitId === w.unitId && r.periodId === w.periodId)?.version ?? 0
        for (let n = 0; !stop; n++) {
          const narrative = `round ${round} writer ${i} write ${n}`
          let res: Response
          try {
            res = await fetch(`${base}/api/v1/reports`, {
              method: 'PUT',
              headers: { authorization: `Bearer ${tokens[w.user as 'reporter']}`, 'content-type': 'application/json' },
              body: JSON.stringify({
                taskId: seeded.taskId,
                unitId: w.unitId,
                periodId: w.periodId,
                status: 'in-progress',
                progress: 1 + (n % 98),
                narrative,
                version,
              }),
            })
            if (res.status !== 200) throw new Error(`PUT /reports answered ${res.status}: ${await res.text()}`)
            const body = (await res.json()) as { id: string; version: number }
            // Acknowledged: the whole answer arrived.
            acks.push({ reportId: body.id, version: body.version, narrative })
            version = body.version
          } catch (error) {
            if (stop) return
            throw error
          }
        }
      })
      let importAcked = false
      const importing = upload(true)
        .then(async (res) => {
          if (res.status !== 201 && res.status !== 200) throw new Error(`import answered ${res.status}: ${await res.text()}`)
          await res.json()
          importAcked = true
        })
        .catch((error) => {
          if (!stop) throw error
        })
      // Kill somewhere in the burst, from while the document is read to just after it is stored.
      await new Promise((r) => setTimeout(r, Math.floor((readingMs ?? 0) * (0.5 + random()))))
      stop = true
      await server.kill('SIGKILL')
      await Promise.all([...burst, importing])

      const restart = Date.now()
      server = await startServer(where)
      timings.push(Date.now() - restart)
      admin = await login(server.url, 'admin')
      const checking = Date.now()
      await checkReports(server.url, admin)
      await checkImport(server.url, admin, file, importAcked)
      phases.push(`round ${round}: restart ${Date.now() - restart} ms, checks ${Date.now() - checking} ms`)
    }
    await server.kill('SIGTERM')
    console.info(
      `faults on ${backend.name}: ${KILLS} kills in ${((Date.now() - started) / 1000).toFixed(1)} s, ` +
        `${acks.length} acknowledged report writes all present, imports ${JSON.stringify(imports.map((i) => `${i.acked ? 'acked' : 'unacked'}/${i.found}`))}, ` +
        `${phases.join('; ')}; reading ${readingMs} ms; restarts ${timings.map((t) => `${(t / 1000).toFixed(1)} s`).join(', ')}`,
    )
    expect(acks.length).toBeGreaterThan(0)
  }, 300_000)
})
