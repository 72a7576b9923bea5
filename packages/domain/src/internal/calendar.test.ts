import { describe, expect, it } from 'vitest'
import {
  addDays,
  calendarDayAt,
  compareDates,
  daysInMonth,
  isCalendarDate,
  isIsoDate,
  isLeapYear,
  isoDate,
  maxDate,
  minDate,
  monthBefore,
  overlaps,
  requireDate,
  sortedUniqueDates,
  spanHolds,
  vietnamDay,
  wallClockAt,
} from './calendar'

describe('isLeapYear', () => {
  it.each([
    [2024, true],
    [2023, false],
    [2000, true],
    [1900, false],
    [2100, false],
  ])('%i → %s', (year, expected) => {
    expect(isLeapYear(year)).toBe(expected)
  })
})

describe('daysInMonth', () => {
  it.each([
    ['February in a leap year', 2024, 2, 29],
    ['February in a common year', 2023, 2, 28],
    ['February in a century that is not a leap year', 1900, 2, 28],
    ['February in a century that is', 2000, 2, 29],
    ['a 30-day month', 2018, 6, 30],
    ['a 31-day month', 2018, 5, 31],
    ['December', 2018, 12, 31],
  ])('%s: %i-%i has %i days', (_, year, month, expected) => {
    expect(daysInMonth(year, month)).toBe(expected)
  })
})

describe('isCalendarDate', () => {
  it.each([
    ['a leap day', 2024, 2, 29, true],
    ['29 February outside a leap year', 2023, 2, 29, false],
    ['31 April', 2018, 4, 31, false],
    ['the last day of the year', 2018, 12, 31, true],
    ['month 13', 2018, 13, 1, false],
    ['day 0', 2018, 6, 0, false],
    ['a fractional day', 2018, 6, 1.5, false],
    ['a year below 100, written literally', 50, 1, 1, true],
  ])('%s', (_, year, month, day, expected) => {
    expect(isCalendarDate(year, month, day)).toBe(expected)
  })
})

describe('isIsoDate and requireDate', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2018-13-01', false],
    ['15/06/2018', false],
    ['2018-06-15T00:00:00Z', false],
  ])('%s is a date: %s', (text, expected) => {
    expect(isIsoDate(text)).toBe(expected)
    if (expected) expect(requireDate(text)).toBe(text)
    else expect(() => requireDate(text)).toThrow(RangeError)
  })
})

describe('isoDate', () => {
  it.each([
    [2018, 6, 5, '2018-06-05'],
    [2018, 12, 31, '2018-12-31'],
    [99, 1, 1, '0099-01-01'],
  ])('%i, %i, %i → %s', (year, month, day, expected) => {
    expect(isoDate(year, month, day)).toBe(expected)
  })
})

describe('monthBefore', () => {
  it.each([
    [2024, 3, [2024, 2]],
    [2024, 1, [2023, 12]],
  ])('%i-%i → %j', (year, month, expected) => {
    expect(monthBefore(year, month)).toEqual(expected)
  })
})

describe('addDays', () => {
  it.each([
    ['into a leap day', '2024-02-28', 1, '2024-02-29'],
    ['past a leap day', '2024-02-29', 1, '2024-03-01'],
    ['past 28 February in a common year', '2023-02-28', 1, '2023-03-01'],
    ['past the end of a 30-day month', '2018-06-30', 1, '2018-07-01'],
    ['across the year end', '2018-12-31', 1, '2019-01-01'],
    ['back across the year end', '2019-01-01', -1, '2018-12-31'],
    ['back into a leap day', '2024-03-01', -1, '2024-02-29'],
    ['back to the end of a 31-day month', '2018-06-01', -1, '2018-05-31'],
    ['zero days', '2018-06-15', 0, '2018-06-15'],
    ['a whole leap year', '2024-01-01', 366, '2025-01-01'],
    ['the commune submission offset from a quarter cut-off', '2024-03-14', 2, '2024-03-16'],
    ['a year below 100 stays literal', '0050-12-31', 1, '0051-01-01'],
  ])('%s: %s + %i → %s', (_, date, days, expected) => {
    expect(addDays(date, days)).toBe(expected)
  })
})

describe('compareDates, minDate, maxDate, sortedUniqueDates', () => {
  it.each([
    ['2018-06-30', '2018-07-01', -1],
    ['2018-12-31', '2018-12-31', 0],
    ['2019-01-01', '2018-12-31', 1],
  ])('%s against %s → %i', (a, b, expected) => {
    expect(Math.sign(compareDates(a, b))).toBe(expected)
    expect(minDate(a, b)).toBe(expected <= 0 ? a : b)
    expect(maxDate(a, b)).toBe(expected >= 0 ? a : b)
  })

  it('sorts dates earliest first and keeps each once', () => {
    expect(sortedUniqueDates(['2023-10-25', '2023-06-03', '2023-10-25', '2022-12-31'])).toEqual(['2022-12-31', '2023-06-03', '2023-10-25'])
  })
})

describe('overlaps and spanHolds', () => {
  const q2 = { start: '2018-04-01', end: '2018-06-30' }
  it.each([
    ['a span inside', { start: '2018-05-01', end: '2018-05-31' }, true],
    ['a span touching the last day', { start: '2018-06-30', end: '2018-09-30' }, true],
    ['a span touching the first day', { start: '2018-01-01', end: '2018-04-01' }, true],
    ['the next day onwards', { start: '2018-07-01', end: '2018-09-30' }, false],
    ['up to the day before', { start: '2018-01-01', end: '2018-03-31' }, false],
  ])('Q2 2018 and %s: %s', (_, span, expected) => {
    expect(overlaps(q2, span)).toBe(expected)
    expect(overlaps(span, q2)).toBe(expected)
  })

  it.each([
    ['2018-04-01', true],
    ['2018-06-30', true],
    ['2018-03-31', false],
    ['2018-07-01', false],
  ])('Q2 2018 holds %s: %s', (date, expected) => {
    expect(spanHolds(q2, date)).toBe(expected)
  })
})

describe('vietnamDay', () => {
  it.each([
    ['16:59:59Z is still the same day in Viet Nam', '2023-06-03T16:59:59Z', '2023-06-03'],
    ['17:00Z is midnight of the next day in Viet Nam', '2023-06-03T17:00:00Z', '2023-06-04'],
    ['17:00Z on 31 December is already the new year', '2018-12-31T17:00:00Z', '2019-01-01'],
    ['17:00Z on 28 February of a leap year is the leap day', '2024-02-28T17:00:00Z', '2024-02-29'],
    ['17:00Z on 30 June is 1 July', '2018-06-30T17:00:00.000Z', '2018-07-01'],
    ['a Viet Nam offset keeps its own day', '2023-06-03T23:59:00+07:00', '2023-06-03'],
    ['another offset is moved onto Viet Nam time', '2023-06-03T12:00:00-05:00', '2023-06-04'],
    ['a compact offset', '2023-06-03T23:30:00+0700', '2023-06-03'],
    ['a local time without offset, taken as written', '2023-06-03T23:00:00', '2023-06-03'],
    ['a bare date', '2023-06-03', '2023-06-03'],
    ['surrounding spaces', ' 2023-06-03 ', '2023-06-03'],
  ])('%s: %s → %s', (_, moment, expected) => {
    expect(vietnamDay(moment)).toBe(expected)
  })

  it.each(['03/06/2023', '2023-02-30', 'June 3, 2023', '2023-06-03Tnoon', ''])('%j is not a day', (moment) => {
    expect(vietnamDay(moment)).toBeUndefined()
  })

  it('is calendarDayAt at UTC+7', () => {
    expect(calendarDayAt('2023-06-03T17:00:00Z', 7 * 60)).toBe(vietnamDay('2023-06-03T17:00:00Z'))
    expect(calendarDayAt('2023-06-03T17:00:00Z', 0)).toBe('2023-06-03')
  })
})

describe('wallClockAt', () => {
  it.each<[string, string, number, { day: string; time: string } | undefined]>([
    ['UTC evening is past midnight in Viet Nam', '2018-06-30T18:30:00Z', 420, { day: '2018-07-01', time: '01:30' }],
    ['a Viet Nam offset keeps its clock', '2023-06-03T16:30:00+07:00', 420, { day: '2023-06-03', time: '16:30' }],
    ['a local time is taken as written', '2018-06-30T08:05:00', 420, { day: '2018-06-30', time: '08:05' }],
    ['at UTC', '2018-06-30T18:30:00Z', 0, { day: '2018-06-30', time: '18:30' }],
    ['a bare date has no clock', '2018-06-30', 420, undefined],
    ['not a date-time', 'hôm qua', 420, undefined],
  ])('%s: %s', (_, moment, offset, expected) => {
    expect(wallClockAt(moment, offset)).toEqual(expected)
  })
})

describe('calendarDayAt on stored instants (2024-07-01T03:00:00.000Z, read by arithmetic)', () => {
  it('answers the day wallClockAt answers, for instants across four centuries and every offset', () => {
    let seed = 7
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648
      return seed / 2_147_483_648
    }
    const from = Date.parse('1890-01-01T00:00:00Z')
    const to = Date.parse('2290-12-31T23:59:59Z')
    const instants = [
      '2024-02-29T16:59:59.999Z',
      '2024-02-29T17:00:00.000Z',
      '2023-12-31T17:00:00.000Z',
      '2000-02-29T23:59:59.999Z',
      '1900-02-28T17:00:00.000Z',
      ...Array.from({ length: 3000 }, () => new Date(from + Math.floor(next() * (to - from))).toISOString()),
    ]
    for (const offset of [-720, -60, 0, 420, 840]) {
      for (const instant of instants)
        expect(calendarDayAt(instant, offset), `${instant} at ${offset}`).toBe(wallClockAt(instant, offset)?.day)
    }
  })

  it('leaves what only looks like one to the general rules', () => {
    expect(calendarDayAt('2024-07-01T24:00:00.000Z', 420)).toBe(wallClockAt('2024-07-01T24:00:00.000Z', 420)?.day)
    expect(calendarDayAt('2024-13-01T03:00:00.000Z', 420)).toBeUndefined()
    expect(calendarDayAt('x024-07-01T03:00:00.000Z', 420)).toBeUndefined()
  })
})

describe('addDays remembers', () => {
  it('gives the same answer asked again, and after many others', () => {
    expect(addDays('2018-06-18', 3)).toBe('2018-06-21')
    for (let i = 0; i < 5000; i++) addDays('2018-01-01', i)
    expect(addDays('2018-06-18', 3)).toBe('2018-06-21')
    expect(addDays('2018-01-01', 4999)).toBe('2031-09-09')
  })
})
