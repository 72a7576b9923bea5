// Importer fuzzing (#10, "Tests that keep them closed"): the Kiên Giang seed plan as .docx and
// .xlsx, mangled at random (bytes flipped, the file cut short, the XML inside the zip broken or
// re-zipped with junk), and hostile documents (zip bomb, entity bomb, deep nesting) uploaded to
// POST /plans/import. Every answer is a dry run or a clear 4xx with the error shape — never a 5xx
// — within a bounded time and memory. fast-check, fixed seed, bounded runs (PAPI_FUZZ_RUNS).
//
// PGlite only: a dry run reads the units and nothing else of the database; the documents' reading
// (on the worker thread) is the same whatever the database.
import { docxBomb, docxDeeplyNested, docxEntityBomb, kienGiangDocx, kienGiangXlsx } from '@papi/documents/testing'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import fc from 'fast-check'
import JSZip from 'jszip'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, type TestApp } from './app.fixture'

const RUNS = Number(process.env.PAPI_FUZZ_RUNS ?? 40)
const SEED = 20_180_518
/** No upload may take longer than this, whatever it holds (seconds on a loaded 2-core machine). */
const MAX_MS = 15_000

type Mangle =
  | { kind: 'flip'; at: number[]; bytes: number[] }
  | { kind: 'truncate'; at: number }
  | { kind: 'xml'; entry: number; at: number; junk: string }

const junk = fc.constantFrom('<', '>', '&', '&amp', '<w:p>', '</w:t>', '<x>'.repeat(50), '\u0000', '\uFFFF', ']]>', '<!--', '"', '\uD800')

const mangle: fc.Arbitrary<Mangle> = fc.oneof(
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.array(fc.nat(), { minLength: 1, maxLength: 8 }),
    bytes: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 8, maxLength: 8 }),
  }),
  fc.record({ kind: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ kind: fc.constant('xml' as const), entry: fc.nat(), at: fc.nat(), junk }),
)

async function apply(original: Uint8Array, m: Mangle): Promise<Uint8Array> {
  if (m.kind === 'flip') {
    const out = original.slice()
    m.at.forEach((at, i) => {
      out[at % out.length] = m.bytes[i] ?? 0
    })
    return out
  }
  if (m.kind === 'truncate') return original.subarray(0, m.at % original.length)
  // Inside the zip: the XML parts are what the readers parse.
  const zip = await JSZip.loadAsync(original)
  const names = Object.keys(zip.files).filter((n) => n.endsWith('.xml') || n.endsWith('.rels'))
  const name = names[m.entry % names.length] as string
  const xml = await zip.file(name)?.async('string')
  const at = m.at % Math.max(1, xml?.length ?? 1)
  zip.file(name, `${xml?.slice(0, at)}${m.junk}${xml?.slice(at)}`)
  return zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })
}

describe.each(testBackends().slice(0, 1))('the plan importer under mangled and hostile documents on $name', (backend) => {
  let store: Store
  let t: TestApp
  let planner: string
  const seen = { cases: 0, accepted: 0, refused: new Map<number, number>(), worstMs: 0, worstName: '', peakRssMb: 0 }

  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store)
    planner = await t.login('planner')
  })
  afterAll(async () => {
    console.info(
      `importer fuzzing: ${seen.cases} uploads, ${seen.accepted} read as a plan, refused ${JSON.stringify(Object.fromEntries(seen.refused))}, ` +
        `worst ${seen.worstMs} ms (${seen.worstName}), peak RSS ${seen.peakRssMb} MB`,
    )
    await store?.close()
  })

  async function upload(name: string, bytes: Uint8Array) {
    const form = new FormData()
    form.set('file', new File([bytes], name))
    const started = Date.now()
    const res = await t.app.request(`/api/v1/plans/import?scopeUnitId=${t.units.kg.id}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${planner}`, 'accept-language': 'en' },
      body: form,
    })
    const ms = Date.now() - started
    const body = (await res.json()) as any
    seen.cases += 1
    if (ms > seen.worstMs) Object.assign(seen, { worstMs: ms, worstName: name })
    seen.peakRssMb = Math.max(seen.peakRssMb, Math.round(process.memoryUsage().rss / 2 ** 20))
    if (res.status === 200) seen.accepted += 1
    else seen.refused.set(res.status, (seen.refused.get(res.status) ?? 0) + 1)
    return { status: res.status, body, ms }
  }

  /** A dry run, or a 4xx naming what is wrong in the caller's language; never a 5xx; in bounded time. */
  function expectClearAnswer(name: string, answer: { status: number; body: any; ms: number }) {
    expect(answer.status, `${name}: ${JSON.stringify(answer.body).slice(0, 300)}`).toBeLessThan(500)
    expect(answer.ms, name).toBeLessThan(MAX_MS)
    if (answer.status === 200) expect(answer.body.dryRun, name).toBe(true)
    else {
      expect([400, 413, 415, 422], name).toContain(answer.status)
      expect(answer.body.error.message, name).toEqual(expect.any(String))
      expect(answer.body.error.message, name).not.toMatch(/plan reader:|TypeError|undefined/)
    }
  }

  it.each([
    ['docx', kienGiangDocx],
    ['xlsx', kienGiangXlsx],
  ])(
    'a mangled .%s: a dry run or a clear 4xx, never a 5xx',
    async (ext, make) => {
      const original = await make()
      await fc.assert(
        fc.asyncProperty(mangle, async (m) => {
          const name = `ke-hoach.${ext}`
          expectClearAnswer(`${name} ${JSON.stringify(m)}`, await upload(name, await apply(original, m)))
        }),
        { seed: SEED, numRuns: RUNS, endOnFailure: true },
      )
    },
    180_000,
  )

  it.each<[string, () => Promise<Uint8Array>]>([
    ['a zip bomb (64 MB of text in a .docx)', () => docxBomb(64)],
    ['an entity bomb (a billion laughs)', docxEntityBomb],
    ['100 000 nested elements', () => docxDeeplyNested(100_000)],
    ['a .docx that is an .xlsx', kienGiangXlsx],
    ['an empty file', async () => new Uint8Array()],
  ])(
    '%s: a clear 4xx or a plan read, in bounded time',
    async (what, make) => {
      const answer = await upload('ke-hoach.docx', await make())
      console.info(`${what}: ${answer.status} ${answer.body.error?.code ?? 'dry run'} in ${answer.ms} ms, RSS ${seen.peakRssMb} MB`)
      expectClearAnswer(what, answer)
    },
    60_000,
  )
})
