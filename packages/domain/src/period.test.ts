import { describe, expect, it } from 'vitest'
import type { UnitLevel } from './unit'
import {
  ReportingRulesSchema,
  currentPeriod,
  cutoffWindow,
  deadlineAtLevel,
  isLate,
  parsePeriod,
  periodAsOf,
  periodChoices,
  periodDatesError,
  periodLabel,
  periodOf,
  periodRuleOf,
  periodsBetween,
  submissionDeadline,
  type PeriodDates,
} from './period'

/**
 * Đức Hợp commune plan 2023, section III.2.b: "06 tháng đầu năm trước ngày 03/6 (thời gian chốt
 * số liệu tính từ ngày 01/11/2022 đến ngày 31/5/2023); báo cáo năm trước ngày 25/10/2023 (thời
 * gian chốt số liệu tính từ ngày 01/11/2022 đến ngày 25/10/2023)".
 */
const ducHop = ReportingRulesSchema.parse({
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
})

describe('parsePeriod', () => {
  it.each(['0999Q4', '0000', '0000M01', '0001S1', '9999Q4'])('refuses %s: its window or deadline would not be a four-digit year', (id) => {
    expect(parsePeriod(id)).toMatchObject({ ok: false, error: { code: 'invalid-period' } })
  })

  it.each(['1000Q1', '9998Q4'])('takes %s and computes its window and deadlines', (id) => {
    const parsed = parsePeriod(id)
    expect(parsed.ok).toBe(true)
    if (parsed.ok) {
      expect(cutoffWindow(parsed.period.id).start).toMatch(/^\d{4}-/)
      expect(submissionDeadline(parsed.period.id, 'commune')).toMatch(/^\d{4}-/)
    }
  })

  it.each([
    ['2024M03', 'month', 3, '2024-03-01', '2024-03-31'],
    ['2024M02', 'month', 2, '2024-02-01', '2024-02-29'],
    ['2023M02', 'month', 2, '2023-02-01', '2023-02-28'],
    ['2024Q1', 'quarter', 1, '2024-01-01', '2024-03-31'],
    ['2018Q2', 'quarter', 2, '2018-04-01', '2018-06-30'],
    ['2024S1', 'half-year', 1, '2024-01-01', '2024-06-30'],
    ['2024S2', 'half-year', 2, '2024-07-01', '2024-12-31'],
    ['2024N9', 'nine-months', undefined, '2024-01-01', '2024-09-30'],
    ['2024', 'year', undefined, '2024-01-01', '2024-12-31'],
  ])('%s is a %s with index %s spanning %s to %s', (id, type, index, start, end) => {
    const result = parsePeriod(id)
    expect(result).toEqual({
      ok: true,
      period: { id, type, year: Number(id.slice(0, 4)), ...(index === undefined ? {} : { index }), start, end },
    })
  })

  it('forgives spaces and lower case, answering the canonical id', () => {
    const result = parsePeriod(' 2024q1 ')
    expect(result.ok && result.period.id).toBe('2024Q1')
  })

  it.each(['2024Q5', '2024M13', '2024M3', '2024S3', '2024N6', '24Q1', 'Quý I/2024', ''])(
    'answers invalid-period for %j instead of throwing',
    (id) => {
      const result = parsePeriod(id)
      expect(result.ok).toBe(false)
      if (!result.ok) {
        expect(result.error.code).toBe('invalid-period')
        expect(result.error.message).toContain('2024Q1')
      }
    },
  )
})

describe('periodsBetween', () => {
  it.each([
    ['2018', '2018', 'quarter', ['2018Q1', '2018Q2', '2018Q3', '2018Q4']],
    // Kiên Giang 97/KH-UBND was issued on 18/05/2018: its first quarter is Q2.
    ['2018-05-18', '2018-12-31', 'quarter', ['2018Q2', '2018Q3', '2018Q4']],
    ['2018Q2', '2019Q1', 'half-year', ['2018S1', '2018S2', '2019S1']],
    ['2023-11-20', '2024M02', 'month', ['2023M11', '2023M12', '2024M01', '2024M02']],
    ['2018', '2020', 'year', ['2018', '2019', '2020']],
    ['2018', '2019', 'nine-months', ['2018N9', '2019N9']],
    ['2018-10-01', '2018-12-31', 'nine-months', []],
    ['2019', '2018', 'year', []],
  ] as const)('from %s to %s by %s gives %j', (from, to, type, expected) => {
    expect(periodsBetween(from, to, type)).toEqual(expected)
  })

  it('throws on a bound that is neither a period nor a date (a caller bug)', () => {
    expect(() => periodsBetween('Quý II', '2018', 'quarter')).toThrow(RangeError)
  })
})

describe('periodOf', () => {
  it.each([
    ['2018-05-18', 'month', '2018M05'],
    ['2018-05-18', 'quarter', '2018Q2'],
    ['2018-05-18', 'half-year', '2018S1'],
    ['2018-05-18', 'nine-months', '2018N9'],
    ['2018-05-18', 'year', '2018'],
    ['2023-12-31', 'half-year', '2023S2'],
    ['2018-11-02', 'nine-months', undefined],
  ] as const)('%s falls in the %s %s', (date, type, expected) => {
    expect(periodOf(date, type)).toBe(expected)
  })
})

describe('periodLabel', () => {
  it.each([
    ['2024M03', 'Tháng 3/2024', 'March 2024'],
    ['2024M12', 'Tháng 12/2024', 'December 2024'],
    ['2024Q1', 'Quý I/2024', 'Q1 2024'],
    ['2018Q4', 'Quý IV/2018', 'Q4 2018'],
    ['2024S1', '6 tháng đầu năm 2024', 'H1 2024'],
    ['2024S2', '6 tháng cuối năm 2024', 'H2 2024'],
    ['2024N9', '9 tháng năm 2024', '9 months 2024'],
    ['2024', 'Năm 2024', '2024'],
  ])('%s reads "%s" and in English "%s"', (id, vi, en) => {
    expect(periodLabel(id)).toBe(vi)
    expect(periodLabel(id, 'vi')).toBe(vi)
    expect(periodLabel(id, 'en')).toBe(en)
  })
})

describe('cutoffWindow', () => {
  describe('defaults of Decree 09/2019/NĐ-CP art. 12', () => {
    it.each([
      ['month March runs from 15 Feb to 14 Mar', '2024M03', '2024-02-15', '2024-03-14'],
      ['month January starts in the previous December', '2024M01', '2023-12-15', '2024-01-14'],
      ['quarter Q1 runs from 15 Dec to 14 Mar', '2024Q1', '2023-12-15', '2024-03-14'],
      ['quarter Q2 runs from 15 Mar to 14 Jun', '2020Q2', '2020-03-15', '2020-06-14'],
      ['quarter Q3 runs from 15 Jun to 14 Sep', '2020Q3', '2020-06-15', '2020-09-14'],
      ['quarter Q4 runs from 15 Sep to 14 Dec', '2020Q4', '2020-09-15', '2020-12-14'],
      ['6 months S1 runs from 15 Dec to 14 Jun', '2023S1', '2022-12-15', '2023-06-14'],
      ['6 months S2 runs from 15 Jun to 14 Dec (art. 12(3))', '2023S2', '2023-06-15', '2023-12-14'],
      ['9 months runs from 15 Dec to 14 Sep', '2020N9', '2019-12-15', '2020-09-14'],
      ['year runs from 15 Dec to 14 Dec', '2020', '2019-12-15', '2020-12-14'],
    ])('%s', (_, id, start, end) => {
      expect(cutoffWindow(id)).toEqual({ start, end })
    })
  })

  describe('plan overrides', () => {
    it('Đức Hợp 6-month report counts 01/11/2022 to 31/05/2023', () => {
      expect(cutoffWindow('2023S1', ducHop)).toEqual({ start: '2022-11-01', end: '2023-05-31' })
    })

    it('Đức Hợp annual report counts 01/11/2022 to 25/10/2023', () => {
      expect(cutoffWindow('2023', ducHop)).toEqual({ start: '2022-11-01', end: '2023-10-25' })
    })

    it('takes the rules as a bare list too', () => {
      expect(cutoffWindow('2023S1', ducHop.rules)).toEqual({ start: '2022-11-01', end: '2023-05-31' })
    })

    it('keeps the decree for periods the plan says nothing about (Đức Hợp S2)', () => {
      expect(cutoffWindow('2023S2', ducHop)).toEqual({ start: '2023-06-15', end: '2023-12-14' })
    })

    it('prefers a rule for the index, and falls back field by field to the rule for the type', () => {
      const rules = ReportingRulesSchema.parse({
        rules: [
          { type: 'quarter', index: 2, cutoffEnd: { month: 6, day: 10 } },
          { type: 'quarter', cutoffStart: { month: 1, day: 1 }, cutoffEnd: { month: 3, day: 31 } },
        ],
      })
      expect(cutoffWindow('2024Q2', rules)).toEqual({ start: '2024-01-01', end: '2024-06-10' })
    })

    it('reads day 31 of a shorter month as its last day', () => {
      const rules = [{ type: 'month' as const, index: 2, cutoffEnd: { month: 2, day: 31, yearOffset: 0 } }]
      expect(cutoffWindow('2023M02', rules).end).toBe('2023-02-28')
    })
  })
})

describe('submissionDeadline', () => {
  describe('defaults run bottom-up from the cut-off end', () => {
    it.each<[string, UnitLevel, string]>([
      ['2024Q1', 'commune', '2024-03-16'],
      ['2024Q1', 'district', '2024-03-18'],
      ['2024Q1', 'province', '2024-03-18'],
      ['2024Q1', 'national', '2024-03-25'],
      ['2020S1', 'commune', '2020-06-16'],
      ['2020S1', 'province', '2020-06-18'],
      ['2020', 'district', '2020-12-18'],
      ['2024M03', 'commune', '2024-03-16'],
    ])('%s: a %s unit reports by %s', (id, level, expected) => {
      expect(submissionDeadline(id, level)).toBe(expected)
    })

    it('counts from an overridden cut-off end when the plan sets no due day', () => {
      const rules = [{ type: 'quarter' as const, cutoffEnd: { month: 3, day: 31, yearOffset: 0 } }]
      expect(submissionDeadline('2024Q1', 'commune', rules)).toBe('2024-04-02')
    })
  })

  describe("the plan's due day", () => {
    it('Đức Hợp commune staff send the 6-month report by 03/06/2023', () => {
      expect(submissionDeadline('2023S1', 'commune', ducHop, { issuerLevel: 'commune' })).toBe('2023-06-03')
    })

    it('Đức Hợp annual report is due 25/10/2023, the last day it counts', () => {
      expect(submissionDeadline('2023', 'commune', ducHop, { issuerLevel: 'commune' })).toBe('2023-10-25')
    })

    it('applies to every level when the issuer level is not given', () => {
      expect(submissionDeadline('2023S1', 'district', ducHop)).toBe('2023-06-03')
    })

    // A province plan whose departments report by the 18th: lower levels keep the default spacing.
    const province = [{ type: 'quarter' as const, due: { month: 9, day: 18, yearOffset: 0 } }]
    it.each<[UnitLevel, string]>([
      ['national', '2020-09-25'],
      ['province', '2020-09-18'],
      ['district', '2020-09-18'],
      ['commune', '2020-09-16'],
    ])('a province plan due 18/09 gives a %s unit %s', (level, expected) => {
      expect(submissionDeadline('2020Q3', level, province, { issuerLevel: 'province' })).toBe(expected)
    })

    it('never gives a lower level a day on or before the cut-off end (Decree 09/2019 art. 8(5)(b))', () => {
      const tight = [{ type: 'quarter' as const, due: { month: 9, day: 15, yearOffset: 0 } }]
      expect(submissionDeadline('2020Q3', 'commune', tight, { issuerLevel: 'province' })).toBe('2020-09-15')
    })

    it('never gives a lower level a later day than the plan', () => {
      // Đức Hợp's annual due day is its cut-off end; a derived earlier day cannot exist.
      expect(submissionDeadline('2023', 'commune', ducHop, { issuerLevel: 'district' })).toBe('2023-10-25')
    })
  })
})

describe('isLate', () => {
  it.each([
    ['on the deadline day, Vietnam time', '2023-06-03T16:30:00+07:00', '2023-06-03', 0, false],
    ['the day after', '2023-06-04T08:00:00+07:00', '2023-06-03', 0, true],
    ['a UTC time already past midnight in Vietnam', '2023-06-03T18:00:00Z', '2023-06-03', 0, true],
    ['a UTC time still on the deadline day in Vietnam', '2023-06-03T16:59:59Z', '2023-06-03', 0, false],
    ['a bare date before the deadline', '2023-06-02', '2023-06-03', 0, false],
    ['a local time without offset, taken as written', '2023-06-03T23:00:00', '2023-06-03', 0, false],
    ['two days late inside a two-day grace period', '2023-06-05', '2023-06-03', 2, false],
    ['three days late past a two-day grace period', '2023-06-06T07:00:00+07:00', '2023-06-03', 2, true],
  ])('%s', (_, submittedAt, deadline, graceDays, expected) => {
    expect(isLate(submittedAt, deadline, graceDays)).toBe(expected)
  })

  it('throws on a time that is not one (a caller bug)', () => {
    expect(() => isLate('03/06/2023', '2023-06-03')).toThrow(RangeError)
  })
})

describe('currentPeriod', () => {
  // Kiên Giang 97/KH-UBND 2018 as published: 6-month, Q3 and annual reports, province deadlines.
  const kienGiang = [
    { id: '2018', deadline: '2018-12-18' },
    { id: '2018S1', deadline: '2018-06-18' },
    { id: '2018Q3', deadline: '2018-09-18' },
  ]
  it.each([
    ['2018-05-20', '2018S1', 'before the first deadline: the first period'],
    ['2018-06-18', '2018S1', 'on the deadline day: still that period'],
    ['2018-06-19', '2018Q3', 'the day after: the next one'],
    ['2018-12-01', '2018', 'late in the year: the annual report'],
    ['2025-07-01', '2018', 'every deadline passed: the latest'],
    ['2017-01-01', '2018S1', 'long before the plan: its first period'],
  ])('on %s opens %s (%s)', (asOf, expected) => {
    expect(currentPeriod(kienGiang, asOf)?.id).toBe(expected)
  })

  it.each([
    ['2018-06-10', '2018Q2', 'a quarter goes before the half-year due the same day'],
    ['2019-01-10', '2018', 'once both passed, the latest is the longer one'],
  ])('on %s opens %s (%s)', (asOf, expected) => {
    const sameDay = [
      { id: '2018S1', deadline: '2018-06-18' },
      { id: '2018Q2', deadline: '2018-06-18' },
      { id: '2018', deadline: '2018-12-18' },
      { id: '2018Q4', deadline: '2018-12-18' },
    ]
    expect(currentPeriod(sameDay, asOf)?.id).toBe(expected)
  })

  it('answers the element it was given, extra fields and all', () => {
    const periods = [{ id: '2023S1', deadline: '2023-06-03', planId: 'duc-hop' }]
    expect(currentPeriod(periods, '2023-05-01')).toBe(periods[0])
  })

  it('answers undefined for no periods', () => {
    expect(currentPeriod([], '2018-06-10')).toBeUndefined()
  })
})

describe('periodChoices', () => {
  // Kiên Giang 97/KH-UBND (province) and a commune plan that reports the same 6 months earlier.
  const periods = [
    { id: '2018S1', deadline: '2018-06-18' },
    { id: '2018Q3', deadline: '2018-09-18' },
    { id: '2018', deadline: '2018-12-18' },
    { id: '2018S1', deadline: '2018-06-03' },
  ]

  it('lists each period once, newest deadline first', () => {
    expect(periodChoices(periods, '2018-06-10').ids).toEqual(['2018', '2018Q3', '2018S1'])
  })

  it.each([
    ['2018-06-01', '2018S1'],
    ['2018-06-04', '2018S1'], // past the commune plan's deadline, the province still collects it
    ['2018-06-19', '2018Q3'],
    ['2018-12-18', '2018'],
    ['2025-07-01', '2018'],
  ])('on %s opens %s', (asOf, current) => {
    expect(periodChoices(periods, asOf).current).toBe(current)
  })

  it('has no current period without periods', () => {
    expect(periodChoices([], '2018-06-10')).toEqual({ ids: [] })
  })
})

describe('periodDatesError', () => {
  it.each<[string, PeriodDates, string | undefined]>([
    ['Decree 09/2019 defaults for 2018Q2', { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }, undefined],
    ['Đức Hợp 6 months, due on 03/06', { cutoffStart: '2022-11-01', cutoffEnd: '2023-05-31', dueOn: '2023-06-03' }, undefined],
    ['due on the cut-off day itself', { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-14' }, undefined],
    ['a window ending before it starts', { cutoffStart: '2018-06-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }, 'cutoff-reversed'],
    [
      'a deadline before the window closes',
      { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-10' },
      'due-before-cutoff-end',
    ],
  ])('%s', (_case, dates, code) => {
    expect(periodDatesError(dates)?.code).toBe(code)
  })
})

describe('periodRuleOf', () => {
  it.each<[string, PeriodDates, object, number]>([
    // Decree 09/2019/NĐ-CP windows: Q1 starts on 15 Dec of the year before.
    ['2024Q1', { cutoffStart: '2023-12-15', cutoffEnd: '2024-03-14', dueOn: '2024-03-18' }, { type: 'quarter', index: 1 }, -1],
    ['2018S1', { cutoffStart: '2017-12-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }, { type: 'half-year', index: 1 }, -1],
    // Đức Hợp: the 6-month report covers 01/11/2022–31/05/2023, due before 03/6.
    ['2023S1', { cutoffStart: '2022-11-01', cutoffEnd: '2023-05-31', dueOn: '2023-06-02' }, { type: 'half-year', index: 1 }, -1],
    ['2018', { cutoffStart: '2017-12-15', cutoffEnd: '2018-12-14', dueOn: '2018-12-18' }, { type: 'year' }, -1],
    ['2018Q2', { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }, { type: 'quarter', index: 2 }, 0],
  ])('reads %s back as the same window and deadline', (periodId, dates, kind, startOffset) => {
    const rule = periodRuleOf(periodId, dates)
    expect(rule).toMatchObject({ ...kind, cutoffStart: { yearOffset: startOffset } })
    expect(cutoffWindow(periodId, [rule])).toEqual({ start: dates.cutoffStart, end: dates.cutoffEnd })
    expect(submissionDeadline(periodId, 'province', [rule], { issuerLevel: 'province' })).toBe(dates.dueOn)
  })

  it('refuses an id that is no period', () => {
    expect(() => periodRuleOf('2018Q5', { cutoffStart: '2018-01-01', cutoffEnd: '2018-03-31', dueOn: '2018-04-05' })).toThrow(RangeError)
  })
})

describe('deadlineAtLevel', () => {
  const q2 = { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }
  // Đức Hợp's 6-month report, stated for the commune: the commune's own deadline is the plan's.
  const ducHopS1 = { cutoffStart: '2022-11-01', cutoffEnd: '2023-05-31', dueOn: '2023-06-03' }

  it.each<[string, string, PeriodDates, UnitLevel, UnitLevel, string]>([
    ['the issuer keeps the period’s deadline', '2018Q2', q2, 'province', 'province', '2018-06-18'],
    ['a district reports with the departments', '2018Q2', q2, 'district', 'province', '2018-06-18'],
    ['a commune reports two days before the province', '2018Q2', q2, 'commune', 'province', '2018-06-16'],
    ['the Ministry gets it a week later', '2018Q2', q2, 'national', 'province', '2018-06-25'],
    ['a commune plan states the commune’s own deadline', '2023S1', ducHopS1, 'commune', 'commune', '2023-06-03'],
    ['a stored code that is no period keeps its deadline', 'Q2/2018', q2, 'commune', 'province', '2018-06-18'],
  ])('%s', (_case, periodId, dates, level, issuerLevel, expected) => {
    expect(deadlineAtLevel(periodId, dates, level, issuerLevel)).toBe(expected)
  })
})

// Issue 13: a 2018 report printed today judged every late filing and every task from today.
describe('periodAsOf', () => {
  it.each<[string, string, string, number, string]>([
    ['a past period is judged once its deadline has passed', '2018-06-18', '2026-12-04T09:00:00Z', 0, '2018-06-19'],
    ['with its grace days', '2018-06-18', '2026-12-04T09:00:00Z', 5, '2018-06-24'],
    ['the day after the deadline is today', '2026-12-03', '2026-12-04T09:00:00Z', 0, '2026-12-04'],
    ['the period being collected is judged today', '2026-12-18', '2026-12-04T09:00:00Z', 0, '2026-12-04'],
    ['the deadline day itself is still today', '2026-12-04', '2026-12-04T09:00:00Z', 0, '2026-12-04'],
    ['inside the grace days, today', '2026-12-01', '2026-12-04T09:00:00Z', 5, '2026-12-04'],
    ['today in Viet Nam (17:30Z is the next day there)', '2026-12-03', '2026-12-04T17:30:00Z', 0, '2026-12-04'],
  ])('%s', (_case, deadline, now, grace, expected) => {
    expect(periodAsOf(deadline, now, grace)).toBe(expected)
  })
})
