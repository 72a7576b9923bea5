/**
 * Calendar arithmetic on `YYYY-MM-DD` strings, shared by the domain's modules.
 *
 * Private code: `src/internal/` is not part of the public surface. Only what `src/index.ts`
 * re-exports is (the package's exports map points there), and nothing in this file is re-exported
 * under its own name — `localDateOf`, `DateSpan` and `VIETNAM_UTC_OFFSET_MINUTES` reach users
 * through `report.ts` and `period.ts`. Change it freely, with `calendar.test.ts`.
 *
 * Days are proleptic Gregorian calendar days worked out in UTC, so no machine time zone can shift
 * one; ISO dates compare correctly as strings, which is why spans and min/max use `<`.
 */
import { IsoDateSchema, type IsoDate } from '../iso-date'

/** A span of calendar days, both ends included. */
export type DateSpan = { start: IsoDate; end: IsoDate }

const DATE_SHAPE = /^\d{4}-\d{2}-\d{2}$/

/** Whether `text` is a real calendar date written `YYYY-MM-DD` ("2023-02-29" is not). */
export function isIsoDate(text: string): boolean {
  // Few distinct days are asked about again and again (the day figures are judged on, once per
  // owed report): a day found valid is remembered, a map lookup instead of zod's checks.
  if (VALID_DATES.has(text)) return true
  // The shape first: a date-time ("2024-07-01T03:00:00Z", every report's submittedAt) fails here
  // without zod building an error for it — the dashboards ask this of ~10⁵ instants per request.
  const valid = DATE_SHAPE.test(text) && IsoDateSchema.safeParse(text).success
  if (valid) {
    if (VALID_DATES.size >= 4096) VALID_DATES.clear()
    VALID_DATES.add(text)
  }
  return valid
}

/** Days `isIsoDate` found valid (a pure function's memo, bounded). */
const VALID_DATES = new Set<string>()

/**
 * `date` itself, or a RangeError: for dates the caller already holds as valid (a bad one is a bug).
 *
 * @example
 * requireDate('2024-02-29') // '2024-02-29'
 * requireDate('29/02/2024') // throws RangeError
 */
export function requireDate(date: string): IsoDate {
  if (!isIsoDate(date)) throw new RangeError(`"${date}" is not a date (YYYY-MM-DD)`)
  return date
}

/** Gregorian leap years: every fourth year, except centuries not divisible by 400 (1900, 2100). */
export function isLeapYear(year: number): boolean {
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)
}

/**
 * Days in `month` (1–12) of `year`.
 *
 * @example
 * daysInMonth(2024, 2) // 29
 * daysInMonth(2100, 2) // 28
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return isLeapYear(year) ? 29 : 28
  return [4, 6, 9, 11].includes(month) ? 30 : 31
}

/**
 * Whether year, month (1–12) and day name a day that exists.
 *
 * @example
 * isCalendarDate(2024, 2, 29) // true
 * isCalendarDate(2023, 2, 29) // false
 */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return (
    Number.isInteger(year) &&
    Number.isInteger(month) &&
    Number.isInteger(day) &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= daysInMonth(year, month)
  )
}

/**
 * Writes a day as `YYYY-MM-DD`, the year padded to four digits. It does not check the day exists.
 *
 * @example
 * isoDate(2018, 6, 5) // '2018-06-05'
 */
export function isoDate(year: number, month: number, day: number): IsoDate {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
}

/** The year of a `YYYY-MM-DD` date. */
export function yearOf(date: IsoDate): number {
  return Number(date.slice(0, 4))
}

/** The month (1–12) of a `YYYY-MM-DD` date. */
export function monthOf(date: IsoDate): number {
  return Number(date.slice(5, 7))
}

/** The day of the month of a `YYYY-MM-DD` date. */
export function dayOf(date: IsoDate): number {
  return Number(date.slice(8, 10))
}

/**
 * The year and month before `month` of `year`.
 *
 * @example
 * monthBefore(2024, 1) // [2023, 12]
 */
export function monthBefore(year: number, month: number): [year: number, month: number] {
  return month === 1 ? [year - 1, 12] : [year, month - 1]
}

/**
 * Adds (or with a negative `days` subtracts) calendar days, across month and year ends.
 *
 * @example
 * addDays('2024-02-28', 1) // '2024-02-29'
 * addDays('2024-01-01', -1) // '2023-12-31'
 */
export function addDays(date: IsoDate, days: number): IsoDate {
  // Deadlines plus grace are asked for once per owed report (~10⁵ per national dashboard) but are
  // few distinct days: remembered, they cost a map lookup instead of a Date and a string.
  const key = `${date}|${days}`
  const known = ADDED_DAYS.get(key)
  if (known !== undefined) return known
  // `setUTCFullYear` keeps years below 100 literal, unlike `Date.UTC`.
  const day = new Date(0)
  day.setUTCFullYear(yearOf(date), monthOf(date) - 1, dayOf(date) + days)
  const result = day.toISOString().slice(0, 10)
  if (ADDED_DAYS.size >= 4096) ADDED_DAYS.clear()
  ADDED_DAYS.set(key, result)
  return result
}

/** `addDays` answers already computed (a pure function's memo, bounded). */
const ADDED_DAYS = new Map<string, IsoDate>()

/** Orders two dates for `Array.prototype.sort`: negative when `a` comes first, 0 when equal. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0
}

/** The earlier of two dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b
}

/** The later of two dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b
}

/** Each date once, earliest first. */
export function sortedUniqueDates(dates: readonly IsoDate[]): IsoDate[] {
  return [...new Set(dates)].sort(compareDates)
}

/** Whether two spans share at least one day. */
export function overlaps(a: DateSpan, b: DateSpan): boolean {
  return a.start <= b.end && b.start <= a.end
}

/** Whether `date` falls in `span`, ends included. */
export function spanHolds(span: DateSpan, date: IsoDate): boolean {
  return span.start <= date && date <= span.end
}

/** Viet Nam keeps UTC+07:00 all year (no daylight saving). */
export const VIETNAM_UTC_OFFSET_MINUTES = 420

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T/
const ZONED = /(Z|[+-]\d{2}:?\d{2})$/i

/**
 * The calendar day an ISO date or date-time falls on at UTC offset `offsetMinutes`. A bare date is
 * that day; a time with `Z` or an offset is moved onto that clock; a local time without one is
 * taken as written (never read on the machine's clock). `undefined` when `moment` is neither, so
 * each caller reports that its own way.
 *
 * @example
 * calendarDayAt('2018-06-30T18:30:00Z', 420) // '2018-07-01'
 * calendarDayAt('2018-06-30T23:30:00', 420) // '2018-06-30'
 */
export function calendarDayAt(moment: string, offsetMinutes: number): IsoDate | undefined {
  // The form every stored instant is read back in (`toISOString`: 2024-07-01T03:00:00.000Z): the
  // day by arithmetic on the instant instead of a Date and its string (~10⁵ filings per national
  // dashboard); the same answer as `wallClockAt`. Anything else goes the general way.
  if (moment.length === 24 && moment.charCodeAt(23) === 90 && DATE_TIME.test(moment)) {
    const ms = Date.parse(moment)
    if (Number.isNaN(ms)) return undefined
    const day = dayOfEpochDays(Math.floor((ms + offsetMinutes * 60_000) / DAY_MS))
    if (day !== undefined) return day
  }
  const text = moment.trim()
  if (isIsoDate(text)) return text
  return wallClockAt(text, offsetMinutes)?.day
}

const DAY_MS = 86_400_000

/**
 * The date `days` after 1970-01-01 (proleptic Gregorian, Howard Hinnant's `civil_from_days`), as
 * `toISOString` writes it; `undefined` outside years 0–9999, which it writes another way.
 */
function dayOfEpochDays(days: number): IsoDate | undefined {
  const z = days + 719_468
  const era = Math.floor(z / 146_097)
  const doe = z - era * 146_097
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365)
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100))
  const mp = Math.floor((5 * doy + 2) / 153)
  const d = doy - Math.floor((153 * mp + 2) / 5) + 1
  const m = mp < 10 ? mp + 3 : mp - 9
  const y = yoe + era * 400 + (m <= 2 ? 1 : 0)
  if (y < 0 || y > 9999) return undefined
  return `${String(y).padStart(4, '0')}-${m < 10 ? '0' : ''}${m}-${d < 10 ? '0' : ''}${d}`
}

/**
 * The calendar day and the wall-clock time (`HH:mm`) of an ISO date-time at UTC offset
 * `offsetMinutes`, by the rules of {@link calendarDayAt}: a time with `Z` or an offset is moved
 * onto that clock, a local time is taken as written. `undefined` for anything that is not a
 * date-time (a bare date has no clock).
 *
 * @example
 * wallClockAt('2018-06-30T18:30:00Z', 420) // { day: '2018-07-01', time: '01:30' }
 * wallClockAt('2018-06-30T08:05:00', 420) // { day: '2018-06-30', time: '08:05' }
 */
export function wallClockAt(moment: string, offsetMinutes: number): { day: IsoDate; time: string } | undefined {
  const text = moment.trim()
  const ms = Date.parse(text)
  if (!DATE_TIME.test(text) || Number.isNaN(ms)) return undefined
  if (!ZONED.test(text)) return { day: text.slice(0, 10), time: text.slice(11, 16) }
  const shifted = new Date(ms + offsetMinutes * 60_000).toISOString()
  return { day: shifted.slice(0, 10), time: shifted.slice(11, 16) }
}

/**
 * The calendar day in Viet Nam (UTC+7) on which an instant falls. Deadlines are calendar days
 * ("trước ngày 03/6"), so 17:00Z is already the next day there. See `calendarDayAt`.
 *
 * @example
 * vietnamDay('2023-06-03T16:59:59Z') // '2023-06-03'
 * vietnamDay('2023-06-03T17:00:00Z') // '2023-06-04'
 */
export function vietnamDay(moment: string): IsoDate | undefined {
  return calendarDayAt(moment, VIETNAM_UTC_OFFSET_MINUTES)
}
