import { addDays, compareDates } from './internal/calendar'
import type { IsoDate } from './iso-date'
import { requirePeriod, type PeriodId } from './period'
import type { Section } from './plan'
import {
  localDateOf,
  TaskOutcomeSchema,
  type Report,
  type ReportStatus,
  type SubmissionState,
  type TaskOutcome,
  type WorkStatus,
} from './report'

// Every function here is pure over plain inputs: due dates, deadlines, expected (task, unit) pairs
// and the tree come in already computed, so the period and unit-tree rules stay in their modules.
// Dates compare as `YYYY-MM-DD` strings; instants are first turned into their Viet Nam calendar day.

/** Counts of the Government Office's four outcomes. */
export type OutcomeCounts = Record<TaskOutcome, number>

const emptyOutcomes = (): OutcomeCounts =>
  Object.fromEntries(TaskOutcomeSchema.options.map((o) => [o, 0])) as OutcomeCounts

/**
 * The Government Office's outcome for an assigned task as of a day: done on time, done late,
 * not yet due, or overdue. A task without a due date (ongoing, "Thường xuyên") is never overdue:
 * it is `not-yet-due` until done and `done-on-time` once done. A completion after `asOf` has not
 * happened yet as of `asOf`, so the past reads as it stood.
 *
 * @example
 * taskOutcome({ dueDate: '2018-06-30', completedOn: '2018-07-05', asOf: '2018-12-14' }) // 'done-late'
 * taskOutcome({ dueDate: '2018-06-30', asOf: '2018-07-01' }) // 'overdue'
 */
export function taskOutcome(input: { dueDate?: IsoDate; completedOn?: IsoDate; asOf: string }): TaskOutcome {
  const asOf = localDateOf(input.asOf)
  const { dueDate, completedOn } = input
  if (completedOn !== undefined && completedOn <= asOf) {
    return dueDate === undefined || completedOn <= dueDate ? 'done-on-time' : 'done-late'
  }
  return dueDate === undefined || asOf <= dueDate ? 'not-yet-due' : 'overdue'
}

/**
 * Whether a report came in on time. The deadline day itself is on time; `graceDays` (Envisio /
 * ClearPoint) stretch it, like DHIS2's "days after period end to qualify for timely submission".
 * Nothing filed yet answers `pending` until deadline + grace has passed, and `missing` after —
 * a report filed later still turns `late`. A submission after `asOf` is not yet filed as of `asOf`.
 *
 * @example
 * submissionTimeliness({ submittedAt: '2018-06-04T08:00:00+07:00', deadline: '2018-06-03', asOf: '2018-06-10' }) // 'late'
 * submissionTimeliness({ deadline: '2018-06-03', asOf: '2018-06-01' }) // 'pending'
 */
export function submissionTimeliness(input: {
  submittedAt?: string
  deadline: IsoDate
  asOf: string
  graceDays?: number
}): SubmissionState {
  const asOf = localDateOf(input.asOf)
  const lastDay = addDays(input.deadline, input.graceDays ?? 0)
  const filedOn = input.submittedAt === undefined ? undefined : localDateOf(input.submittedAt)
  if (filedOn !== undefined && filedOn <= asOf) return filedOn <= lastDay ? 'on-time' : 'late'
  return asOf <= lastDay ? 'pending' : 'missing'
}

/** One report a unit owes for a task in the period being counted. */
export interface ExpectedReport {
  taskId: string
  unitId: string
}

/** Reporting counts for one unit and one period (DHIS2 reporting rates). */
export interface UnitReportingStats {
  unitId: string
  expected: number
  /** Filed: submitted or accepted (a returned report is back with the unit). */
  submitted: number
  accepted: number
  onTime: number
  late: number
  missing: number
  /** Not filed, deadline not yet passed. `submitted + missing + pending === expected`. */
  pending: number
  /** submitted / expected × 100; `null` when nothing is expected. */
  completeness: number | null
  /** onTime / expected × 100; `null` when nothing is expected. */
  timeliness: number | null
}

const FILED: ReadonlySet<ReportStatus> = new Set<ReportStatus>(['submitted', 'accepted'])

/**
 * Whether a report is filed: submitted or accepted. A draft is not yet stood behind, and a
 * returned report is back with its unit — neither counts as in, for completeness, progress or
 * the KPI values a target is judged on.
 *
 * @example
 * isFiled({ status: 'submitted' }) // true
 * isFiled({ status: 'returned' }) // false
 */
export function isFiled(report: Pick<Report, 'status'>): boolean {
  return FILED.has(report.status)
}

/**
 * The reports units owe for a period: one per task and lead unit, for the tasks due in the period
 * (`dueTasks`). Coordinators support the lead and report through it, so they owe none (an
 * assignment without a role is a lead's). Each pair once, in the order of `assignments`.
 *
 * @example
 * expectedReports([{ taskId: '2.3', unitId: 'xa-a', role: 'lead' }, { taskId: '2.3', unitId: 'so-tnmt', role: 'coordinator' }], ['2.3'])
 * // [{ taskId: '2.3', unitId: 'xa-a' }]
 */
export function expectedReports(assignments: readonly TaskAssignment[], dueTaskIds: Iterable<string>): ExpectedReport[] {
  const due = new Set(dueTaskIds)
  const seen = new Set<string>()
  const owed: ExpectedReport[] = []
  for (const { taskId, unitId, role } of assignments) {
    const key = pairKey(taskId, unitId)
    if ((role ?? 'lead') !== 'lead' || !due.has(taskId) || seen.has(key)) continue
    seen.add(key)
    owed.push({ taskId, unitId })
  }
  return owed
}

/**
 * How one owed report stands as of `asOf` ({@link submissionTimeliness}), from the report the unit
 * holds for the period, if any. Only a filed report counts as in; one filed without a filing time
 * (imported from a spreadsheet) is known to be in by `asOf` and no earlier, so it is judged as
 * filed that day rather than credited as on time. This is the rule `completenessByUnit` counts by.
 *
 * @example
 * expectedReportState({ report: { status: 'draft' }, deadline: '2018-06-18', asOf: '2018-06-20' }) // 'missing'
 * expectedReportState({ report: { status: 'accepted', submittedAt: '2018-06-15T09:00:00+07:00' }, deadline: '2018-06-18', asOf: '2018-06-20' }) // 'on-time'
 */
export function expectedReportState(input: {
  report?: Pick<Report, 'status' | 'submittedAt'>
  deadline: IsoDate
  asOf: string
  graceDays?: number
}): SubmissionState {
  const { report, asOf } = input
  const filed = report !== undefined && isFiled(report)
  return submissionTimeliness({
    submittedAt: filed ? (report.submittedAt ?? localDateOf(asOf)) : undefined,
    deadline: input.deadline,
    asOf,
    graceDays: input.graceDays,
  })
}

/**
 * Of several reports for one (task, unit), the highest version — the one `completenessByUnit`
 * counts — looked up by task and unit.
 *
 * @example
 * const reportOf = latestVersions(periodReports)
 * reportOf('2.3', 'xa-a')?.status // 'submitted'
 */
export function latestVersions<R extends Pick<Report, 'taskId' | 'unitId' | 'version'>>(
  reports: readonly R[],
): (taskId: string, unitId: string) => R | undefined {
  const byPair = new Map<string, R>()
  for (const r of reports) {
    const key = pairKey(r.taskId, r.unitId)
    const seen = byPair.get(key)
    if (seen === undefined || r.version > seen.version) byPair.set(key, r)
  }
  return (taskId, unitId) => byPair.get(pairKey(taskId, unitId))
}

/**
 * Completeness and timeliness per unit for one period, DHIS2-style: counted against what was
 * expected, so a report nobody asked for (a coordinator filing of its own accord) does not raise
 * the rate. `reports` must all belong to one period (mixing periods is a caller bug and throws);
 * of several reports for one (task, unit) the highest version counts.
 *
 * @example
 * completenessByUnit([{ taskId: '2.3', unitId: 'xa-a' }], [], () => '2018-06-03', '2018-06-10')
 * // [{ unitId: 'xa-a', expected: 1, submitted: 0, missing: 1, completeness: 0, timeliness: 0, … }]
 */
export function completenessByUnit(
  expected: readonly ExpectedReport[],
  reports: readonly Report[],
  deadlineFor: (unitId: string) => IsoDate,
  asOf: string,
  options: { graceDays?: number } = {},
): UnitReportingStats[] {
  const periods = new Set(reports.map((r) => r.periodId))
  if (periods.size > 1) throw new Error(`completenessByUnit counts one period at a time, got ${[...periods].join(', ')}`)

  const reportOf = latestVersions(reports)
  const stats = new Map<string, UnitReportingStats>()
  const counted = new Set<string>()
  for (const { taskId, unitId } of expected) {
    const key = pairKey(taskId, unitId)
    if (counted.has(key)) continue
    counted.add(key)
    let s = stats.get(unitId)
    if (s === undefined) {
      s = emptyStats(unitId)
      stats.set(unitId, s)
    }
    const report = reportOf(taskId, unitId)
    const state = expectedReportState({ report, deadline: deadlineFor(unitId), asOf, graceDays: options.graceDays })
    s.expected += 1
    if (state === 'on-time') s.onTime += 1
    else if (state === 'late') s.late += 1
    else if (state === 'missing') s.missing += 1
    else s.pending += 1
    if (state === 'on-time' || state === 'late') {
      s.submitted += 1
      if (report?.status === 'accepted') s.accepted += 1
    }
  }
  return [...stats.values()].map(withRates)
}

/**
 * Sums per-unit stats up the tree: every unit on the way from a counted unit to `rootId` shows
 * its own counts plus everything below it, so a district shows its communes' totals and the
 * province shows everything. Rates are recomputed from the sums, never averaged. Units whose
 * chain never reaches `rootId` are outside the scope and left out.
 *
 * @example
 * rollupByUnit(stats, (id) => parents[id] ?? null, 'kien-giang').get('kien-giang')?.completeness
 */
export function rollupByUnit(
  perUnit: readonly UnitReportingStats[],
  parentOf: (unitId: string) => string | null,
  rootId: string,
): Map<string, UnitReportingStats> {
  const totals = new Map<string, UnitReportingStats>([[rootId, emptyStats(rootId)]])
  for (const own of perUnit) {
    const path = pathToRoot(own.unitId, parentOf, rootId)
    if (path === null) continue
    for (const unitId of path) {
      let t = totals.get(unitId)
      if (t === undefined) {
        t = emptyStats(unitId)
        totals.set(unitId, t)
      }
      for (const k of COUNT_KEYS) t[k] += own[k]
    }
  }
  for (const [id, t] of totals) totals.set(id, withRates(t))
  return totals
}

/**
 * The counts of several units (or of several plans' roots) added up under one id, rates
 * recomputed from the sums — never averaged, so a unit owing ten reports weighs ten times one
 * owing one.
 *
 * @example
 * sumReportingStats(plans.map((p) => p.reporting), 'kien-giang').completeness
 */
export function sumReportingStats(stats: readonly UnitReportingStats[], unitId: string): UnitReportingStats {
  const total = emptyStats(unitId)
  for (const s of stats) for (const k of COUNT_KEYS) total[k] += s[k]
  return withRates(total)
}

/**
 * The units a consolidating unit reminds: those below it whose reports are not all in yet. Rows
 * are the dashboard's sums up the tree; the consolidating unit's own row sums everyone, so it is
 * the one reminding, not one to remind — picked by id, never by its place in the list.
 *
 * @example
 * unitsToRemind(plan.units, dashboard.unitId).map((u) => u.unitName) // ['UBND xã Bình An']
 */
export function unitsToRemind<R extends Pick<UnitReportingStats, 'unitId' | 'submitted' | 'expected'>>(
  rows: readonly R[],
  consolidatingUnitId: string,
): R[] {
  return rows.filter((u) => u.unitId !== consolidatingUnitId && u.submitted < u.expected)
}

/**
 * Units whose own expected reports are all accepted — the `acceptedUnits` for `approvalState`.
 *
 * @example
 * fullyAcceptedUnits(completenessByUnit(expected, reports, deadlineFor, asOf))
 */
export function fullyAcceptedUnits(perUnit: readonly UnitReportingStats[]): Set<string> {
  return new Set(perUnit.filter((s) => s.accepted === s.expected).map((s) => s.unitId))
}

export type ApprovalStateKind = 'accepted' | 'awaiting-subordinates' | 'not-accepted'

export interface ApprovalState {
  unitId: string
  /**
   * `accepted`: the unit and everything it consolidates; `awaiting-subordinates`: the unit's own
   * data is accepted but something below is not; `not-accepted`: the unit's own data is not.
   */
  state: ApprovalStateKind
  /** Units in the subtree (the unit first, then breadth-first) still not accepted. */
  waitingOn: string[]
}

/**
 * DHIS2 approval moving up the tree: a unit's consolidated data counts as accepted only when its
 * own data and everything it consolidates are accepted. A unit with nothing of its own to file
 * should be passed in `acceptedUnits`, or it holds up its parent forever.
 *
 * @example
 * approvalState('chau-thanh', (id) => children[id] ?? [], new Set(['chau-thanh', 'minh-luong']))
 * // { unitId: 'chau-thanh', state: 'awaiting-subordinates', waitingOn: ['binh-an'] }
 */
export function approvalState(
  unitId: string,
  childrenOf: (unitId: string) => readonly string[],
  acceptedUnits: ReadonlySet<string>,
): ApprovalState {
  const waitingOn: string[] = []
  const seen = new Set<string>([unitId])
  const queue = [unitId]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    if (!acceptedUnits.has(id)) waitingOn.push(id)
    for (const child of childrenOf(id)) {
      if (seen.has(child)) throw new Error(`unit tree has a cycle or a shared child at ${child}`)
      seen.add(child)
      queue.push(child)
    }
  }
  const state: ApprovalStateKind = !acceptedUnits.has(unitId)
    ? 'not-accepted'
    : waitingOn.length > 0
      ? 'awaiting-subordinates'
      : 'accepted'
  return { unitId, state, waitingOn }
}

/** A unit responsible for a task. Coordinators are listed for completeness but do not drive progress. */
export interface TaskAssignment {
  taskId: string
  unitId: string
  role?: 'lead' | 'coordinator'
}

export interface UnitTaskProgress {
  unitId: string
  progress: number
  /** `null` when the unit has filed nothing yet. */
  workStatus: WorkStatus | null
  completedOn?: IsoDate
  /** Period of the report the figures come from. */
  periodId?: PeriodId
}

export interface TaskProgress {
  taskId: string
  code: string
  title: string
  weight: number
  /** Mean over the units that drive it; `null` when no unit is assigned. */
  progress: number | null
  dueDate?: IsoDate
  /** Day the last driving unit finished, once all have. */
  completedOn?: IsoDate
  outcome: TaskOutcome
  units: UnitTaskProgress[]
}

export interface SectionProgress {
  sectionId: string
  code: string
  title: string
  weight: number
  progress: number | null
  outcomes: OutcomeCounts
  tasks: TaskProgress[]
}

export interface PlanProgress {
  progress: number | null
  outcomes: OutcomeCounts
  sections: SectionProgress[]
}

export interface ProgressRollupInput {
  sections: readonly Section[]
  assignments: readonly TaskAssignment[]
  /** Reports of any periods; for each (task, unit) the latest filed one as of `asOf` counts. */
  reports: readonly Report[]
  /** Due date of a task (from its timeframe); `undefined` for ongoing work. */
  dueDateOf: (taskId: string) => IsoDate | undefined
  asOf: string
}

/**
 * Progress from units to tasks to sections to the plan (Decidim), with the four outcomes counted
 * at each level.
 *
 * - A task is driven by its lead units; coordinators count only when a task names no lead, since
 *   coordinators support and their report does not measure delivery.
 * - A unit's figure is its latest filed (submitted or accepted) report as of `asOf`, latest period
 *   first: drafts are not yet stood behind, and a returned report falls back to the last filed one.
 *   A unit that says `done` counts 100 %; a unit with nothing filed counts 0 %.
 * - A task's progress is the plain mean over its driving units; it is done when all of them are,
 *   on the day the last one finished (a done report without `completedOn` counts its filing day).
 * - Sections weigh tasks by `task.weight`, the plan weighs sections by `section.weight`
 *   (1 when unset); tasks with no assigned unit and empty sections are left out of the means.
 * - Task ids are `task.id`, else `task.code` — what reports carry as `taskId`.
 *
 * @example
 * progressRollup({ sections: plan.sections, assignments, reports, dueDateOf, asOf: '2018-12-14' }).progress // 62.5
 */
export function progressRollup(input: ProgressRollupInput): PlanProgress {
  const asOf = localDateOf(input.asOf)
  const latest = latestFiledReports(input.reports, asOf)
  const driving = drivingUnits(input.assignments)

  const sections = input.sections.map((section): SectionProgress => {
    const tasks = section.tasks.map((task): TaskProgress => {
      const taskId = task.id ?? task.code
      const units = (driving.get(taskId) ?? []).map((unitId): UnitTaskProgress => {
        const r = latest.get(pairKey(taskId, unitId))
        if (r === undefined) return { unitId, progress: 0, workStatus: null }
        const done = r.workStatus === 'done'
        const completedOn = done ? (r.completedOn ?? (r.submittedAt ? localDateOf(r.submittedAt) : undefined)) : undefined
        return {
          unitId,
          progress: done ? 100 : r.progress,
          workStatus: r.workStatus,
          periodId: r.periodId,
          ...(completedOn !== undefined && { completedOn }),
        }
      })
      const allDone = units.length > 0 && units.every((u) => u.completedOn !== undefined)
      const completedOn = allDone ? units.map((u) => u.completedOn as string).sort().at(-1) : undefined
      const dueDate = input.dueDateOf(taskId)
      return {
        taskId,
        code: task.code,
        title: task.title,
        weight: task.weight ?? 1,
        progress: units.length === 0 ? null : units.reduce((sum, u) => sum + u.progress, 0) / units.length,
        ...(dueDate !== undefined && { dueDate }),
        ...(completedOn !== undefined && { completedOn }),
        outcome: taskOutcome({ dueDate, completedOn, asOf }),
        units,
      }
    })
    return {
      sectionId: section.id ?? section.code,
      code: section.code,
      title: section.title,
      weight: section.weight ?? 1,
      progress: weightedMean(tasks),
      outcomes: countOutcomes(tasks.map((t) => t.outcome)),
      tasks,
    }
  })

  return {
    progress: weightedMean(sections),
    outcomes: countOutcomes(sections.flatMap((s) => s.tasks.map((t) => t.outcome))),
    sections,
  }
}

// --- internal

const COUNT_KEYS = ['expected', 'submitted', 'accepted', 'onTime', 'late', 'missing', 'pending'] as const

const pairKey = (taskId: string, unitId: string): string => `${taskId}\u0000${unitId}`

function emptyStats(unitId: string): UnitReportingStats {
  return {
    unitId,
    expected: 0,
    submitted: 0,
    accepted: 0,
    onTime: 0,
    late: 0,
    missing: 0,
    pending: 0,
    completeness: null,
    timeliness: null,
  }
}

function withRates(s: UnitReportingStats): UnitReportingStats {
  const rate = (n: number) => (s.expected === 0 ? null : (n / s.expected) * 100)
  return { ...s, completeness: rate(s.submitted), timeliness: rate(s.onTime) }
}

/** The unit, its ancestors up to and including `rootId`; `null` when the chain never reaches it. */
function pathToRoot(unitId: string, parentOf: (unitId: string) => string | null, rootId: string): string[] | null {
  const path: string[] = []
  const seen = new Set<string>()
  for (let id: string | null = unitId; id !== null; id = parentOf(id)) {
    if (seen.has(id)) throw new Error(`unit tree has a cycle at ${id}`)
    seen.add(id)
    path.push(id)
    if (id === rootId) return path
  }
  return null
}

function latestFiledReports(reports: readonly Report[], asOf: IsoDate): Map<string, Report> {
  const latest = new Map<string, Report>()
  for (const r of reports) {
    if (!isFiled(r)) continue
    if (r.submittedAt !== undefined && localDateOf(r.submittedAt) > asOf) continue
    const key = pairKey(r.taskId, r.unitId)
    const seen = latest.get(key)
    if (seen === undefined || isLater(r, seen)) latest.set(key, r)
  }
  return latest
}

function isLater(a: Report, b: Report): boolean {
  const byPeriod = compareDates(requirePeriod(a.periodId).end, requirePeriod(b.periodId).end)
  if (byPeriod !== 0) return byPeriod > 0
  // Same end (2018Q2 and 2018S1 both end on 30 June): the later filing is the more recent word.
  return (a.submittedAt ?? '') > (b.submittedAt ?? '')
}

function drivingUnits(assignments: readonly TaskAssignment[]): Map<string, string[]> {
  const leads = new Map<string, string[]>()
  const others = new Map<string, string[]>()
  for (const a of assignments) {
    const into = (a.role ?? 'lead') === 'lead' ? leads : others
    const list = into.get(a.taskId) ?? []
    if (!list.includes(a.unitId)) list.push(a.unitId)
    into.set(a.taskId, list)
  }
  for (const [taskId, list] of others) if (!leads.has(taskId)) leads.set(taskId, list)
  return leads
}

function weightedMean(items: readonly { progress: number | null; weight: number }[]): number | null {
  let sum = 0
  let weights = 0
  for (const { progress, weight } of items) {
    if (progress === null) continue
    sum += progress * weight
    weights += weight
  }
  return weights === 0 ? null : sum / weights
}

function countOutcomes(outcomes: readonly TaskOutcome[]): OutcomeCounts {
  const counts = emptyOutcomes()
  for (const o of outcomes) counts[o] += 1
  return counts
}
