import { isCalendarDate } from './internal/calendar'
import { DEFAULT_LOCALE, type Locale } from './label'

export interface FormatNumberOptions {
  /** Exactly this many decimals (35.7 with 2 → "35,70"). Without it, as many as the number has, up to 10. */
  decimals?: number
  /** Thousands separators; on unless turned off (years and codes are not grouped). */
  grouping?: boolean
}

// Vietnamese writes a decimal comma and dot thousands ("1.234,5"; TCVN and every seed plan:
// "82,85 điểm", "46,0415 điểm"). English uses the international form ("1,234.5").
const INTL_LOCALE: Record<Locale, string> = { vi: 'vi-VN', en: 'en-GB' }

// Enough for any published figure (four decimals at most) while trimming binary noise
// such as 0.1 + 0.2 = 0.30000000000000004.
const MAX_FREE_DECIMALS = 10

const formatters = new Map<string, Intl.NumberFormat>()

function numberFormat(locale: Locale, options: FormatNumberOptions): Intl.NumberFormat {
  const { decimals, grouping = true } = options
  if (decimals !== undefined && (!Number.isInteger(decimals) || decimals < 0 || decimals > 20)) {
    throw new RangeError(`decimals must be an integer from 0 to 20, got ${decimals}`)
  }
  const key = `${locale}|${decimals ?? ''}|${grouping}`
  let format = formatters.get(key)
  if (!format) {
    format = new Intl.NumberFormat(INTL_LOCALE[locale], {
      minimumFractionDigits: decimals ?? 0,
      maximumFractionDigits: decimals ?? MAX_FREE_DECIMALS,
      useGrouping: grouping,
    })
    formatters.set(key, format)
  }
  return format
}

/**
 * Writes a number the way the locale reads it: decimal comma and dot thousands in Vietnamese.
 * Throws a RangeError on NaN or ±Infinity: a figure that is not a number is a bug upstream,
 * not something to print.
 *
 * @example
 * formatNumber(35.71) // '35,71'
 * formatNumber(46.0415) // '46,0415'
 * formatNumber(1234.5) // '1.234,5'
 * formatNumber(35.7, 'vi', { decimals: 2 }) // '35,70'
 * formatNumber(1234.5, 'en') // '1,234.5'
 */
export function formatNumber(n: number, locale: Locale = DEFAULT_LOCALE, options: FormatNumberOptions = {}): string {
  if (!Number.isFinite(n)) throw new RangeError(`cannot format ${n} as a number`)
  // −0 would print as "-0"; rounding can also produce it (−0.001 with 2 decimals).
  const text = numberFormat(locale, options).format(n === 0 ? 0 : n)
  return /^-0([.,]0+)?$/.test(text) ? text.slice(1) : text
}

/**
 * A percentage given in percent (95 means 95 %), written without a space as the plans do
 * ("95%", "từ 95% - 100%").
 *
 * @example
 * formatPercent(95) // '95%'
 * formatPercent(82.5) // '82,5%'
 * formatPercent(82.5, 'en') // '82.5%'
 */
export function formatPercent(percent: number, locale: Locale = DEFAULT_LOCALE, options: FormatNumberOptions = {}): string {
  return `${formatNumber(percent, locale, options)}%`
}

/**
 * A score out of its maximum, as the reports print it ("35,71/60 điểm").
 *
 * @example
 * formatScore(35.71, 60) // '35,71/60'
 * formatScore(46.0415, 80) // '46,0415/80'
 * formatScore(82.85, 100, 'en') // '82.85/100'
 */
export function formatScore(
  score: number,
  max: number,
  locale: Locale = DEFAULT_LOCALE,
  options: FormatNumberOptions = {},
): string {
  return `${formatNumber(score, locale, options)}/${formatNumber(max, locale)}`
}

const ISO_DATE_PREFIX = /^(\d{4})-(\d{2})-(\d{2})(?:$|T)/

/**
 * A calendar date as dd/mm/yyyy. English uses the same order: the product's English readers
 * work with Vietnamese documents (and UNDP's PAPI reports) that write day first, and a US-style
 * 06/11/2020 would be misread. The date is read as written — an ISO date-time keeps its own
 * calendar day, never shifted to the machine's time zone.
 * Throws a RangeError on text that is not an ISO date (a bug upstream: dates are validated by
 * IsoDateSchema on the way in).
 *
 * @example
 * formatDate('2018-05-18') // '18/05/2018'
 * formatDate('2020-06-11', 'en') // '11/06/2020'
 * formatDate('2023-06-03T23:30:00+07:00') // '03/06/2023'
 */
export function formatDate(iso: string, _locale: Locale = DEFAULT_LOCALE): string {
  const match = ISO_DATE_PREFIX.exec(iso)
  const [, year, month, day] = match ?? []
  if (!year || !month || !day || !isCalendarDate(Number(year), Number(month), Number(day))) {
    throw new RangeError(`not an ISO date: "${iso}"`)
  }
  return `${day}/${month}/${year}`
}

/**
 * Reads a number written the Vietnamese way: "35,71" → 35.71, "1.234,5" → 1234.5,
 * "1.234" → 1234 (dots grouping thousands). A dot that does not group thousands is read as a
 * decimal point, so machine-written "46.0415" still reads as 46.0415. A trailing "%" and spaces
 * are ignored; "−" and "-" both mean minus. Anything else gives `undefined`.
 *
 * @example
 * parseVietnameseNumber('35,71') // 35.71
 * parseVietnameseNumber('1.234,5') // 1234.5
 * parseVietnameseNumber('95%') // 95
 * parseVietnameseNumber('khoảng 90') // undefined
 */
export function parseVietnameseNumber(text: string): number | undefined {
  const compact = text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(/^[\u2212\u2013]/, '-')
  const match = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(compact)
  if (match) {
    const [, sign = '', whole = '', fraction] = match
    return Number(`${sign}${whole.replace(/\./g, '')}${fraction === undefined ? '' : `.${fraction}`}`)
  }
  // No comma and a dot that does not group thousands: a decimal point ("46.0415").
  if (/^[+-]?\d+\.\d+$/.test(compact)) return Number(compact)
  return undefined
}
