import { describe, expect, it } from 'vitest'
import { dueTasks, reportingPeriods, taskDueDate } from './due-tasks'
import { PlanSchema, TaskSchema, type Task } from './plan'
import type { Timeframe } from './timeframe'

const task = (code: string, title: string, timeframe: Timeframe): Task => TaskSchema.parse({ code, title, timeframe })

/** Kiên Giang 97/KH-UBND of 18/05/2018, appendix: a sample of its tasks with their timeframes. */
const kienGiang = PlanSchema.parse({
  number: '97/KH-UBND',
  title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018 và những năm tiếp theo',
  issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
  issuedOn: '2018-05-18',
  index: 'papi',
  years: { from: 2018, to: 2019 },
  sections: [
    {
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        task('1.1', 'Tăng cường thông tin, tuyên truyền về Pháp lệnh thực hiện dân chủ', {
          kind: 'recurring',
          text: 'Định kỳ hằng quý',
          every: 'quarter',
        }),
        task('1.2', 'Tuyên truyền, vận động người dân tham gia bầu cử Trưởng ấp, Khu phố', {
          kind: 'event',
          text: 'Trước và trong quá trình bầu cử',
        }),
        task('1.3', 'Công khai các khoản đóng góp tự nguyện tại địa phương', {
          kind: 'ongoing',
          text: 'Thường xuyên',
        }),
      ],
    },
    {
      code: '2',
      title: 'Công khai, minh bạch',
      tasks: [
        task('2.3', 'Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ sở UBND cấp xã', {
          kind: 'window',
          text: 'Quý II năm 2018',
          start: '2018-04-01',
          end: '2018-06-30',
        }),
        task('2.6', 'Tập huấn cho công chức cấp huyện, cấp xã trong lĩnh vực đất đai', {
          kind: 'window',
          text: 'Tháng 6 năm 2018',
          start: '2018-06-01',
          end: '2018-06-30',
        }),
      ],
    },
    {
      code: '3',
      title: 'Trách nhiệm giải trình với nhân dân',
      tasks: [
        task('3.2', 'Thực hiện nghiêm Nghị định số 90/2013/NĐ-CP', {
          kind: 'regulation',
          text: 'Theo quy định tại Nghị định số 90/2013/NĐ-CP',
          reference: 'Nghị định số 90/2013/NĐ-CP',
        }),
        task('3.3', 'Bồi dưỡng nâng cao chất lượng hoạt động của Ban Thanh tra nhân dân', {
          kind: 'window',
          text: 'Quý III năm 2018',
          start: '2018-07-01',
          end: '2018-09-30',
        }),
      ],
    },
    {
      code: '4',
      title: 'Kiểm soát tham nhũng trong khu vực công',
      tasks: [
        task('4.3', 'Kiểm tra, đánh giá tình hình tổ chức và hoạt động của Bộ phận tiếp nhận và trả kết quả', {
          kind: 'window',
          text: 'Quý II, III năm 2018',
          start: '2018-04-01',
          end: '2018-09-30',
        }),
      ],
    },
    {
      code: '5',
      title: 'Thủ tục hành chính',
      tasks: [
        task('5.3', 'Nâng cao chất lượng giải quyết TTHC cho người dân, tổ chức', {
          kind: 'window',
          text: 'Quý IV năm 2018',
          start: '2018-10-01',
          end: '2018-12-31',
        }),
      ],
    },
  ],
})

/** Lào Cai 165/KH-UBND of 11/06/2020: quarterly, 6-month and annual reports to Sở Nội vụ (III.2.3). */
const laoCai = PlanSchema.parse({
  number: '165/KH-UBND',
  title: 'Kế hoạch duy trì, cải thiện và nâng cao Chỉ số PAR INDEX của tỉnh Lào Cai năm 2020',
  issuer: 'Ủy ban nhân dân tỉnh Lào Cai',
  issuedOn: '2020-06-11',
  index: 'par-index',
  years: { from: 2020, to: 2020 },
  reporting: { periodTypes: ['quarter', 'half-year', 'year'] },
  sections: [
    {
      code: 'III.1',
      title: 'Trách nhiệm của Sở Nội vụ',
      tasks: [
        task('1.4', 'Tổ chức Hội nghị quán triệt, triển khai nâng cao Chỉ số PAPI, PAR INDEX, SIPAS', {
          kind: 'window',
          text: 'trong tháng 6/2020',
          start: '2020-06-01',
          end: '2020-06-30',
        }),
        task('1.5', 'Tổng hợp, báo cáo UBND tỉnh kết quả cải thiện Chỉ số CCHC', {
          kind: 'recurring',
          text: 'Định kỳ hàng quý, 6 tháng, năm',
          every: 'quarter',
        }),
      ],
    },
    {
      code: 'III.2',
      title: 'Trách nhiệm của các cơ quan, đơn vị',
      tasks: [
        task('2.1', 'Xây dựng Kế hoạch hoặc Chương trình hành động cụ thể hóa nhiệm vụ', {
          kind: 'unspecified',
          text: '',
        }),
        task('2.2', 'Kiểm tra, đánh giá chất lượng phục vụ và đạo đức công vụ', {
          kind: 'ongoing',
          text: 'Thường xuyên',
        }),
      ],
    },
  ],
})

/** Đức Hợp commune plan of 19/01/2023: 6-month and annual reports with their own windows. */
const ducHop = PlanSchema.parse({
  number: 'KH-UBND',
  title: 'Kế hoạch nâng cao Chỉ số PAPI xã Đức Hợp năm 2023',
  issuer: 'Ủy ban nhân dân xã Đức Hợp',
  issuedOn: '2023-01-19',
  index: 'papi',
  years: { from: 2023, to: 2023 },
  reporting: {
    periodTypes: ['half-year', 'year'],
    rules: [
      {
        type: 'half-year',
        index: 1,
        cutoffStart: { month: 11, day: 1, yearOffset: -1 },
        cutoffEnd: { month: 5, day: 31 },
        due: { month: 6, day: 3 },
      },
      {
        type: 'year',
        cutoffStart: { month: 11, day: 1, yearOffset: -1 },
        cutoffEnd: { month: 10, day: 25 },
        due: { month: 10, day: 25 },
      },
    ],
  },
  sections: [
    {
      code: '1',
      title: 'Tham gia của người dân ở cấp cơ sở',
      tasks: [
        task('1.1', 'Hàng năm xây dựng kế hoạch cụ thể triển khai kế hoạch này', {
          kind: 'recurring',
          text: 'Hàng năm',
          every: 'year',
        }),
        task('1.2', 'Tổ chức bầu cử trưởng thôn', {
          kind: 'milestones',
          text: 'Tháng 3/2023, tháng 11/2023',
          dates: ['2023-03-31', '2023-11-30'],
        }),
        task('1.3', 'Niêm yết công khai thủ tục hành chính', {
          kind: 'window',
          text: 'trước ngày 30/4/2023',
          end: '2023-04-30',
        }),
      ],
    },
  ],
})

const codes = (plan: typeof kienGiang, periodId: string) => dueTasks(plan, periodId).map((d) => d.task.code)

describe('dueTasks', () => {
  describe('windows (Kiên Giang 2018)', () => {
    it.each([
      ['2018Q2', true],
      ['2018S1', true],
      ['2018M06', true],
      ['2018N9', true],
      ['2018', true],
      ['2018Q3', false],
      ['2018S2', false],
      ['2019Q2', false],
    ])('"Quý II năm 2018" (2.3) is due in %s: %s', (periodId, expected) => {
      expect(codes(kienGiang, periodId).includes('2.3')).toBe(expected)
    })

    it.each([
      ['2018Q2', true],
      ['2018Q3', true],
      ['2018Q4', false],
    ])('"Quý II, III năm 2018" (4.3) is due in %s: %s', (periodId, expected) => {
      expect(codes(kienGiang, periodId).includes('4.3')).toBe(expected)
    })

    it.each([
      ['2018M05', false],
      ['2018M06', true],
      ['2018M07', false],
    ])('"Tháng 6 năm 2018" (2.6) is due in %s: %s', (periodId, expected) => {
      expect(codes(kienGiang, periodId).includes('2.6')).toBe(expected)
    })

    it('a window not yet open is not due: "Quý IV năm 2018" (5.3) in 2018Q3', () => {
      expect(codes(kienGiang, '2018Q3')).not.toContain('5.3')
      expect(codes(kienGiang, '2018Q4')).toContain('5.3')
    })

    it('says why: reason window', () => {
      const entry = dueTasks(kienGiang, '2018Q2').find((d) => d.task.code === '2.3')
      expect(entry).toMatchObject({ sectionCode: '2', reason: 'window' })
    })
  })

  describe('ongoing and recurring tasks are due every period the plan runs', () => {
    it.each(['2018Q2', '2018Q3', '2018Q4', '2019Q1', '2019Q2', '2019Q3', '2019Q4', '2018S1', '2019'])(
      '"Thường xuyên" (1.3) and "Định kỳ hằng quý" (1.1) are due in %s',
      (periodId) => {
        const due = dueTasks(kienGiang, periodId)
        expect(due.find((d) => d.task.code === '1.3')?.reason).toBe('ongoing')
        expect(due.find((d) => d.task.code === '1.1')?.reason).toBe('recurring')
      },
    )

    it('a yearly task is still on the quarterly report (Đức Hợp "Hàng năm" in 2023Q2)', () => {
      expect(codes(ducHop, '2023Q2')).toContain('1.1')
    })

    it.each(['2020Q1', '2020Q4'])('nothing is due in %s, outside the years of the plan', (periodId) => {
      expect(dueTasks(kienGiang, periodId)).toEqual([])
    })

    it('nothing is due in a period that ended before the plan was issued (Kiên Giang 2018Q1)', () => {
      expect(dueTasks(kienGiang, '2018Q1')).toEqual([])
    })

    it('respects the timeframe’s own start and end', () => {
      const plan = PlanSchema.parse({
        ...kienGiang,
        sections: [
          {
            code: '1',
            title: 'x',
            tasks: [task('1', 'Hằng năm từ 2019', { kind: 'recurring', text: 'Hằng năm từ 2019', every: 'year', start: '2019-01-01' })],
          },
        ],
      })
      expect(codes(plan, '2018Q4')).toEqual([])
      expect(codes(plan, '2019Q1')).toEqual(['1'])
    })
  })

  describe('event, regulation and unspecified tasks are reported every period', () => {
    it.each([
      ['1.2', 'event'],
      ['3.2', 'regulation'],
    ])('Kiên Giang %s (%s) is due in every quarter with reason unscheduled', (code) => {
      for (const periodId of ['2018Q2', '2018Q3', '2019Q4']) {
        expect(dueTasks(kienGiang, periodId).find((d) => d.task.code === code)?.reason).toBe('unscheduled')
      }
    })

    it('can leave them out', () => {
      const due = dueTasks(kienGiang, '2018Q3', { includeUnscheduled: false }).map((d) => d.task.code)
      expect(due).not.toContain('1.2')
      expect(due).not.toContain('3.2')
      expect(due).toContain('1.3')
    })
  })

  describe('milestones', () => {
    it.each([
      ['2023Q1', true],
      ['2023Q2', false],
      ['2023Q4', true],
      ['2023S1', true],
      ['2023', true],
    ])('Đức Hợp 1.2 (milestones 31/03 and 30/11) is due in %s: %s', (periodId, expected) => {
      const entry = dueTasks(ducHop, periodId).find((d) => d.task.code === '1.2')
      expect(entry?.reason).toBe(expected ? 'milestone' : undefined)
    })
  })

  describe('a window with only an end ("trước ngày 30/4/2023")', () => {
    it.each([
      ['2023Q1', true],
      ['2023Q2', true],
      ['2023S1', true],
      ['2023Q3', false],
    ])('is due in %s: %s', (periodId, expected) => {
      expect(codes(ducHop, periodId).includes('1.3')).toBe(expected)
    })
  })

  describe('Lào Cai 2020, issued 11/06/2020', () => {
    it.each([
      ['2020Q1', []],
      ['2020Q2', ['1.4', '1.5', '2.1', '2.2']],
      ['2020S1', ['1.4', '1.5', '2.1', '2.2']],
      ['2020Q3', ['1.5', '2.1', '2.2']],
      ['2020', ['1.4', '1.5', '2.1', '2.2']],
    ])('%s covers %j', (periodId, expected) => {
      expect(codes(laoCai, periodId)).toEqual(expected)
    })
  })

  it('throws on a period id that is not one (a caller bug)', () => {
    expect(() => dueTasks(kienGiang, '2018Q5')).toThrow(RangeError)
  })
})

describe('taskDueDate', () => {
  const byCode = (plan: typeof kienGiang, code: string): Task => {
    const found = plan.sections.flatMap((s) => s.tasks).find((t) => t.code === code)
    if (!found) throw new Error(`no task ${code}`)
    return found
  }

  it.each([
    ['window "Quý II năm 2018" in 2018Q2 ends 30/06', '2.3', '2018Q2', '2018-06-30'],
    ['window "Quý II năm 2018" in 2018 ends 30/06', '2.3', '2018', '2018-06-30'],
    ['window "Quý II, III năm 2018" in 2018Q2 is not due until 30/09', '4.3', '2018Q2', '2018-09-30'],
    ['window "Quý II năm 2018" has no due date in 2018Q3, after it', '2.3', '2018Q3', undefined],
    ['"Thường xuyên" has none', '1.3', '2018Q2', undefined],
    ['a regulation has none', '3.2', '2018Q2', undefined],
    ['"Định kỳ hằng quý" in 2018Q3 is due at the end of the quarter', '1.1', '2018Q3', '2018-09-30'],
    ['"Định kỳ hằng quý" in 2018S1 is due at the end of Q2', '1.1', '2018S1', '2018-06-30'],
  ])('%s', (_, code, periodId, expected) => {
    expect(taskDueDate(byCode(kienGiang, code), periodId)).toBe(expected)
  })

  it.each([
    ['"Hàng năm" in 2023Q2 is due at year end', '1.1', '2023Q2', '2023-12-31'],
    ['milestones in 2023Q1 take 31/03', '1.2', '2023Q1', '2023-03-31'],
    ['milestones in 2023 take the last one in the year, 30/11', '1.2', '2023', '2023-11-30'],
    ['milestones in 2023Q2 have none', '1.2', '2023Q2', undefined],
    ['"trước ngày 30/4/2023" in 2023Q1 is due 30/04', '1.3', '2023Q1', '2023-04-30'],
    ['"trước ngày 30/4/2023" in 2023Q3 has none', '1.3', '2023Q3', undefined],
  ])('Đức Hợp: %s', (_, code, periodId, expected) => {
    expect(taskDueDate(byCode(ducHop, code), periodId)).toBe(expected)
  })
})

describe('reportingPeriods', () => {
  it('Lào Cai asks for the 6-month, Q3 and annual reports after its issue on 11/06/2020', () => {
    expect(reportingPeriods(laoCai)).toEqual(['2020S1', '2020Q3', '2020'])
  })

  it('keeps quarters that end with a longer period when asked', () => {
    expect(reportingPeriods(laoCai, { supersede: false })).toEqual(['2020Q2', '2020S1', '2020Q3', '2020Q4', '2020S2', '2020'])
  })

  it('Đức Hợp asks for the first 6 months and the year', () => {
    expect(reportingPeriods(ducHop)).toEqual(['2023S1', '2023'])
  })

  it('defaults to quarter, 6 months and year over every year of the plan (Kiên Giang 2018–2019)', () => {
    expect(reportingPeriods(kienGiang)).toEqual(['2018S1', '2018Q3', '2018', '2019Q1', '2019S1', '2019Q3', '2019'])
  })
})
