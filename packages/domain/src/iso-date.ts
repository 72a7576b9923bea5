import { z } from 'zod'
import { isCalendarDate, isoDate } from './internal/calendar'

/** A calendar date `YYYY-MM-DD` (no time zone: plans speak in local calendar days). */
export const IsoDateSchema = z.iso.date()
export type IsoDate = z.infer<typeof IsoDateSchema>

/**
 * The day with this year, month and day as `YYYY-MM-DD`, or `undefined` when no such day exists
 * (31/4, 29/2 outside a leap year) — for dates read from a document's text.
 *
 * @example
 * calendarDate(2018, 5, 18) // '2018-05-18'
 * calendarDate(2023, 2, 29) // undefined
 */
export function calendarDate(year: number, month: number, day: number): IsoDate | undefined {
  return isCalendarDate(year, month, day) ? isoDate(year, month, day) : undefined
}
