import { isCalendarDate, isIsoDate, VIETNAM_UTC_OFFSET_MINUTES, wallClockAt } from './internal/calendar'
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
 * A percentage rounded to one decimal, as reports and screens show a rate: enough to tell 62,5 %
 * from 62 %, while 33,3333…% reads as noise.
 *
 * @example
 * roundPercent(33.3333) // 33.3
 * roundPercent(49.65) // 49.7
 */
export function roundPercent(percent: number): number {
  return Math.round(percent * 10) / 10
}

/**
 * A score out of its maximum, as the reports print it ("35,71/60 điểm").
 *
 * @example
 * formatScore(35.71, 60) // '35,71/60'
 * formatScore(46.0415, 80) // '46,0415/80'
 * formatScore(82.85, 100, 'en') // '82.85/100'
 */
export function formatScore(score: number, max: number, locale: Locale = DEFAULT_LOCALE, options: FormatNumberOptions = {}): string {
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
 * An instant as its wall-clock time and day in Viet Nam, `HH:mm dd/mm/yyyy` — when a report was
 * filed, as an officer reads it against a deadline day. A time with `Z` or an offset is moved onto
 * Viet Nam's clock (UTC+7, the clock `localDateOf` reads deadlines on); a local time without one is
 * taken as written; a bare date has no clock and prints as {@link formatDate}.
 * Throws a RangeError on text that is not an ISO date or date-time (a bug upstream).
 *
 * @example
 * formatDateTime('2018-06-30T18:30:00Z') // '01:30 01/07/2018'
 * formatDateTime('2023-06-03T16:30:00+07:00', 'en') // '16:30 03/06/2023'
 * formatDateTime('2023-06-03') // '03/06/2023'
 */
export function formatDateTime(instant: string, locale: Locale = DEFAULT_LOCALE): string {
  if (isIsoDate(instant.trim())) return formatDate(instant.trim(), locale)
  const clock = wallClockAt(instant, VIETNAM_UTC_OFFSET_MINUTES)
  if (clock === undefined) throw new RangeError(`not an ISO date-time: "${instant}"`)
  return `${clock.time} ${formatDate(clock.day, locale)}`
}

/**
 * The years a plan covers, as plans write them: one year alone, else first–last with an en dash
 * ("giai đoạn 2021–2025"). Years are never grouped ("2018", not "2.018").
 *
 * @example
 * formatYears({ from: 2018, to: 2018 }) // '2018'
 * formatYears({ from: 2021, to: 2025 }) // '2021–2025'
 */
export function formatYears(years: { from: number; to: number }): string {
  return years.from === years.to ? String(years.from) : `${years.from}–${years.to}`
}

export interface ParseNumberOptions {
  /**
   * Read a lone dot between digits as a decimal point ("1.234" → 1.234), as machines and English
   * typists write, instead of as a thousands dot (→ 1234). For input where thousands are never
   * grouped: a typed form field, a machine-written table.
   */
  dotIsDecimal?: boolean
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
 * parseVietnameseNumber('1.234', { dotIsDecimal: true }) // 1.234
 */
export function parseVietnameseNumber(text: string, options: ParseNumberOptions = {}): number | undefined {
  const compact = text
    .normalize('NFC')
    .replace(/[\s\u00a0\u202f]/g, '')
    .replace(/%$/, '')
    .replace(/^[\u2212\u2013]/, '-')
  if (options.dotIsDecimal && /^[+-]?\d+\.\d+$/.test(compact)) return Number(compact)
  const match = /^([+-]?)(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/.exec(compact)
  if (match) {
    const [, sign = '', whole = '', fraction] = match
    return Number(`${sign}${whole.replace(/\./g, '')}${fraction === undefined ? '' : `.${fraction}`}`)
  }
  // No comma and a dot that does not group thousands: a decimal point ("46.0415").
  if (/^[+-]?\d+\.\d+$/.test(compact)) return Number(compact)
  return undefined
}
