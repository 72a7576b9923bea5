import { isFiled, type TaskAssignment } from './completeness'
import { compareDates } from './internal/calendar'
import { pairKey } from './internal/pair-key'
import type { IsoDate } from './iso-date'
import { countOutcomes, taskOutcome, type OutcomeCounts } from './outcome'
import { PERIOD_TYPE_RANK, requirePeriod, type PeriodId } from './period'
import type { Section } from './plan'
import { localDateOf, type Report, type TaskOutcome, type WorkStatus } from './report'

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
 *   first (of two ending the same day, the later filing, then the longer period): drafts are not
 *   yet stood behind, and a returned report falls back to the last filed one.
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
      const completedOn = allDone
        ? units
            .map((u) => u.completedOn as string)
            .sort()
            .at(-1)
        : undefined
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
  // Same end (2018Q2 and 2018S1 both end on 30 June): the later filing is the more recent word;
  // filed at the same moment (or both without a time), the longer period, whatever the order given.
  const [filedA, filedB] = [a.submittedAt ?? '', b.submittedAt ?? '']
  if (filedA !== filedB) return filedA > filedB
  return PERIOD_TYPE_RANK[requirePeriod(a.periodId).type] > PERIOD_TYPE_RANK[requirePeriod(b.periodId).type]
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
