import { addDays } from './internal/calendar'
import { pairKey } from './internal/pair-key'
import type { IsoDate } from './iso-date'
import { localDateOf, type Report, type ReportStatus, type SubmissionState } from './report'

// Every function here is pure over plain inputs: deadlines, expected (task, unit) pairs and the
// tree come in already computed, so the period and unit-tree rules stay in their modules. Dates
// compare as `YYYY-MM-DD` strings; instants are first turned into their Viet Nam calendar day.

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

/**
 * How a report stands where it is listed on its own (the review desk, a unit's tasks, a line of
 * the period report): a filed report is on time or late by the day it was filed — a fact of the
 * filing, whatever day the period's figures are judged on. A 2018 report filed today is late,
 * even in a report judged as of 2018's deadline, where it is still counted as missing then.
 * Anything else (not filed, or filed without a time) stands as {@link expectedReportState} says.
 *
 * @example
 * listedReportState({ report: { status: 'submitted', submittedAt: '2026-12-05T09:00:00+07:00' }, deadline: '2018-06-18', asOf: '2018-06-19' }) // 'late'
 * listedReportState({ report: { status: 'draft' }, deadline: '2018-06-18', asOf: '2018-06-19' }) // 'missing'
 */
export function listedReportState(input: {
  report?: Pick<Report, 'status' | 'submittedAt'>
  deadline: IsoDate
  asOf: string
  graceDays?: number
}): SubmissionState {
  const { report } = input
  if (report?.submittedAt !== undefined && isFiled(report))
    return submissionTimeliness({
      submittedAt: report.submittedAt,
      deadline: input.deadline,
      asOf: report.submittedAt,
      graceDays: input.graceDays,
    })
  return expectedReportState(input)
}

/**
 * A report as it stood on `asOf`, for a document judged on that day: one filed after it was not in
 * yet (undefined), whatever it says now. A period report printed as of 2018's deadline lists a
 * report filed in 2026 as not received, as its counts do; printed as of 2026, as filed late.
 *
 * @example
 * reportAsItStood({ status: 'submitted', submittedAt: '2026-12-05T09:00:00+07:00' }, '2018-06-19') // undefined
 */
export function reportAsItStood<R extends Pick<Report, 'status' | 'submittedAt'>>(report: R | undefined, asOf: string): R | undefined {
  if (report?.submittedAt !== undefined && isFiled(report) && localDateOf(report.submittedAt) > asOf) return undefined
  return report
}

/** A unit responsible for a task. Coordinators are listed for completeness but do not drive progress. */
export interface TaskAssignment {
  taskId: string
  unitId: string
  role?: 'lead' | 'coordinator'
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
 * The tasks due in a period that a unit coordinates without leading them: it owes no report
 * ({@link expectedReports}) but must see the task, to support the lead and add its part. Each
 * pair once, in the order of `assignments`.
 *
 * @example
 * coordinatedTasks([{ taskId: '1.3', unitId: 'xa-a', role: 'lead' }, { taskId: '1.3', unitId: 'mttq', role: 'coordinator' }], ['1.3'])
 * // [{ taskId: '1.3', unitId: 'mttq' }]
 */
export function coordinatedTasks(assignments: readonly TaskAssignment[], dueTaskIds: Iterable<string>): ExpectedReport[] {
  const due = new Set(dueTaskIds)
  const leads = new Set(expectedReports(assignments, due).map((p) => pairKey(p.taskId, p.unitId)))
  const seen = new Set<string>()
  const pairs: ExpectedReport[] = []
  for (const { taskId, unitId, role } of assignments) {
    const key = pairKey(taskId, unitId)
    if (role !== 'coordinator' || !due.has(taskId) || leads.has(key) || seen.has(key)) continue
    seen.add(key)
    pairs.push({ taskId, unitId })
  }
  return pairs
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
  const counted = new Set<string>()
  const judged: JudgedReport[] = []
  for (const { taskId, unitId } of expected) {
    const key = pairKey(taskId, unitId)
    if (counted.has(key)) continue
    counted.add(key)
    const report = reportOf(taskId, unitId)
    judged.push({
      unitId,
      report,
      state: expectedReportState({ report, deadline: deadlineFor(unitId), asOf, graceDays: options.graceDays }),
    })
  }
  return countByUnit(judged)
}

/** An owed report as judged ({@link expectedReportState}), with the report it was judged by, if any. */
export interface JudgedReport {
  unitId: string
  report?: Pick<Report, 'status'>
  state: SubmissionState
}

/**
 * The counts per unit of owed reports already judged, each one once (what
 * {@link completenessByUnit} counts, for a caller that judged them already: `periodFigures`),
 * units in the order they first owe: on time or late is filed, and filed and accepted is accepted.
 *
 * @example
 * countByUnit([{ unitId: 'xa-a', state: 'missing' }]) // [{ unitId: 'xa-a', expected: 1, missing: 1, completeness: 0, … }]
 */
export function countByUnit(judged: Iterable<JudgedReport>): UnitReportingStats[] {
  const stats = new Map<string, UnitReportingStats>()
  for (const { unitId, report, state } of judged) {
    let s = stats.get(unitId)
    if (s === undefined) {
      s = emptyStats(unitId)
      stats.set(unitId, s)
    }
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

// --- internal

const COUNT_KEYS = ['expected', 'submitted', 'accepted', 'onTime', 'late', 'missing', 'pending'] as const

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
