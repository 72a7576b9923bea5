import { beforeAll, describe, expect, it } from 'vitest'
import { kienGiangCsv, kienGiangDocx, kienGiangXlsx, seedBytes } from './internal/seed-fixtures'
import type { PlanImport } from './plan-import'
import { readPlanDocument } from './read-plan-document'

/** A plan import without where its warnings sit in the file, which differs between formats. */
function withoutSources(plan: PlanImport): PlanImport {
  return {
    ...plan,
    warnings: plan.warnings.map(({ where: { source: _source, ...where }, ...warning }) => ({ ...warning, where })),
  }
}

// The same plan typed into each format must import to the same result as the portal text.
describe('readPlanDocument — one plan, every format (Kiên Giang 97/KH-UBND)', () => {
  let fromText: PlanImport
  beforeAll(async () => {
    fromText = await readPlanDocument({ fileName: 'kien-giang.txt', data: seedBytes('kienGiang') })
  })

  it.each<[string, () => Promise<Uint8Array> | Uint8Array]>([
    ['kien-giang.docx', kienGiangDocx],
    ['kien-giang.xlsx', kienGiangXlsx],
    ['kien-giang.csv', kienGiangCsv],
  ])('%s imports to the same plan as the text', async (fileName, make) => {
    const read = await readPlanDocument({ fileName, data: await make() })
    expect(withoutSources(read)).toEqual(withoutSources(fromText))
    expect(read.sections.flatMap((s) => s.tasks)).toHaveLength(31)
  })

  it('reads a Word file by its content when the name says nothing', async () => {
    const read = await readPlanDocument({ fileName: 'download', data: await kienGiangDocx() })
    expect(read.sections).toHaveLength(6)
  })

  it('reads an Excel file by its content when the name says nothing', async () => {
    const read = await readPlanDocument({ fileName: 'download', data: await kienGiangXlsx() })
    expect(read.sections).toHaveLength(6)
  })
})
