import { describe, expect, it } from 'vitest'
import {
  formatDate,
  formatDateTime,
  formatNumber,
  formatPercent,
  formatScore,
  formatYears,
  parseVietnameseNumber,
  roundPercent,
} from './format'
import type { Locale } from './label'

describe('formatNumber', () => {
  it.each<[string, number, Locale, { decimals?: number; grouping?: boolean }, string]>([
    ['Kiên Giang PAPI 2017 total', 35.71, 'vi', {}, '35,71'],
    ['Thừa Thiên Huế PAPI 2023 total keeps its four decimals', 46.0415, 'vi', {}, '46,0415'],
    ['Lào Cai PAR INDEX 2019 total', 82.85, 'vi', {}, '82,85'],
    ['dot groups thousands', 1234.5, 'vi', {}, '1.234,5'],
    ['communes after the 2025 reform', 3321, 'vi', {}, '3.321'],
    ['fixed decimals pad with zeros', 35.7, 'vi', { decimals: 2 }, '35,70'],
    ['fixed decimals round', 46.0415, 'vi', { decimals: 2 }, '46,04'],
    ['a year is not grouped when asked', 2018, 'vi', { grouping: false }, '2018'],
    ['binary noise is trimmed', 0.1 + 0.2, 'vi', {}, '0,3'],
    ['negative change of score', -0.63, 'vi', {}, '-0,63'],
    ['rounding to zero drops the minus', -0.001, 'vi', { decimals: 2 }, '0,00'],
    ['negative zero prints as zero', -0, 'vi', {}, '0'],
    ['English uses decimal point and comma thousands', 1234.5, 'en', {}, '1,234.5'],
    ['English keeps published decimals', 46.0415, 'en', {}, '46.0415'],
  ])('%s: %s → %s', (_case, n, locale, options, expected) => {
    expect(formatNumber(n, locale, options)).toBe(expected)
  })

  it('is Vietnamese by default', () => expect(formatNumber(5.26)).toBe('5,26'))

  it.each([Number.NaN, Number.POSITIVE_INFINITY])('throws a RangeError on %s', (n) => {
    expect(() => formatNumber(n)).toThrow(RangeError)
  })

  it('throws a RangeError on impossible decimals', () => {
    expect(() => formatNumber(1, 'vi', { decimals: -1 })).toThrow(RangeError)
  })
})

describe('formatPercent', () => {
  it.each<[number, Locale, number | undefined, string]>([
    [95, 'vi', undefined, '95%'],
    [82.5, 'vi', undefined, '82,5%'],
    [8.3, 'vi', 2, '8,30%'],
    [82.5, 'en', undefined, '82.5%'],
  ])('%s in %s → %s', (percent, locale, decimals, expected) => {
    expect(formatPercent(percent, locale, decimals === undefined ? {} : { decimals })).toBe(expected)
  })
})

describe('formatScore', () => {
  it.each<[string, number, number, Locale, string]>([
    ['Kiên Giang 2017, PAPI out of 60', 35.71, 60, 'vi', '35,71/60'],
    ['Thừa Thiên Huế 2023, PAPI out of 80', 46.0415, 80, 'vi', '46,0415/80'],
    ['Lào Cai 2019, PAR INDEX out of 100', 82.85, 100, 'vi', '82,85/100'],
    ['in English', 35.71, 60, 'en', '35.71/60'],
  ])('%s → %s', (_case, score, max, locale, expected) => {
    expect(formatScore(score, max, locale)).toBe(expected)
  })
})

describe('formatDate', () => {
  it.each<[string, string, Locale, string]>([
    ['Kiên Giang 97/KH-UBND issued', '2018-05-18', 'vi', '18/05/2018'],
    ['Lào Cai 165/KH-UBND issued, in English too', '2020-06-11', 'en', '11/06/2020'],
    ['Đức Hợp 6-month report deadline', '2023-06-03', 'vi', '03/06/2023'],
    ['a date-time keeps its own calendar day, whatever the machine zone', '2023-06-03T23:30:00+07:00', 'vi', '03/06/2023'],
    ['a leap day', '2024-02-29', 'vi', '29/02/2024'],
  ])('%s: %s → %s', (_case, iso, locale, expected) => {
    expect(formatDate(iso, locale)).toBe(expected)
  })

  it.each(['18/05/2018', '2023-02-29', '2023-13-01', ''])('throws a RangeError on %j', (text) => {
    expect(() => formatDate(text)).toThrow(RangeError)
  })
})

describe('parseVietnameseNumber', () => {
  it.each<[string, number | undefined]>([
    ['35,71', 35.71],
    ['46,0415', 46.0415],
    ['1.234,5', 1234.5],
    ['1.234', 1234],
    ['3.321', 3321],
    ['10.000.000', 10_000_000],
    ['82,85 ', 82.85],
    ['95%', 95],
    ['95 %', 95],
    ['-0,63', -0.63],
    ['−0,63', -0.63],
    ['+4,38', 4.38],
    ['06', 6],
    ['46.0415', 46.0415],
    ['1234.567', 1234.567],
    ['1\u00a0234,5', 1234.5],
    ['', undefined],
    ['khoảng 90', undefined],
    ['1,2,3', undefined],
    ['1.23,4', undefined],
    ['90-100', undefined],
  ])('%j → %s', (text, expected) => {
    expect(parseVietnameseNumber(text)).toBe(expected)
  })

  it.each([35.71, 46.0415, 1234.5, -0.63, 3321])('reads back what formatNumber writes: %s', (n) => {
    expect(parseVietnameseNumber(formatNumber(n))).toBe(n)
  })

  // A typed form field or a machine-written table: thousands are never grouped there.
  it.each<[string, number | undefined]>([
    ['1.234', 1.234],
    ['1.000', 1],
    ['12.5', 12.5],
    ['12,5', 12.5],
    ['46.0415', 46.0415],
    ['1.234,5', 1234.5],
    [' 90 ', 90],
    ['-0.5', -0.5],
    ['', undefined],
    ['nhiều', undefined],
  ])('with dotIsDecimal, %j → %s', (text, expected) => {
    expect(parseVietnameseNumber(text, { dotIsDecimal: true })).toBe(expected)
  })
})

describe('formatDateTime', () => {
  it.each<[string, string, Locale, string]>([
    ['a report filed at 01:30 on 1 July in Hà Nội is dated 1 July', '2018-06-30T18:30:00Z', 'vi', '01:30 01/07/2018'],
    ['a Viet Nam offset keeps its clock', '2023-06-03T16:30:00+07:00', 'vi', '16:30 03/06/2023'],
    ['English reads the same clock and day order', '2023-06-03T16:30:00+07:00', 'en', '16:30 03/06/2023'],
    ['a local time is taken as written', '2023-06-03T08:05:00', 'vi', '08:05 03/06/2023'],
    ['a bare date has no clock', '2023-06-03', 'vi', '03/06/2023'],
  ])('%s: %s → %s', (_case, instant, locale, expected) => {
    expect(formatDateTime(instant, locale)).toBe(expected)
  })

  it.each(['03/06/2023 16:30', 'hôm qua', ''])('throws a RangeError on %j', (text) => {
    expect(() => formatDateTime(text)).toThrow(RangeError)
  })
})

describe('formatYears', () => {
  it.each<[string, { from: number; to: number }, string]>([
    ['Kiên Giang 97/KH-UBND: one year', { from: 2018, to: 2018 }, '2018'],
    ['a five-year plan', { from: 2021, to: 2025 }, '2021–2025'],
  ])('%s → %s', (_case, years, expected) => {
    expect(formatYears(years)).toBe(expected)
  })
})

describe('roundPercent', () => {
  it.each([
    [33.3333, 33.3],
    [49.65, 49.7],
    [100, 100],
    [0, 0],
  ])('%f rounds to %f', (percent, rounded) => {
    expect(roundPercent(percent)).toBe(rounded)
  })
})
