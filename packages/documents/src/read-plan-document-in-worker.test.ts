import { readFileSync } from 'node:fs'
import { afterAll, describe, expect, it } from 'vitest'
import { isPlanDocumentError } from './plan-document-error'
import { readPlanDocument } from './read-plan-document'
import { readPlanDocumentInWorker, stopPlanReader } from './read-plan-document-in-worker'
import { docxManyParagraphs } from './testing/hostile-documents'

const SEED = new URL('../fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url)

/** The longest the event loop went without running a 5 ms timer while `work` ran. */
async function longestStall(work: () => Promise<unknown>): Promise<number> {
  let longest = 0
  let last = performance.now()
  const timer = setInterval(() => {
    const now = performance.now()
    longest = Math.max(longest, now - last)
    last = now
  }, 5)
  await work().catch(() => {})
  clearInterval(timer)
  return Math.max(longest, performance.now() - last)
}

/** A task table of `tasks` long tasks: seconds of parsing on one thread. */
function heavyTable(tasks: number): Uint8Array {
  const rows = ['Kế hoạch 97/KH-UBND', 'TT,Nhiệm vụ,Đơn vị chủ trì,Thời gian thực hiện']
  for (let k = 1; k <= tasks; k += 1)
    rows.push(`${k},Tổ chức hội nghị số ${k} ${'về Chỉ số PAPI '.repeat(150)},Sở Nội vụ,Quý ${(k % 4) + 1} năm 2018`)
  return new TextEncoder().encode(rows.join('\n'))
}

describe('readPlanDocumentInWorker', () => {
  afterAll(() => stopPlanReader())

  it('reads the Kiên Giang plan as readPlanDocument does', async () => {
    const file = { fileName: 'kien-giang.txt', data: new Uint8Array(readFileSync(SEED)) }
    expect(await readPlanDocumentInWorker(file)).toEqual(await readPlanDocument(file))
  })

  it('hands back a refusal as a PlanDocumentError with its limit', async () => {
    const error = await readPlanDocumentInWorker({ fileName: 'many.docx', data: await docxManyParagraphs(60_000) }, { locale: 'en' }).catch(
      (e: unknown) => e,
    )
    expect(isPlanDocumentError(error)).toBe(true)
    expect(error).toMatchObject({ code: 'too-large', limit: { name: 'paragraphs', max: 50_000 } })
  })

  it('keeps the caller’s event loop free while a heavy document is read', { timeout: 60_000 }, async () => {
    const file = { fileName: 'heavy.csv', data: heavyTable(800) }
    await readPlanDocumentInWorker({ fileName: 'warm.txt', data: new Uint8Array(readFileSync(SEED)) })
    const inProcess = await longestStall(() => readPlanDocument(file))
    const inWorker = await longestStall(() => readPlanDocumentInWorker(file))
    // Measured as a ratio within one run (the machine is shared): the worker's stall is a fraction.
    expect(inWorker * 4).toBeLessThan(inProcess)
  })
})
