// Test fixture (not exported): Kiên Giang's 2018 PAPI plan read from the seed's appendix table
// (97/KH-UBND: 6 sections, 31 tasks), a province tree with departments, districts and communes,
// and reports for 2018Q2 — on time, late, missing, a draft and a returned one.
import { readFileSync } from 'node:fs'
import {
  PlanSchema,
  assignedUnits,
  buildUnitTree,
  matchAssignees,
  parseAssignees,
  parseTimeframe,
  type Assignee,
  type Plan,
  type Report,
  type Unit,
  type UnitKind,
  type UnitLevel,
} from '@papi/domain'

const SEED = new URL('../../fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url)

function unit(id: string, name: string, level: UnitLevel, kind: UnitKind, parentId: string | null): Unit {
  return { id, code: id.toUpperCase(), name, level, kind, parentId, successorIds: [] }
}

// Departments the appendix names; others it names (Sở Giáo dục và Đào tạo, Công an tỉnh…) are left
// out on purpose, so the report has assignees to flag as unresolved.
export const KIEN_GIANG_UNITS: Unit[] = [
  unit('kien-giang', 'UBND tỉnh Kiên Giang', 'province', 'people-committee', null),
  unit('kg-so-noi-vu', 'Sở Nội vụ', 'province', 'department', 'kien-giang'),
  unit('kg-so-tu-phap', 'Sở Tư pháp', 'province', 'department', 'kien-giang'),
  unit('kg-so-tai-chinh', 'Sở Tài chính', 'province', 'department', 'kien-giang'),
  unit('kg-so-tnmt', 'Sở Tài nguyên và Môi trường', 'province', 'department', 'kien-giang'),
  unit('kg-so-y-te', 'Sở Y tế', 'province', 'department', 'kien-giang'),
  unit('kg-van-phong', 'Văn phòng UBND tỉnh', 'province', 'office', 'kien-giang'),
  unit('kg-thanh-tra', 'Thanh tra tỉnh', 'province', 'agency', 'kien-giang'),
  unit('kg-mttq', 'Ủy ban MTTQ Việt Nam tỉnh', 'province', 'mass-organisation', 'kien-giang'),
  unit('kg-bao', 'Báo Kiên Giang', 'province', 'media', 'kien-giang'),
  unit('rach-gia', 'UBND thành phố Rạch Giá', 'district', 'people-committee', 'kien-giang'),
  unit('vinh-thanh-van', 'UBND phường Vĩnh Thanh Vân', 'commune', 'people-committee', 'rach-gia'),
  unit('vinh-lac', 'UBND phường Vĩnh Lạc', 'commune', 'people-committee', 'rach-gia'),
  unit('chau-thanh', 'UBND huyện Châu Thành', 'district', 'people-committee', 'kien-giang'),
  unit('minh-luong', 'UBND thị trấn Minh Lương', 'commune', 'people-committee', 'chau-thanh'),
  unit('binh-an', 'UBND xã Bình An', 'commune', 'people-committee', 'chau-thanh'),
]

/** The appendix's cells: one paragraph each, blank lines between, a no-break space for an empty cell. */
function appendixCells(text: string): string[] {
  const start = text.indexOf('Thời gian thực hiện', text.indexOf('PHỤ LỤC'))
  const end = text.indexOf('Đã xem:', start)
  return (
    text
      .slice(start + 'Thời gian thực hiện'.length, end)
      // Not \s: it matches the no-break space that stands for an empty cell.
      .split(/\n[ \t]*\n/)
      .map((cell) => cell.replace(/\u00a0/g, ' ').trim())
  )
}

function assignees(text: string): Assignee[] {
  return matchAssignees(parseAssignees(text), KIEN_GIANG_UNITS).assignees.map(({ text: t, unitClass, unitId }) => ({
    text: t,
    ...(unitClass !== undefined && { unitClass }),
    ...(unitId !== undefined && { unitId }),
  }))
}

/** Kế hoạch 97/KH-UBND ngày 18/05/2018 của UBND tỉnh Kiên Giang, tasks from its appendix. */
export function kienGiangPlan(): Plan {
  const cells = appendixCells(readFileSync(SEED, 'utf8'))
  const sections: { id: string; code: string; title: string; tasks: unknown[] }[] = []
  for (let i = 0; i < cells.length; i++) {
    const cell = cells[i] ?? ''
    if (/^\d+$/.test(cell)) {
      sections.push({ id: `kg97-s${cell}`, code: cell, title: cells[i + 1] ?? '', tasks: [] })
      i += 1
    } else if (/^\d+\.\d+$/.test(cell)) {
      const [title = '', lead = '', coordinators = '', time = ''] = cells.slice(i + 1, i + 5)
      sections.at(-1)?.tasks.push({
        id: `kg97-t${cell}`,
        code: cell,
        title,
        lead: assignees(lead),
        coordinators: assignees(coordinators),
        timeframe: parseTimeframe(time, { planYear: 2018 }),
      })
      i += 4
    }
  }
  return PlanSchema.parse({
    id: 'kg97',
    number: '97/KH-UBND',
    title: 'Kế hoạch hành động nâng cao Chỉ số hiệu quả quản trị và hành chính công (PAPI) tỉnh Kiên Giang năm 2018 và những năm tiếp theo',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuerUnitId: 'kien-giang',
    place: 'Kiên Giang',
    issuedOn: '2018-05-18',
    signer: 'Phạm Vũ Hồng',
    index: 'papi',
    years: { from: 2018, to: 2020 },
    scopeUnitId: 'kien-giang',
    standingAgency: { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' },
    // "Phấn đấu Chỉ số PAPI năm 2018 của tỉnh xếp hạng ở vị trí cao hơn năm 2017" (45/63).
    targets: [
      {
        metric: 'papi-rank',
        comparator: 'rank-lte',
        value: 44,
        unit: 'rank',
        year: 2018,
        text: 'Xếp hạng PAPI năm 2018 cao hơn năm 2017 (45/63)',
      },
    ],
    status: 'published',
    sections: sections.map((s) =>
      s.code === '4'
        ? {
            ...s,
            tasks: s.tasks.map((t) =>
              (t as { code: string }).code === '4.2'
                ? {
                    ...(t as object),
                    targets: [
                      {
                        metric: 'tthc-one-stop',
                        comparator: 'gte',
                        value: 100,
                        unit: 'percent',
                        text: '100% TTHC thực hiện tại Bộ phận tiếp nhận và trả kết quả',
                      },
                    ],
                  }
                : t,
            ),
          }
        : s,
    ),
  })
}

type Behaviour = Pick<Report, 'status' | 'workStatus' | 'progress'> & { submittedAt?: string; completedOn?: string }

const ON_TIME_PROVINCE = '2018-06-15T09:00:00+07:00'
const ON_TIME_COMMUNE = '2018-06-14T15:00:00+07:00'
const LATE = '2018-06-20T10:30:00+07:00'

// How each unit handled its 2018Q2 reports (deadlines: communes 16/06, districts and departments 18/06).
const BEHAVIOUR: Record<string, Behaviour | undefined> = {
  'kg-so-noi-vu': { status: 'accepted', workStatus: 'in-progress', progress: 60, submittedAt: ON_TIME_PROVINCE },
  'kg-so-tu-phap': { status: 'submitted', workStatus: 'in-progress', progress: 50, submittedAt: ON_TIME_PROVINCE },
  'kg-so-tai-chinh': { status: 'submitted', workStatus: 'in-progress', progress: 40, submittedAt: LATE },
  'kg-so-tnmt': { status: 'submitted', workStatus: 'done', progress: 100, submittedAt: ON_TIME_PROVINCE, completedOn: '2018-06-10' },
  'kg-so-y-te': undefined, // missing
  'kg-van-phong': { status: 'submitted', workStatus: 'in-progress', progress: 70, submittedAt: ON_TIME_PROVINCE },
  'kg-thanh-tra': { status: 'submitted', workStatus: 'not-started', progress: 0, submittedAt: ON_TIME_PROVINCE },
  'rach-gia': { status: 'submitted', workStatus: 'in-progress', progress: 55, submittedAt: ON_TIME_PROVINCE },
  'chau-thanh': { status: 'submitted', workStatus: 'in-progress', progress: 35, submittedAt: LATE },
  'vinh-thanh-van': { status: 'accepted', workStatus: 'in-progress', progress: 80, submittedAt: ON_TIME_COMMUNE },
  'vinh-lac': undefined, // missing
  'minh-luong': { status: 'draft', workStatus: 'in-progress', progress: 20 }, // a draft is not filed: missing
  'binh-an': { status: 'returned', workStatus: 'in-progress', progress: 30, submittedAt: LATE }, // sent back: missing
}

/** 2018Q2 reports of every lead unit of every task, by the behaviour above; KPI values on task 4.2. */
export function kienGiangReports(plan: Plan): Report[] {
  const tree = buildUnitTree(KIEN_GIANG_UNITS)
  const reports: Report[] = []
  for (const task of plan.sections.flatMap((s) => s.tasks)) {
    for (const lead of assignedUnits(task, tree, { unitId: 'kien-giang' }).lead) {
      const behaviour = BEHAVIOUR[lead.id]
      if (behaviour === undefined) continue
      const done = behaviour.workStatus === 'done' && task.code === '2.6'
      reports.push({
        id: `r-${task.code}-${lead.id}`,
        taskId: task.id ?? task.code,
        unitId: lead.id,
        periodId: '2018Q2',
        status: behaviour.status,
        workStatus: done ? 'done' : behaviour.workStatus === 'done' ? 'in-progress' : behaviour.workStatus,
        progress: done ? 100 : Math.min(behaviour.progress, 90),
        narrative: `Báo cáo của ${lead.name} về nhiệm vụ ${task.code}.`,
        kpiValues: task.code === '4.2' ? [{ metric: 'tthc-one-stop', value: lead.id === 'kg-so-noi-vu' ? 100 : 92.5 }] : [],
        evidence: [],
        version: 1,
        ...(behaviour.submittedAt !== undefined && { submittedAt: behaviour.submittedAt }),
        ...(done && behaviour.completedOn !== undefined && { completedOn: behaviour.completedOn }),
      })
    }
  }
  return reports
}

/** After the deadlines and after the end of Q2, so late, missing and overdue all show. */
export const KIEN_GIANG_AS_OF = '2018-07-05'
