import { z } from 'zod'
import { compareDates, isoDate, maxDate, overlaps, spanHolds, type DateSpan } from './internal/calendar'
import type { IsoDate } from './iso-date'
import type { Label } from './label'
import { PERIOD_TYPE_RANK, ReportingRulesSchema, periodsBetween, requirePeriod, type Period, type PeriodId } from './period'
import type { Plan, Task } from './plan'
import type { Recurrence } from './timeframe'

/** Why a task is on a period's report, so screens can explain it. */
export const DueReasonSchema = z.enum([
  'ongoing', // Thường xuyên: every period the plan runs
  'recurring', // Định kỳ hằng quý, Hàng năm: every period the plan runs
  'window', // Quý II năm 2018: the period meets the window
  'milestone', // 2012, 2015: a milestone date falls in the period
  'unscheduled', // event, regulation, unspecified, or a window without dates: every period
])
export type DueReason = z.infer<typeof DueReasonSchema>

export const DUE_REASON_LABELS: Readonly<Record<DueReason, Label>> = {
  ongoing: { vi: 'Nhiệm vụ thường xuyên', en: 'Ongoing task' },
  recurring: { vi: 'Nhiệm vụ định kỳ', en: 'Recurring task' },
  window: { vi: 'Thời hạn thực hiện trong kỳ', en: 'Scheduled within the period' },
  milestone: { vi: 'Có mốc thời gian trong kỳ', en: 'Milestone within the period' },
  unscheduled: { vi: 'Không xác định thời hạn, báo cáo mỗi kỳ', en: 'No schedule, reported every period' },
}

/** A task the period's report must cover, with its section and the reason. */
export type DueTask = { task: Task; sectionCode: string; reason: DueReason }

export type DueTasksOptions = {
  /** Include tasks whose timeframe gives no dates (event, regulation, unspecified). Default true. */
  includeUnscheduled?: boolean
}

/**
 * The tasks a plan's units must report on for a period, read from each task's timeframe.
 *
 * Reports are cumulative progress reports on the whole plan (Lào Cai 165/KH-UBND, III.2.3:
 * "Định kỳ quý, 6 tháng, năm báo cáo việc triển khai thực hiện các nội dung trong Kế hoạch này"),
 * so the standing agency expects a line for every task that is live in the period:
 * - ongoing and recurring tasks in every period the plan runs (its years, from its issue date;
 *   within the timeframe's own start/end when it has them). A yearly task is still reported on
 *   quarterly: the quarter says how far this year's occurrence has got; `taskDueDate` tells when
 *   it must be done.
 * - window tasks in periods whose calendar span meets the window: not once it has closed, not
 *   before it opens. A window with only an end ("trước ngày 15/6/2018") opens with the plan.
 * - milestone tasks in periods whose span holds a milestone date.
 * - event, regulation and unspecified tasks (and a window or milestones without dates): nothing
 *   narrows them, so every period the plan runs, with reason `unscheduled`.
 * No task is due in a period that ended before the plan was issued: the plan did not exist.
 * Which periods a plan asks reports for is `reportingPeriods`.
 *
 * @example
 * dueTasks(kienGiang, '2018Q2').map((d) => d.task.code) // […, '2.3' (Quý II năm 2018), …]
 * dueTasks(kienGiang, '2018Q3').some((d) => d.task.code === '2.3') // false
 */
export function dueTasks(plan: Plan, periodId: PeriodId, options: DueTasksOptions = {}): DueTask[] {
  const period = requirePeriod(periodId)
  if (period.end < plan.issuedOn) return []
  const includeUnscheduled = options.includeUnscheduled ?? true
  const due: DueTask[] = []
  for (const section of plan.sections) {
    for (const task of section.tasks) {
      const reason = dueReason(plan, task, period)
      if (reason === undefined) continue
      if (reason === 'unscheduled' && !includeUnscheduled) continue
      due.push({ task, sectionCode: section.code, reason })
    }
  }
  return due
}

/**
 * The day by which the task itself must be complete, judged at the period's report, or
 * `undefined` when it has none there (ongoing, event, regulation, unspecified; a window or milestone
 * outside the period). The rollup turns it into done on time / done late / not yet due / overdue.
 * - window: its end, which may lie after the period (Quý II, III năm 2018 in Q2: 30/09/2018).
 * - milestones: the last milestone date inside the period: what the period's report must show done.
 * - recurring: the end of the occurrence that holds the period's last day (a quarterly task in
 *   2018S1: 30/06/2018; a yearly task in 2018Q2: 31/12/2018), or the timeframe's end if earlier.
 *
 * @example
 * taskDueDate(quarterTwo, '2018S1') // '2018-06-30'
 * taskDueDate(ongoing, '2018Q2') // undefined
 */
export function taskDueDate(task: Task, periodId: PeriodId): IsoDate | undefined {
  const period = requirePeriod(periodId)
  const { timeframe } = task
  switch (timeframe.kind) {
    case 'window': {
      if (timeframe.end === undefined) return undefined
      const window = { start: timeframe.start ?? timeframe.end, end: timeframe.end }
      // A window with only an end is open until it: due in any period up to and holding that end.
      const open = timeframe.start === undefined ? period.start <= window.end : overlaps(period, window)
      return open ? timeframe.end : undefined
    }
    case 'milestones': {
      const inPeriod = (timeframe.dates ?? []).filter((d) => spanHolds(period, d)).sort(compareDates)
      return inPeriod.at(-1)
    }
    case 'recurring': {
      if (timeframe.every === undefined) return undefined
      if (!overlaps(period, { start: timeframe.start ?? period.start, end: timeframe.end ?? period.end })) {
        return undefined
      }
      const occurrenceEnd = occurrenceEndHolding(period.end, timeframe.every)
      return timeframe.end !== undefined && timeframe.end < occurrenceEnd ? timeframe.end : occurrenceEnd
    }
    default:
      return undefined
  }
}

export type ReportingPeriodsOptions = {
  /**
   * Drop a period when a longer one the plan also asks for ends on the same day: the 6-month
   * report stands for Q2, the annual report for Q4 and S2. This is how CCHC reporting runs: the
   * Ministry of Home Affairs asks for Q1, 6-month, Q3 and annual reports (581/BNV-CCHC), and Đức
   * Hợp asks for 6-month and annual reports only. Default true.
   */
  supersede?: boolean
}

/**
 * The periods a plan asks its units to report for, in order: its `reporting.periodTypes`
 * (quarter, 6 months and year when unset) over its years, from the first period that ends after
 * the plan was issued.
 *
 * @example
 * reportingPeriods(laoCai) // ['2020S1', '2020Q3', '2020'] (issued 11/06/2020)
 * reportingPeriods(laoCai, { supersede: false }) // ['2020Q2', '2020S1', '2020Q3', '2020Q4', '2020S2', '2020']
 */
export function reportingPeriods(plan: Plan, options: ReportingPeriodsOptions = {}): PeriodId[] {
  const types = plan.reporting?.periodTypes ?? ReportingRulesSchema.parse({}).periodTypes
  const span = planSpan(plan)
  const periods = [...new Set(types)]
    .flatMap((type) => periodsBetween(span.start, span.end, type))
    .map(requirePeriod)
    .filter((p) => p.end >= plan.issuedOn)
  const kept =
    options.supersede === false
      ? periods
      : periods.filter((p) => !periods.some((q) => q.end === p.end && PERIOD_TYPE_RANK[q.type] > PERIOD_TYPE_RANK[p.type]))
  return kept.sort((a, b) => compareDates(a.end, b.end) || PERIOD_TYPE_RANK[a.type] - PERIOD_TYPE_RANK[b.type]).map((p) => p.id)
}

/** The calendar days the plan runs: its years, starting no earlier than its issue date. */
function planSpan(plan: Plan): DateSpan {
  return {
    start: maxDate(plan.issuedOn, isoDate(plan.years.from, 1, 1)),
    end: isoDate(plan.years.to, 12, 31),
  }
}

function dueReason(plan: Plan, task: Task, period: Period): DueReason | undefined {
  const { timeframe } = task
  const runs = planSpan(plan)
  const live = (reason: DueReason): DueReason | undefined => {
    const span = { start: timeframe.start ?? runs.start, end: timeframe.end ?? runs.end }
    return overlaps(period, runs) && overlaps(period, span) ? reason : undefined
  }
  switch (timeframe.kind) {
    case 'ongoing':
    case 'recurring':
      return live(timeframe.kind)
    case 'window': {
      if (timeframe.start === undefined && timeframe.end === undefined) return live('unscheduled')
      const window = { start: timeframe.start ?? runs.start, end: timeframe.end ?? runs.end }
      return overlaps(period, window) ? 'window' : undefined
    }
    case 'milestones': {
      const dates = timeframe.dates ?? []
      if (dates.length === 0) return live('unscheduled')
      return dates.some((d) => spanHolds(period, d)) ? 'milestone' : undefined
    }
    case 'event':
    case 'regulation':
    case 'unspecified':
      return live('unscheduled')
  }
}

/** Last day of the month / quarter / half-year / year occurrence that holds `date`. */
function occurrenceEndHolding(date: IsoDate, every: Recurrence): IsoDate {
  const [id] = periodsBetween(date, date, every)
  if (id === undefined) throw new Error(`no ${every} holds ${date}`)
  return requirePeriod(id).end
}
