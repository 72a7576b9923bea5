import { describe, expect, it } from 'vitest'
import { consolidatedReportModel } from './consolidated-report'
import { KIEN_GIANG_AS_OF, KIEN_GIANG_UNITS, kienGiangPlan, kienGiangReports } from './kien-giang.fixture'
import { exportFileName, planExport, writePlanExport, type PlanExport } from './plan-export'
import { taskTableModel } from './task-table'

const plan = kienGiangPlan()
const reports = kienGiangReports(plan)
const source = { plan, units: KIEN_GIANG_UNITS, reports }
const asOf = KIEN_GIANG_AS_OF

describe('planExport', () => {
  it('draws up the same task table as taskTableModel, with status only when a period is given', () => {
    const bare = planExport(source, { kind: 'tasks', asOf })
    expect(bare).toEqual({ kind: 'tasks', model: taskTableModel({ plan, units: KIEN_GIANG_UNITS, asOf }) })
    expect(bare.model.sections[0]?.tasks[0]?.status).toBeUndefined()
    const withStatus = planExport(source, { kind: 'tasks', periodId: '2018Q2', asOf })
    expect(withStatus.model).toEqual(taskTableModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf }))
  })

  it('draws up the same consolidated report as consolidatedReportModel, under the period’s own rule', () => {
    // The period as opened on the plan: due 25/06 at the province's level instead of 18/06.
    const periodRule = {
      type: 'quarter' as const,
      index: 2,
      cutoffStart: { month: 3, day: 15, yearOffset: 0 },
      cutoffEnd: { month: 6, day: 14, yearOffset: 0 },
      due: { month: 6, day: 25, yearOffset: 0 },
    }
    const doc = planExport({ ...source, periodRule }, { kind: 'report', periodId: '2018Q2', asOf, locale: 'en' })
    expect(doc).toEqual({
      kind: 'report',
      model: consolidatedReportModel({ plan, units: KIEN_GIANG_UNITS, reports, periodId: '2018Q2', asOf, locale: 'en', periodRule }),
    })
    expect(doc.model.period.deadlines.at(-1)).toEqual({ level: 'province', date: '2018-06-25' })
  })

  it('carries the planner’s written parts and who signs into the report', () => {
    const narrative = { limits: 'Một số đơn vị chưa gửi báo cáo đúng hạn.' }
    const doc = planExport(source, { kind: 'report', periodId: '2018Q2', asOf, narrative, signer: { deputy: true } })
    expect(doc.model.narrative).toEqual(narrative)
    expect(doc.model.signer).toEqual({ name: 'Phạm Vũ Hồng', deputy: true })
    expect(planExport(source, { kind: 'report', periodId: '2018Q2', asOf }).model.narrative).toEqual({})
  })

  it('keeps a reader to the units it may see: a commune’s copy counts only that commune', () => {
    const visibleUnitIds = new Set(['vinh-thanh-van'])
    const doc = planExport(source, { kind: 'report', periodId: '2018Q2', asOf, visibleUnitIds })
    const unitsNamed = doc.model.sections.flatMap((s) => s.tasks.flatMap((t) => t.units.map((u) => u.unitId)))
    expect(new Set(unitsNamed)).toEqual(visibleUnitIds)
    expect(doc.model.units.map((u) => u.unitId)).toEqual(['vinh-thanh-van'])
    expect(doc.model.missing).toEqual([])
    expect(doc.model.summary.reporting).toMatchObject({ expected: doc.model.units[0]?.expected, onTime: doc.model.units[0]?.expected })
    // The plan itself is readable: every task is listed.
    expect(doc.model.sections.flatMap((s) => s.tasks)).toHaveLength(31)
  })
})

describe('writePlanExport', () => {
  it.each(['xlsx', 'docx', 'csv'] as const)('writes both documents as .%s', async (format) => {
    for (const doc of [planExport(source, { kind: 'tasks', asOf }), planExport(source, { kind: 'report', periodId: '2018Q2', asOf })]) {
      const bytes = await writePlanExport(doc, format)
      const magic = format === 'csv' ? [0xef, 0xbb, 0xbf] : [0x50, 0x4b] // BOM, or a zip's "PK"
      expect([...bytes.slice(0, magic.length)]).toEqual(magic)
    }
  })
})

describe('exportFileName', () => {
  const report = planExport(source, { kind: 'report', periodId: '2018Q2', asOf })
  it.each<[string, PlanExport, 'xlsx' | 'docx' | 'csv', { unicode: string; ascii: string }]>([
    ['the report', report, 'xlsx', { unicode: 'Báo cáo 97-KH-UBND 2018Q2.xlsx', ascii: 'bao-cao-97-KH-UBND-2018Q2.xlsx' }],
    [
      'the task table',
      planExport(source, { kind: 'tasks', asOf }),
      'docx',
      {
        unicode: 'Biểu tổng hợp nhiệm vụ 97-KH-UBND.docx',
        ascii: 'bieu-tong-hop-nhiem-vu-97-KH-UBND.docx',
      },
    ],
    [
      'the task table with status, in English',
      planExport(source, { kind: 'tasks', periodId: '2018Q2', asOf, locale: 'en' }),
      'csv',
      {
        unicode: 'Task table 97-KH-UBND 2018Q2.csv',
        ascii: 'task-table-97-KH-UBND-2018Q2.csv',
      },
    ],
    [
      'a plan without a number',
      planExport({ ...source, plan: { ...plan, number: 'Không số' } }, { kind: 'tasks', asOf }),
      'xlsx',
      {
        unicode: 'Biểu tổng hợp nhiệm vụ Không số.xlsx',
        ascii: 'bieu-tong-hop-nhiem-vu-Khong-so.xlsx',
      },
    ],
  ])('names %s', (_, doc, format, expected) => {
    expect(exportFileName(doc, format)).toEqual(expected)
  })
})
