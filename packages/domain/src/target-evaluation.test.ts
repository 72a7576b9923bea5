import { describe, expect, it } from 'vitest'
import type { Target, TargetState } from './target'
import { ReportSchema, type Report } from './report'
import type { IndexResult } from './score'
import {
  TARGET_TOLERANCE,
  type TargetObservation,
  changeVsBaseline,
  evaluateTarget,
  reportedObservation,
  resultObservation,
  targetRank,
} from './target-evaluation'

// The targets of Lào Cai 165/KH-UBND (PAR INDEX 2020), as the importer should model them.
const laoCai = {
  total: { metric: 'Tổng điểm Chỉ số CCHC', comparator: 'gte', value: 90, unit: 'points', text: 'đạt tổng số điểm từ 90 trở lên' },
  top10: {
    metric: 'Xếp hạng Chỉ số CCHC',
    comparator: 'rank-lte',
    value: 10,
    unit: 'rank',
    text: 'xếp trong tốp 10 tỉnh, thành phố đứng đầu',
  },
  planDone: {
    metric: 'Hoàn thành kế hoạch CCHC năm 2020',
    comparator: 'gte',
    value: 100,
    unit: 'percent',
    text: 'Bảo đảm hoàn thành 100% kế hoạch CCHC năm 2020',
  },
  inspected: {
    metric: 'Cơ quan, đơn vị được kiểm tra CCHC',
    comparator: 'gte',
    value: 30,
    unit: 'percent',
    text: 'tối thiểu từ 30% số cơ quan, đơn vị trở lên',
  },
  satisfaction: {
    metric: 'Mức độ hài lòng',
    comparator: 'gte',
    value: 90,
    unit: 'percent',
    text: 'bảo đảm mức độ hài lòng đạt từ 90% trở lên',
  },
  initiatives: {
    metric: 'Sáng kiến/giải pháp mới về CCHC',
    comparator: 'gte',
    value: 3,
    unit: 'count',
    text: 'Có ít nhất 03 sáng kiến/giải pháp mới trở lên',
  },
  reviewedDocs: {
    metric: 'Văn bản QPPL được xử lý sau rà soát',
    comparator: 'between',
    value: 70,
    valueMax: 100,
    unit: 'percent',
    text: 'Đạt từ 70% - 100% số văn bản',
  },
  sameLevelProcedures: {
    metric: 'TTHC liên thông cùng cấp',
    comparator: 'gte',
    value: 50,
    unit: 'count',
    text: 'Có từ 50 TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp',
  },
  crossLevelProcedures: {
    metric: 'TTHC liên thông giữa các cấp',
    comparator: 'gte',
    value: 30,
    unit: 'count',
    text: '30 TTHC hoặc nhóm TTHC … liên thông giữa các cấp chính quyền',
  },
  onTime: {
    metric: 'Hồ sơ TTHC giải quyết đúng hạn',
    comparator: 'between',
    value: 95,
    valueMax: 100,
    unit: 'percent',
    text: 'được giải quyết đúng hạn đạt từ 95% - 100%',
  },
  publicUnits: {
    metric: 'Số đơn vị sự nghiệp công lập',
    comparator: 'change-vs-baseline',
    value: -10,
    unit: 'percent',
    baselineYear: 2015,
    text: 'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015 đạt từ 10% trở lên',
  },
  staffCut: {
    metric: 'Biên chế',
    comparator: 'change-vs-baseline',
    value: -10,
    unit: 'percent',
    baselineYear: 2015,
    text: 'tỷ lệ giảm biên chế so với năm 2015 đạt từ 10% trở lên',
  },
  selfFunded: {
    metric: 'Đơn vị sự nghiệp tự bảo đảm chi thường xuyên',
    comparator: 'change-vs-baseline',
    value: 2,
    unit: 'count',
    baselineYear: 2019,
    text: 'tăng thêm từ 02 đơn vị trở lên so năm trước',
  },
  disciplined: {
    metric: 'Cán bộ, công chức bị kỷ luật từ khiển trách trở lên',
    comparator: 'lte',
    value: 0,
    unit: 'count',
    text: 'trong năm không có cán bộ, công chức … bị kỷ luật từ mức khiển trách trở lên',
  },
  electronicDocs: {
    metric: 'Văn bản trao đổi dưới dạng điện tử',
    comparator: 'gte',
    value: 90,
    unit: 'percent',
    text: 'đạt từ 90% số văn bản trở lên',
  },
  newFirms: {
    metric: 'Doanh nghiệp thành lập mới',
    comparator: 'change-vs-baseline',
    value: 20,
    unit: 'percent',
    baselineYear: 2019,
    text: 'phải tăng từ 20% trở lên so với năm 2019',
  },
  budget: {
    metric: 'Thu ngân sách so với kế hoạch được giao',
    comparator: 'change-vs-baseline',
    value: 4,
    unit: 'percent',
    text: 'vượt chỉ tiêu từ 4% trở lên so với Kế hoạch được Chính phủ giao',
  },
} satisfies Record<string, Target>

describe('evaluateTarget — Lào Cai 165/KH-UBND targets', () => {
  it.each<[string, Target, TargetObservation, TargetState]>([
    ['2019 total 82,85 is short of ≥ 90 points', laoCai.total, { value: 82.85 }, 'not-met'],
    ['exactly 90 points meets ≥ 90', laoCai.total, { value: 90 }, 'met'],
    ['no published total yet', laoCai.total, {}, 'unknown'],
    ['2019 rank 15/63 is outside the top 10', laoCai.top10, { rank: 15 }, 'not-met'],
    ['rank 10 is inside the top 10', laoCai.top10, { rank: 10 }, 'met'],
    ['a rank reported as a KPI value counts as the rank', laoCai.top10, { value: 8 }, 'met'],
    ['no rank yet', laoCai.top10, {}, 'unknown'],
    ['99 % of the plan done is short of 100 %', laoCai.planDone, { value: 99 }, 'not-met'],
    ['inspecting 32 % of bodies meets ≥ 30 %', laoCai.inspected, { value: 32 }, 'met'],
    ['satisfaction 89,5 % is short of ≥ 90 %', laoCai.satisfaction, { value: 89.5 }, 'not-met'],
    ['03 initiatives meet "ít nhất 03"', laoCai.initiatives, { value: 3 }, 'met'],
    ['70 % is the low end of 70–100 %', laoCai.reviewedDocs, { value: 70 }, 'met'],
    ['65 % is below 70–100 %', laoCai.reviewedDocs, { value: 65 }, 'not-met'],
    ['50 joint procedures meet ≥ 50', laoCai.sameLevelProcedures, { value: 50 }, 'met'],
    ['28 cross-level procedures are short of 30', laoCai.crossLevelProcedures, { value: 28 }, 'not-met'],
    ['100 % on time is the high end of 95–100 %', laoCai.onTime, { value: 100 }, 'met'],
    ['94,99 % on time is below 95–100 %', laoCai.onTime, { value: 94.99 }, 'not-met'],
    ['public units 150 → 133 against 2015 is −11,3 %', laoCai.publicUnits, { value: 133, baselineValue: 150 }, 'met'],
    ['staff 10 000 → 9 100 against 2015 is only −9 %', laoCai.staffCut, { value: 9100, baselineValue: 10_000 }, 'not-met'],
    ['staff exactly −10 % against 2015 meets it', laoCai.staffCut, { value: 9000, baselineValue: 10_000 }, 'met'],
    ['staff grew against 2015', laoCai.staffCut, { value: 10_200, baselineValue: 10_000 }, 'not-met'],
    ['no 2015 baseline known', laoCai.staffCut, { value: 9000 }, 'unknown'],
    ['self-funded units 12 → 14 is +2 units (absolute for a count)', laoCai.selfFunded, { value: 14, baselineValue: 12 }, 'met'],
    ['self-funded units 12 → 13 is only +1', laoCai.selfFunded, { value: 13, baselineValue: 12 }, 'not-met'],
    ['no civil servant disciplined', laoCai.disciplined, { value: 0 }, 'met'],
    ['one civil servant disciplined', laoCai.disciplined, { value: 1 }, 'not-met'],
    ['93 % of documents exchanged electronically', laoCai.electronicDocs, { value: 93 }, 'met'],
    ['new firms 1 000 → 1 250 against 2019 is +25 %', laoCai.newFirms, { value: 1250, baselineValue: 1000 }, 'met'],
    ['new firms 1 000 → 1 150 against 2019 is +15 %', laoCai.newFirms, { value: 1150, baselineValue: 1000 }, 'not-met'],
    ['budget revenue 104 % of the assigned figure', laoCai.budget, { value: 10_400, baselineValue: 10_000 }, 'met'],
  ])('%s', (_case, target, observation, expected) => {
    expect(evaluateTarget(target, observation)).toBe(expected)
  })
})

describe('evaluateTarget — tolerance for published decimals', () => {
  const hue2023 = { metric: 'Tổng điểm PAPI 2023', comparator: 'eq', value: 46.0415, unit: 'points' } satisfies Target
  const kienGiang2017 = { metric: 'Tổng điểm PAPI 2017', comparator: 'eq', value: 35.71, unit: 'points' } satisfies Target
  it.each<[string, Target, TargetObservation, TargetState]>([
    ['Huế 46,0415 equals itself after float arithmetic', hue2023, { value: 46.0415 + 1e-12 }, 'met'],
    ['46,0416 differs at the published fourth decimal', hue2023, { value: 46.0416 }, 'not-met'],
    [
      'Kiên Giang 35,71 published total is not the 35,73 its rounded dimensions sum to',
      kienGiang2017,
      { value: 5.2 + 5.26 + 4.46 + 6.27 + 7.07 + 7.47 },
      'not-met',
    ],
    [
      'a relative change of 10,000000000000009 % meets +10 %',
      { metric: 'x', comparator: 'change-vs-baseline', value: 10, unit: 'percent' },
      { value: 1.1, baselineValue: 1 },
      'met',
    ],
  ])('%s', (_case, target, observation, expected) => {
    expect(evaluateTarget(target, observation)).toBe(expected)
  })

  it('is half a unit in the fourth decimal place', () => expect(TARGET_TOLERANCE).toBe(0.00005))

  it('can be tightened by the caller', () => {
    expect(evaluateTarget(hue2023, { value: 46.04152 })).toBe('met')
    expect(evaluateTarget(hue2023, { value: 46.04152 }, { tolerance: 0 })).toBe('not-met')
  })
})

describe('evaluateTarget — numbers it cannot use', () => {
  it.each<[string, Target, TargetObservation]>([
    ['a between target without valueMax', { metric: 'x', comparator: 'between', value: 95, unit: 'percent' }, { value: 97 }],
    [
      'a relative change from a zero baseline',
      { metric: 'x', comparator: 'change-vs-baseline', value: 20, unit: 'percent' },
      { value: 5, baselineValue: 0 },
    ],
    ['a value that is not a number', laoCai.total, { value: Number.NaN }],
    ['an infinite value', laoCai.total, { value: Number.POSITIVE_INFINITY }],
  ])('%s is unknown', (_case, target, observation) => {
    expect(evaluateTarget(target, observation)).toBe('unknown')
  })

  it('takes the baseline from the target when the observation has none', () => {
    expect(evaluateTarget({ ...laoCai.staffCut, baselineValue: 10_000 }, { value: 8800 })).toBe('met')
  })

  it('prefers the observed baseline over the one written in the target', () => {
    expect(evaluateTarget({ ...laoCai.staffCut, baselineValue: 9000 }, { value: 8800, baselineValue: 10_000 })).toBe('met')
  })

  it('reads a between target written upside down ("100% - 95%")', () => {
    expect(evaluateTarget({ ...laoCai.onTime, value: 100, valueMax: 95 }, { value: 97 })).toBe('met')
  })
})

describe('changeVsBaseline', () => {
  it.each<[string, Target, TargetObservation, number | undefined]>([
    ['relative for percent targets', laoCai.staffCut, { value: 880, baselineValue: 1000 }, -12],
    ['absolute for count targets', laoCai.selfFunded, { value: 14, baselineValue: 12 }, 2],
    ['undefined without a value', laoCai.staffCut, { baselineValue: 1000 }, undefined],
  ])('%s', (_case, target, observation, expected) => {
    expect(changeVsBaseline(target, observation)).toBe(expected)
  })
})

describe('targetRank', () => {
  it.each<[string, Target[], number | undefined]>([
    ['Lào Cai aims for the top 10', [laoCai.total, laoCai.top10], 10],
    ['the first rank target counts', [laoCai.top10, { ...laoCai.top10, value: 5 }], 10],
    ['a plan without a rank target aims for none', [laoCai.total, laoCai.onTime], undefined],
  ])('%s', (_case, targets, expected) => {
    expect(targetRank(targets)).toBe(expected)
  })
})

describe('resultObservation', () => {
  // Lào Cai PAR INDEX: 78,47 (21st) in 2018, 82,85 (15th) in 2019; the 2020 plan runs to 2020.
  const result = (year: number, total: number, rank?: number): IndexResult => ({
    unitId: 'lao-cai',
    frameworkId: 'par-index-2017',
    year,
    total,
    ...(rank !== undefined && { rank }),
    dimensions: [],
  })
  const results = [result(2018, 78.47, 21), result(2019, 82.85, 15), result(2021, 86.1, 9)]

  it.each<[string, Target, number, TargetObservation & { year?: number }]>([
    ['the result of the plan’s last year', laoCai.top10, 2019, { value: 82.85, rank: 15, year: 2019 }],
    ['the result of the year the target names', { ...laoCai.total, year: 2019 }, 2020, { value: 82.85, rank: 15, year: 2019 }],
    ['an earlier year’s result says nothing about 2020', laoCai.top10, 2020, {}],
    ['a later year is not the plan’s', laoCai.total, 2020, {}],
    [
      'the baseline year gives the baseline',
      { ...laoCai.total, comparator: 'change-vs-baseline', value: 5, baselineYear: 2018 },
      2019,
      { value: 82.85, rank: 15, year: 2019, baselineValue: 78.47 },
    ],
    [
      'a change of rank is measured in places',
      { metric: 'rank', comparator: 'change-vs-baseline', value: -1, unit: 'rank', baselineYear: 2018 },
      2019,
      { value: 15, rank: 15, year: 2019, baselineValue: 21 },
    ],
    ['nothing published yet, nothing observed', laoCai.total, 2017, {}],
  ])('%s', (_case, target, lastYear, expected) => {
    expect(resultObservation(target, results, lastYear)).toEqual(expected)
  })

  // Regression (issue 13): Lào Cai's 2020 target was judged on the 2019 result, Huế's 2024 top 10
  // on the 2023 result.
  it('leaves Lào Cai’s 2020 top-10 target unknown until the 2020 result is out', () => {
    expect(evaluateTarget(laoCai.top10, resultObservation({ ...laoCai.top10, year: 2020 }, results, 2020))).toBe('unknown')
    expect(evaluateTarget(laoCai.top10, resultObservation({ ...laoCai.top10, year: 2019 }, results, 2020))).toBe('not-met')
  })

  it('judges Kiên Giang’s “higher rank than 2017” on the 2018 rank against the 2017 rank', () => {
    const kg = (year: number, rank: number): IndexResult => ({
      unitId: 'kien-giang',
      frameworkId: 'papi-2018',
      year,
      total: 35,
      rank,
      dimensions: [],
    })
    const target: Target = {
      metric: 'Xếp hạng Chỉ số PAPI',
      comparator: 'change-vs-baseline',
      value: -1,
      unit: 'rank',
      baselineYear: 2017,
      year: 2018,
    }
    expect(evaluateTarget(target, resultObservation(target, [kg(2017, 45)], 2018))).toBe('unknown')
    expect(evaluateTarget(target, resultObservation(target, [kg(2017, 45), kg(2018, 40)], 2018))).toBe('met')
    expect(evaluateTarget(target, resultObservation(target, [kg(2017, 45), kg(2018, 45)], 2018))).toBe('not-met')
  })
})

describe('reportedObservation', () => {
  const metric = laoCai.onTime.metric
  const report = (periodId: string, status: Report['status'], value: number, submittedAt?: string): Report =>
    ReportSchema.parse({
      taskId: '3.1',
      unitId: 'lc-vp',
      periodId,
      status,
      kpiValues: [{ metric, value }],
      ...(submittedAt && { submittedAt }),
    })

  it.each<[string, Report[], TargetObservation]>([
    ['a filed value', [report('2020Q2', 'submitted', 96, '2020-06-16T09:00:00+07:00')], { value: 96 }],
    [
      'the latest period wins',
      [report('2020Q3', 'accepted', 97.5, '2020-09-15T09:00:00+07:00'), report('2020Q2', 'accepted', 96, '2020-06-16T09:00:00+07:00')],
      { value: 97.5 },
    ],
    [
      'of one period, the later filing',
      [report('2020Q3', 'submitted', 98, '2020-09-16T09:00:00+07:00'), report('2020Q3', 'submitted', 97, '2020-09-15T09:00:00+07:00')],
      { value: 98 },
    ],
    [
      'a draft is not stood behind',
      [report('2020Q3', 'draft', 99), report('2020Q2', 'submitted', 96, '2020-06-16T09:00:00+07:00')],
      { value: 96 },
    ],
    ['nothing filed, nothing observed', [report('2020Q3', 'returned', 99)], {}],
  ])('%s', (_case, reports, expected) => {
    expect(reportedObservation({ metric }, reports)).toEqual(expected)
  })

  it('matches a value to its target by id, whatever metric it names', () => {
    const filed = ReportSchema.parse({
      taskId: '3.1',
      unitId: 'lc-vp',
      periodId: '2020Q3',
      status: 'accepted',
      submittedAt: '2020-09-15T09:00:00+07:00',
      kpiValues: [
        { targetId: 't-ontime', metric: 'Đúng hạn (%)', value: 97 },
        { targetId: 't-other', metric, value: 12 },
      ],
    })
    expect(reportedObservation({ id: 't-ontime', metric }, [filed])).toEqual({ value: 97 })
  })

  it('counts only reports of the year the target is for', () => {
    const reports = [report('2019', 'accepted', 99, '2019-11-20T09:00:00+07:00')]
    expect(reportedObservation({ metric, year: 2020 }, reports)).toEqual({})
    expect(reportedObservation({ metric, year: 2019 }, reports)).toEqual({ value: 99 })
  })
})
