import { z } from 'zod'
import {
  addDays,
  compareDates,
  dayOf,
  daysInMonth,
  isIsoDate,
  isoDate,
  maxDate,
  minDate,
  monthBefore,
  monthOf,
  overlaps,
  requireDate,
  vietnamDay,
  yearOf,
  type DateSpan,
} from './internal/calendar'
import { IsoDateSchema, type IsoDate } from './iso-date'
import { DEFAULT_LOCALE, type Locale } from './label'
import type { UnitLevel } from './unit'

/**
 * Reporting period ids in the style of DHIS2: `2024M03` (month), `2024Q1` (quarter),
 * `2024S1` (6 months), `2024N9` (9 months, cumulative from the start of the year), `2024` (year).
 */
export const PeriodIdSchema = z
  .string()
  // Years 1000–9998: a period's window starts the year before and its deadline may fall in the
  // next one, and both must still be four-digit ISO dates.
  .regex(/^[1-9]\d{3}(M(0[1-9]|1[0-2])|Q[1-4]|S[12]|N9)?$/, 'period id like 2024M03, 2024Q1, 2024S1, 2024N9 or 2024')
  .refine((id) => !id.startsWith('9999'), 'period years run from 1000 to 9998')
export type PeriodId = z.infer<typeof PeriodIdSchema>

export const PeriodTypeSchema = z.enum(['month', 'quarter', 'half-year', 'nine-months', 'year'])
export type PeriodType = z.infer<typeof PeriodTypeSchema>

/** A day of the year relative to the period's year (`yearOffset: -1` is the year before). */
export const AnchorDaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  yearOffset: z.number().int().min(-1).max(1).default(0),
})
export type AnchorDay = z.infer<typeof AnchorDaySchema>

/**
 * A plan's own reporting rule for one kind of period (Đức Hợp 2023: the 6-month report covers
 * 01/11 of the year before to 31/05 and is due before 03/06). `index` narrows it to S1/S2, Q1…Q4,
 * M01…M12; without it the rule applies to every period of that type.
 */
export const PeriodRuleSchema = z.object({
  type: PeriodTypeSchema,
  index: z.number().int().min(1).max(12).optional(),
  cutoffStart: AnchorDaySchema.optional(),
  cutoffEnd: AnchorDaySchema.optional(),
  due: AnchorDaySchema.optional(),
})
export type PeriodRule = z.infer<typeof PeriodRuleSchema>

export const ReportingRulesSchema = z.object({
  /** Which period types the plan asks reports for (Lào Cai: quarter, half-year, year). */
  periodTypes: z.array(PeriodTypeSchema).default(['quarter', 'half-year', 'year']),
  rules: z.array(PeriodRuleSchema).default([]),
})
export type ReportingRules = z.infer<typeof ReportingRulesSchema>

// ---------------------------------------------------------------------------------------------
// Periods: calendar spans, listing, labels
// ---------------------------------------------------------------------------------------------

/** A reporting period as understood: its type, year, index within the year and calendar span. */
export const PeriodSchema = z.object({
  id: PeriodIdSchema,
  type: PeriodTypeSchema,
  year: z.number().int(),
  /** Month 1–12, quarter 1–4 or half 1–2; absent for nine-months and year periods. */
  index: z.number().int().min(1).max(12).optional(),
  /** First calendar day of the period. */
  start: IsoDateSchema,
  /** Last calendar day of the period. */
  end: IsoDateSchema,
})
export type Period = z.infer<typeof PeriodSchema>

export type PeriodError = { code: 'invalid-period'; message: string }
export type PeriodResult = { ok: true; period: Period } | { ok: false; error: PeriodError }

export type { DateSpan } from './internal/calendar'

/** Periods of each type in one year, in order. */
const PERIODS_PER_YEAR: Readonly<Record<PeriodType, readonly (number | undefined)[]>> = {
  month: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12],
  quarter: [1, 2, 3, 4],
  'half-year': [1, 2],
  'nine-months': [undefined],
  year: [undefined],
}

/** @internal Longer periods rank higher; orders periods that end on the same day. */
export const PERIOD_TYPE_RANK: Readonly<Record<PeriodType, number>> = {
  month: 0,
  quarter: 1,
  'half-year': 2,
  'nine-months': 3,
  year: 4,
}

/**
 * Reads a period id (surrounding spaces and lower case are forgiven) into its type, year, index
 * and calendar span. Bad input is a value, not an exception.
 *
 * @example
 * parsePeriod('2024Q1') // { ok: true, period: { id: '2024Q1', type: 'quarter', year: 2024, index: 1, start: '2024-01-01', end: '2024-03-31' } }
 * parsePeriod('2024Q5') // { ok: false, error: { code: 'invalid-period', message: '…' } }
 */
export function parsePeriod(id: string): PeriodResult {
  const canonical = id.trim().toUpperCase()
  if (!PeriodIdSchema.safeParse(canonical).success) {
    return {
      ok: false,
      error: {
        code: 'invalid-period',
        message: `"${id}" is not a reporting period; write 2024M03 (month), 2024Q1 (quarter), 2024S1 (6 months), 2024N9 (9 months) or 2024 (year)`,
      },
    }
  }
  const year = Number(canonical.slice(0, 4))
  const kind = canonical.charAt(4)
  const number = Number(canonical.slice(5))
  switch (kind) {
    case 'M':
      return { ok: true, period: makePeriod('month', year, number) }
    case 'Q':
      return { ok: true, period: makePeriod('quarter', year, number) }
    case 'S':
      return { ok: true, period: makePeriod('half-year', year, number) }
    case 'N':
      return { ok: true, period: makePeriod('nine-months', year, undefined) }
    default:
      return { ok: true, period: makePeriod('year', year, undefined) }
  }
}

/**
 * Every period of `type` whose calendar span meets the range from `from` to `to`, in order.
 * Each bound is a period id (its whole span counts) or a date.
 *
 * @throws RangeError when a bound is neither; check user input with `parsePeriod` first.
 * @example
 * periodsBetween('2018', '2018', 'quarter') // ['2018Q1', '2018Q2', '2018Q3', '2018Q4']
 * periodsBetween('2018-05-18', '2018-08-01', 'quarter') // ['2018Q2', '2018Q3']
 */
export function periodsBetween(from: PeriodId | IsoDate, to: PeriodId | IsoDate, type: PeriodType): PeriodId[] {
  const range = { start: boundSpan(from).start, end: boundSpan(to).end }
  if (range.start > range.end) return []
  const ids: PeriodId[] = []
  for (let year = yearOf(range.start); year <= yearOf(range.end); year++) {
    for (const index of PERIODS_PER_YEAR[type]) {
      const period = makePeriod(type, year, index)
      if (overlaps(period, range)) ids.push(period.id)
    }
  }
  return ids
}

/**
 * The period of `type` whose calendar span holds `date`. Nine-month periods end on 30 September,
 * so October to December belong to none.
 *
 * @example
 * periodOf('2018-05-18', 'quarter') // '2018Q2'
 * periodOf('2018-11-02', 'nine-months') // undefined
 */
export function periodOf(date: IsoDate, type: Exclude<PeriodType, 'nine-months'>): PeriodId
export function periodOf(date: IsoDate, type: PeriodType): PeriodId | undefined
export function periodOf(date: IsoDate, type: PeriodType): PeriodId | undefined {
  const [id] = periodsBetween(requireDate(date), date, type)
  return id
}

const ROMAN = ['I', 'II', 'III', 'IV'] as const
const MONTHS_EN = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const

/**
 * How a period is named in reports, in the way Vietnamese documents write it.
 *
 * @example
 * periodLabel('2024Q1') // 'Quý I/2024'
 * periodLabel('2024S1') // '6 tháng đầu năm 2024'
 * periodLabel('2024M03', 'en') // 'March 2024'
 */
export function periodLabel(id: PeriodId, locale: Locale = DEFAULT_LOCALE): string {
  const { type, year, index = 1 } = requirePeriod(id)
  const vi = locale === 'vi'
  switch (type) {
    case 'month':
      return vi ? `Tháng ${index}/${year}` : `${MONTHS_EN[index - 1] ?? index} ${year}`
    case 'quarter':
      return vi ? `Quý ${ROMAN[index - 1] ?? index}/${year}` : `Q${index} ${year}`
    case 'half-year':
      if (vi) return `6 tháng ${index === 1 ? 'đầu' : 'cuối'} năm ${year}`
      return `H${index} ${year}`
    case 'nine-months':
      return vi ? `9 tháng năm ${year}` : `9 months ${year}`
    case 'year':
      return vi ? `Năm ${year}` : `${year}`
  }
}

// ---------------------------------------------------------------------------------------------
// Cut-off windows and submission deadlines
// ---------------------------------------------------------------------------------------------

/** Plan rules as stored on a plan (`plan.reporting`) or as a bare list. */
export type PeriodRulesInput = Pick<ReportingRules, 'rules'> | readonly PeriodRule[] | undefined

/**
 * The data cut-off window of a period: the days whose facts the report counts.
 *
 * Defaults are Decree 09/2019/NĐ-CP, art. 12: from the 15th of the month before the period's first
 * month to the 14th of its last month. That gives month 15/(m−1)–14/m; quarter Q1 15/12–14/3;
 * 6 months S1 15/12–14/6 and S2 15/6–14/12 (art. 12(3) names both halves); year 15/12–14/12.
 * The decree has no 9-month report; we extend its cumulative pattern (S1, year) to 15/12–14/9.
 * A plan's own `cutoffStart` / `cutoffEnd` rules win, field by field, a rule for the period's index
 * before a rule for every period of the type (Đức Hợp 2023: 6 months 01/11/2022–31/05/2023).
 *
 * @example
 * cutoffWindow('2023S1') // { start: '2022-12-15', end: '2023-06-14' }
 * cutoffWindow('2023S1', ducHop.reporting) // { start: '2022-11-01', end: '2023-05-31' }
 */
export function cutoffWindow(periodId: PeriodId, rules?: PeriodRulesInput): DateSpan {
  const period = requirePeriod(periodId)
  const list = ruleList(rules)
  const [startYear, startMonth] = monthBefore(period.year, monthOf(period.start))
  const start = anchorFor(list, period, 'cutoffStart')
  const end = anchorFor(list, period, 'cutoffEnd')
  return {
    start: start ? resolveAnchor(start, period.year) : isoDate(startYear, startMonth, 15),
    end: end ? resolveAnchor(end, period.year) : isoDate(period.year, monthOf(period.end), 14),
  }
}

/**
 * Days from the end of the cut-off window to the submission deadline of a unit at each level.
 * Deadlines run bottom-up so each level has time to consolidate what it receives:
 * - commune +2 (16th): communes report to the district (the province after 01/07/2025). Decree
 *   09/2019/NĐ-CP art. 8(5)(b) requires at least one working day between cut-off and deadline.
 * - district +4 (18th) and province +4 (18th): districts and provincial departments report to the
 *   province's standing agency (Sở Nội vụ) on the same day, as provincial reporting regimes put
 *   it ("các sở, ban, ngành, UBND cấp huyện gửi báo cáo về Sở Nội vụ trước ngày…"). That leaves
 *   the standing agency two days before the province's report is due at the Ministry of Home
 *   Affairs on the 20th of the period's last month (581/BNV-CCHC).
 * - national +11 (25th): ministries report to the Government by the 25th of the period's last
 *   month (Decree 09/2019/NĐ-CP art. 13(1)).
 * Days are calendar days: the domain holds no holiday calendar.
 */
export const DEFAULT_SUBMISSION_OFFSETS: Readonly<Record<UnitLevel, number>> = {
  commune: 2,
  district: 4,
  province: 4,
  national: 11,
}

export type SubmissionDeadlineOptions = {
  /**
   * Level of the plan's issuer, whose deadline the plan's `due` rule states (commune for Đức Hợp).
   * Lower levels get earlier deadlines by the spacing of `offsets`, higher ones later. Without it
   * the plan's `due` applies to every level, as a plan that names one date reads.
   */
  issuerLevel?: UnitLevel
  offsets?: Readonly<Record<UnitLevel, number>>
}

/**
 * The day by which a unit at `level` must have sent its report for the period (that day included).
 * Without a plan `due` rule: the end of the cut-off window plus `DEFAULT_SUBMISSION_OFFSETS`.
 * With one: the rule's day for the issuer's level, shifted for other levels; a derived deadline for
 * a lower level never falls on or before the cut-off end (Decree 09/2019/NĐ-CP art. 8(5)(b)) nor
 * after the plan's own date. Đức Hợp's "trước ngày 03/6" is read as 03/06 being the last day,
 * as offices apply it.
 *
 * @example
 * submissionDeadline('2024Q1', 'commune') // '2024-03-16'
 * submissionDeadline('2024Q1', 'district') // '2024-03-18'
 * submissionDeadline('2023S1', 'commune', ducHop.reporting, { issuerLevel: 'commune' }) // '2023-06-03'
 */
export function submissionDeadline(
  periodId: PeriodId,
  level: UnitLevel,
  rules?: PeriodRulesInput,
  options: SubmissionDeadlineOptions = {},
): IsoDate {
  const period = requirePeriod(periodId)
  const offsets = options.offsets ?? DEFAULT_SUBMISSION_OFFSETS
  const cutoffEnd = cutoffWindow(periodId, rules).end
  const due = anchorFor(ruleList(rules), period, 'due')
  if (!due) return addDays(cutoffEnd, offsets[level])
  const planDue = resolveAnchor(due, period.year)
  const issuerLevel = options.issuerLevel ?? level
  const shifted = addDays(planDue, offsets[level] - offsets[issuerLevel])
  if (shifted >= planDue) return shifted
  const earliest = addDays(cutoffEnd, 1)
  return minDate(planDue, maxDate(earliest, shifted))
}

/**
 * Days of tolerance a planner grants after a period's deadline before a report counts as late
 * (and before a past period is judged): a whole number from 0 to 60 — two months is already
 * past the next quarter's deadline, beyond which "grace" would hide lateness rather than forgive it.
 *
 * @example
 * GraceDaysSchema.parse(5) // 5
 */
export const GraceDaysSchema = z.number().int().min(0).max(60)

/**
 * Whether a report sent at `submittedAt` missed `deadline` (a calendar day, included) after
 * `graceDays` more days of tolerance (the grace period of Envisio / ClearPoint). A time with an
 * offset or `Z` is read on Vietnam's clock; a bare date or local time is taken as written.
 *
 * @throws RangeError when `submittedAt` is not a date or date-time.
 * @example
 * isLate('2023-06-03T16:30:00+07:00', '2023-06-03') // false
 * isLate('2023-06-03T18:00:00Z', '2023-06-03') // true (01:00 on 04/06 in Vietnam)
 * isLate('2023-06-05', '2023-06-03', 2) // false
 */
export function isLate(submittedAt: string, deadline: IsoDate, graceDays = 0): boolean {
  // Vietnam keeps UTC+7 all year (no daylight saving); a deadline day ends at midnight there.
  const submittedOn = vietnamDay(submittedAt)
  if (submittedOn === undefined) throw new RangeError(`"${submittedAt}" is not a date or date-time`)
  return submittedOn > addDays(requireDate(deadline), graceDays)
}

/** A period as far as choosing the current one goes: its id and its submission deadline. */
export type PeriodDeadline = { id: PeriodId; deadline: IsoDate }

/**
 * The day a period's figures are judged on when nobody names one. A past period is judged as it
 * stood once its deadline plus the grace days had passed — the first day on which every report is
 * settled as on time, late or missing (on the deadline day itself one not yet in is still pending)
 * — as a report printed then would have read: a 2018 report printed today must not count every
 * later filing and every task from today's point of view. The current period is judged as of today.
 * `deadline` is the latest the period's reports are due (the plan's own level); `now` is an
 * instant or a day; the answer is a day in Viet Nam.
 *
 * @example
 * periodAsOf('2018-06-18', '2026-12-04T09:00:00Z') // '2018-06-19' — 2018S1, long past
 * periodAsOf('2018-06-18', '2026-12-04T09:00:00Z', 5) // '2018-06-24'
 * periodAsOf('2026-12-18', '2026-12-04T09:00:00Z') // '2026-12-04' — still being collected
 */
export function periodAsOf(deadline: IsoDate, now: string, graceDays = 0): IsoDate {
  const settled = addDays(deadline, graceDays + 1)
  const today = vietnamDay(now)
  if (today === undefined) throw new TypeError(`not an ISO date or datetime: ${now}`)
  return minDate(today, settled)
}

/**
 * The period a screen opens on by default on `asOf`: the first whose deadline has not passed
 * (the deadline day itself included), that is the report being collected; once every deadline
 * has passed, the latest. Periods are taken in deadline order; a shorter period goes before a
 * longer one due the same day (2018Q2 before 2018S1), so the latest of a year is its annual report.
 * Answers the element of `periods` it chose, undefined for an empty list.
 *
 * @example
 * const periods = [{ id: '2018S1', deadline: '2018-06-18' }, { id: '2018Q3', deadline: '2018-09-18' }, { id: '2018', deadline: '2018-12-18' }]
 * currentPeriod(periods, '2018-06-18')?.id // '2018S1'
 * currentPeriod(periods, '2018-06-19')?.id // '2018Q3'
 * currentPeriod(periods, '2019-03-01')?.id // '2018'
 */
export function currentPeriod<P extends PeriodDeadline>(periods: readonly P[], asOf: IsoDate): P | undefined {
  const rank = (id: PeriodId) => {
    const parsed = parsePeriod(id)
    return parsed.ok ? PERIOD_TYPE_RANK[parsed.period.type] : -1
  }
  const ordered = [...periods].sort((a, b) => compareDates(a.deadline, b.deadline) || rank(a.id) - rank(b.id) || compareDates(a.id, b.id))
  return ordered.find((p) => p.deadline >= asOf) ?? ordered.at(-1)
}

/**
 * The periods a screen offers and the one it opens on `asOf`: each id once, latest deadline first
 * (a shorter period before a longer one due the same day, as `currentPeriod` orders them, so the
 * newest reads first), and `currentPeriod` among them. An id listed more than once — several plans
 * open the same period, a commune plan due earlier than its province's — counts with its latest
 * deadline: the period is still being collected until then.
 *
 * @example
 * periodChoices([{ id: '2018S1', deadline: '2018-06-18' }, { id: '2018S1', deadline: '2018-06-03' }, { id: '2018Q3', deadline: '2018-09-18' }], '2018-06-04')
 * // { ids: ['2018Q3', '2018S1'], current: '2018S1' }
 */
export function periodChoices(periods: readonly PeriodDeadline[], asOf: IsoDate): { ids: PeriodId[]; current?: PeriodId } {
  const byId = new Map<PeriodId, PeriodDeadline>()
  for (const p of periods) {
    const seen = byId.get(p.id)
    if (seen === undefined || seen.deadline < p.deadline) byId.set(p.id, { id: p.id, deadline: p.deadline })
  }
  const all = [...byId.values()]
  const current = currentPeriod(all, asOf)?.id
  const ids = all
    .sort((a, b) => (a.deadline === b.deadline ? b.id.localeCompare(a.id) : b.deadline.localeCompare(a.deadline)))
    .map((p) => p.id)
  return { ids, ...(current === undefined ? {} : { current }) }
}

// ---------------------------------------------------------------------------------------------
// A period as opened on a plan: its own window and deadline
// ---------------------------------------------------------------------------------------------

/** The window and deadline a period was opened with on a plan (defaults, or set by hand). */
export interface PeriodDates {
  cutoffStart: IsoDate
  cutoffEnd: IsoDate
  /** The deadline at the level of the plan's issuer (see `submissionDeadline`). */
  dueOn: IsoDate
}

export type PeriodDatesErrorCode = 'cutoff-reversed' | 'due-before-cutoff-end'
export type PeriodDatesError = { code: PeriodDatesErrorCode; message: string }

/**
 * What is wrong with a period's own dates, or `undefined` when they hold together: the cut-off
 * window must not end before it starts, and the deadline must not fall before the window's end —
 * a report cannot be due before the facts it counts are in (Decree 09/2019/NĐ-CP art. 8(5)(b)).
 * The deadline may be the window's last day itself (a plan's hand-set dates may say so).
 *
 * @example
 * periodDatesError({ cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }) // undefined
 * periodDatesError({ cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-10' })?.code // 'due-before-cutoff-end'
 */
export function periodDatesError(dates: PeriodDates): PeriodDatesError | undefined {
  if (dates.cutoffStart > dates.cutoffEnd) {
    return { code: 'cutoff-reversed', message: 'the cut-off window ends before it starts' }
  }
  if (dates.dueOn < dates.cutoffEnd) {
    return { code: 'due-before-cutoff-end', message: 'the deadline falls before the end of the cut-off window' }
  }
  return undefined
}

/**
 * A period's own window and deadline as a {@link PeriodRule} for that period, so `cutoffWindow`
 * and `submissionDeadline` read a period opened (or moved) on a plan exactly as it was set. Dates
 * become anchors relative to the period's year (a Q1 window that starts on 15/12 of the year
 * before has `yearOffset: -1`).
 *
 * @throws RangeError when `periodId` is not a period id.
 * @example
 * periodRuleOf('2018Q2', { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' })
 * // { type: 'quarter', index: 2, cutoffStart: { month: 3, day: 15, yearOffset: 0 }, …, due: { month: 6, day: 18, yearOffset: 0 } }
 */
export function periodRuleOf(periodId: PeriodId, dates: PeriodDates): PeriodRule {
  const { type, index, year } = requirePeriod(periodId)
  const anchor = (date: IsoDate): AnchorDay => ({ month: monthOf(date), day: dayOf(date), yearOffset: yearOf(date) - year })
  return {
    type,
    ...(index !== undefined && { index }),
    cutoffStart: anchor(dates.cutoffStart),
    cutoffEnd: anchor(dates.cutoffEnd),
    due: anchor(dates.dueOn),
  }
}

/**
 * The deadline of a unit at `level` for a period opened on a plan: the period's own deadline
 * (stated for the issuer's level) shifted bottom-up by `submissionDeadline`, so communes report
 * before districts and departments, who report before the standing agency. A period whose id
 * does not parse keeps its own deadline for every level.
 *
 * @example
 * const q2 = { cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18' }
 * deadlineAtLevel('2018Q2', q2, 'commune', 'province') // '2018-06-16'
 * deadlineAtLevel('2018Q2', q2, 'province', 'province') // '2018-06-18'
 */
export function deadlineAtLevel(periodId: string, dates: PeriodDates, level: UnitLevel, issuerLevel: UnitLevel): IsoDate {
  const parsed = parsePeriod(periodId)
  if (!parsed.ok) return dates.dueOn
  return submissionDeadline(parsed.period.id, level, [periodRuleOf(parsed.period.id, dates)], { issuerLevel })
}

// ---------------------------------------------------------------------------------------------
// Building periods and reading plan rules (calendar arithmetic is in ./internal/calendar)
// ---------------------------------------------------------------------------------------------

function makePeriod(type: PeriodType, year: number, index: number | undefined): Period {
  const i = index ?? 1
  const [id, firstMonth, lastMonth] = ((): [string, number, number] => {
    switch (type) {
      case 'month':
        return [`${year}M${String(i).padStart(2, '0')}`, i, i]
      case 'quarter':
        return [`${year}Q${i}`, 3 * i - 2, 3 * i]
      case 'half-year':
        return [`${year}S${i}`, 6 * i - 5, 6 * i]
      case 'nine-months':
        return [`${year}N9`, 1, 9]
      case 'year':
        return [`${year}`, 1, 12]
    }
  })()
  return {
    id,
    type,
    year,
    ...(index === undefined ? {} : { index }),
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, lastMonth, daysInMonth(year, lastMonth)),
  }
}

/** @internal A period or throws: for ids the caller already holds as valid (a bad one is a bug). */
export function requirePeriod(id: PeriodId): Period {
  const result = parsePeriod(id)
  if (!result.ok) throw new RangeError(result.error.message)
  return result.period
}

function boundSpan(bound: string): DateSpan {
  const parsed = parsePeriod(bound)
  if (parsed.ok) return parsed.period
  if (isIsoDate(bound)) return { start: bound, end: bound }
  throw new RangeError(`"${bound}" is neither a reporting period nor a date (YYYY-MM-DD)`)
}

function ruleList(rules: PeriodRulesInput): readonly PeriodRule[] {
  if (rules === undefined) return []
  return isRuleArray(rules) ? rules : rules.rules
}

function isRuleArray(rules: Exclude<PeriodRulesInput, undefined>): rules is readonly PeriodRule[] {
  return Array.isArray(rules)
}

/** The plan's anchor for one field: a rule for this index first, then one for the whole type. */
function anchorFor(rules: readonly PeriodRule[], period: Period, field: 'cutoffStart' | 'cutoffEnd' | 'due'): AnchorDay | undefined {
  const ofType = rules.filter((r) => r.type === period.type && r[field] !== undefined)
  const specific = ofType.find((r) => r.index !== undefined && r.index === period.index)
  const general = ofType.find((r) => r.index === undefined)
  return (specific ?? general)?.[field]
}

/** Day 31 of a 30-day month (or 29–31 of February) falls back to the month's last day. */
function resolveAnchor(anchor: AnchorDay, periodYear: number): IsoDate {
  const year = periodYear + (anchor.yearOffset ?? 0)
  return isoDate(year, anchor.month, Math.min(anchor.day, daysInMonth(year, anchor.month)))
}
