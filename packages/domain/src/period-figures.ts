import { dueTasks, taskDueDate, type DueReason } from './due-tasks'
import type { IsoDate } from './iso-date'
import { requirePeriod, submissionDeadline, type PeriodId, type PeriodRulesInput } from './period'
import type { Plan, Task } from './plan'
import { localDateOf, type Report, type SubmissionState } from './report'
import {
  countByUnit,
  expectedReports,
  expectedReportState,
  latestVersions,
  rollupByUnit,
  sumReportingStats,
  type TaskAssignment,
  type UnitReportingStats,
} from './completeness'
import { countOutcomes } from './outcome'
import { progressRollup, type PlanProgress, type SectionProgress, type TaskProgress } from './progress'
import { UnitLevelSchema, type UnitLevel } from './unit'

/** What a period's figures are computed from: one plan, the units in view, an as-of day. */
export interface PeriodFiguresInput {
  plan: Plan
  periodId: PeriodId
  /**
   * Who each task is assigned to, limited to the units in view (a unit's subtree, a reader's
   * scope). Task ids are `task.id`, else `task.code` — what reports carry as `taskId`.
   */
  assignments: readonly TaskAssignment[]
  /** Reports of the units in view, of any period: the period's own count for completeness, the latest filed of any for progress. */
  reports: readonly Report[]
  /** The day (or instant) the figures are judged on. A report filed after it is not in yet. */
  asOf: string
  /** Days of tolerance after a deadline before a report counts as late (Envisio / ClearPoint). */
  graceDays?: number
  /** The plan's reporting rules, or a stored period's own rule (`periodRuleOf`) when it overrides them. */
  rules?: PeriodRulesInput
  /** Level the rules' deadline is stated for (`planIssuerLevel`); lower levels report earlier. */
  issuerLevel: UnitLevel
  /** A unit's level, for its deadline. */
  levelOf: (unitId: string) => UnitLevel
  /** A unit's parent, for the sums up the tree (`rollupByUnit`). */
  parentOf: (unitId: string) => string | null
  /** The unit the figures are for: the root of the view; `total` and the tree sums carry its id. */
  rootId: string
}

/** One report a unit owes for the period, and how it stands as of the day. */
export interface OwedReport {
  taskId: string
  unitId: string
  deadline: IsoDate
  state: SubmissionState
}

/** A unit's own reporting counts for the period, with its deadline. */
export type UnitPeriodFigures = UnitReportingStats & { deadline: IsoDate }

/** Everything counted about one plan in one period, as of one day. */
export interface PeriodFigures {
  periodId: PeriodId
  asOf: IsoDate
  /** Tasks the period's reports must cover (`dueTasks`), in plan order, with why. */
  due: { taskId: string; reason: DueReason }[]
  /** Reports owed by lead units on due tasks (`expectedReports`), each with its state. */
  owed: OwedReport[]
  /** Each owing unit's own counts (`completenessByUnit`), in the order they first owe. */
  units: UnitPeriodFigures[]
  /** Counts of every unit in view added up under `rootId`; rates from the sums. */
  total: UnitReportingStats
  /** Each unit on the way to `rootId` with its own counts plus everything below it. */
  rolledUp: Map<string, UnitReportingStats>
  /** Submission deadline of each level that owes reports, earliest first (lower level first on a tie). */
  deadlines: { level: UnitLevel; date: IsoDate }[]
  /**
   * Progress and the four outcomes (`progressRollup`) per task, section and plan. Every task of
   * the plan is listed, but only those with a unit in `assignments` count in the outcomes (those
   * without have no units and no progress, so the means leave them out already): a task nobody in
   * view is assigned to is nobody's work here, and must not show as overdue.
   */
  progress: PlanProgress
}

/**
 * A period's figures for one plan, as of a day: which tasks are due, which reports the lead units
 * owe and by when (bottom-up by level), how each stands with the grace days, completeness and
 * timeliness per unit, summed for the view and up the tree, and progress with the Government
 * Office's four outcomes per task, section and plan. The dashboard and the consolidated report
 * both read their figures here, so the same unit, period and day give the same numbers.
 *
 * @throws RangeError on a period id that does not parse (check user input with `parsePeriod`).
 * @example
 * const figures = periodFigures({ plan, periodId: '2018Q2', assignments, reports, asOf: '2018-07-05',
 *   issuerLevel: 'province', levelOf, parentOf, rootId: 'kien-giang' })
 * figures.total // { expected: 143, submitted: 93, onTime: 71, late: 22, missing: 50, … }
 */
export function periodFigures(input: PeriodFiguresInput): PeriodFigures {
  const periodId = requirePeriod(input.periodId).id
  const { asOf, levelOf } = input
  const taskIdOf = (task: Task): string => task.id ?? task.code

  const deadlineOfLevel = new Map<UnitLevel, IsoDate>()
  const deadlineOf = (level: UnitLevel): IsoDate => {
    let date = deadlineOfLevel.get(level)
    if (date === undefined) {
      date = submissionDeadline(periodId, level, input.rules, { issuerLevel: input.issuerLevel })
      deadlineOfLevel.set(level, date)
    }
    return date
  }
  const deadlineFor = (unitId: string): IsoDate => deadlineOf(levelOf(unitId))

  const due = dueTasks(input.plan, periodId).map((d) => ({ taskId: taskIdOf(d.task), reason: d.reason }))
  const expected = expectedReports(
    input.assignments,
    due.map((d) => d.taskId),
  )
  const periodReports = input.reports.filter((r) => r.periodId === periodId)
  const grace = input.graceDays === undefined ? {} : { graceDays: input.graceDays }

  // Each owed report judged once, and counted per unit from those states: what
  // `completenessByUnit` answers for the same reports (period-figures.test.ts holds them equal).
  const reportOf = latestVersions(periodReports)
  const judged = expected.map(({ taskId, unitId }) => {
    const deadline = deadlineFor(unitId)
    const report = reportOf(taskId, unitId)
    return { taskId, unitId, deadline, report, state: expectedReportState({ report, deadline, asOf, ...grace }) }
  })
  const owed = judged.map(({ taskId, unitId, deadline, state }): OwedReport => ({ taskId, unitId, deadline, state }))
  const own = countByUnit(judged)
  const units = own.map((s): UnitPeriodFigures => ({ ...s, deadline: deadlineFor(s.unitId) }))

  const tasks = new Map(input.plan.sections.flatMap((s) => s.tasks).map((t) => [taskIdOf(t), t]))
  const progress = countAssignedOutcomes(
    progressRollup({
      sections: input.plan.sections,
      assignments: input.assignments,
      reports: input.reports,
      dueDateOf: (taskId) => {
        const task = tasks.get(taskId)
        return task === undefined ? undefined : taskDueDate(task, periodId)
      },
      asOf,
    }),
  )

  const levels = [...new Set(expected.map((e) => levelOf(e.unitId)))]
  const deadlines = levels
    .map((level) => ({ level, date: deadlineOf(level) }))
    .sort((a, b) => (a.date === b.date ? BOTTOM_UP.indexOf(a.level) - BOTTOM_UP.indexOf(b.level) : a.date < b.date ? -1 : 1))

  return {
    periodId,
    asOf: localDateOf(asOf),
    due,
    owed,
    units,
    total: sumReportingStats(own, input.rootId),
    rolledUp: rollupByUnit(own, input.parentOf, input.rootId),
    deadlines,
    progress,
  }
}

/** The outcomes recounted over the tasks someone is assigned to (`units` not empty). */
function countAssignedOutcomes(progress: PlanProgress): PlanProgress {
  const count = (tasks: readonly TaskProgress[]) => countOutcomes(tasks.filter((t) => t.units.length > 0).map((t) => t.outcome))
  const sections = progress.sections.map((s): SectionProgress => ({ ...s, outcomes: count(s.tasks) }))
  return { ...progress, outcomes: count(sections.flatMap((s) => s.tasks)), sections }
}

/** Levels from the bottom of the tree up: the order reports flow in. */
const BOTTOM_UP: readonly UnitLevel[] = [...UnitLevelSchema.options].reverse()
