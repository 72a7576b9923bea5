import { dueTasks, type Plan } from '@papi/domain'
import type { PapiApi } from '../api/papi-api'
import type { PeriodDto, PlanDetail, ReportDto, TaskDto } from '../api/types'

/** A published plan with its reporting periods. */
export interface PlanWithPeriods {
  plan: PlanDetail
  periods: PeriodDto[]
}

/** Every plan the user may read, with details and periods (published plans only report). */
export async function loadPlansWithPeriods(api: PapiApi): Promise<PlanWithPeriods[]> {
  const summaries = (await api.plans()).filter((p) => p.status === 'published')
  return Promise.all(
    summaries.map(async (s) => {
      const [plan, periods] = await Promise.all([api.plan(s.id), api.periods(s.id).catch(() => [] as PeriodDto[])])
      return { plan, periods }
    }),
  )
}

/**
 * The period codes any plan reports on, newest first, and the one to open by default: the first
 * whose deadline has not passed (the period being collected), else the most recent.
 */
export function periodChoices(plans: readonly PlanWithPeriods[], today: string): { codes: string[]; current?: string } {
  const byCode = new Map<string, PeriodDto>()
  for (const { periods } of plans) for (const p of periods) if (!byCode.has(p.code) || (byCode.get(p.code) as PeriodDto).dueOn > p.dueOn) byCode.set(p.code, p)
  const all = [...byCode.values()].sort((a, b) => (a.dueOn === b.dueOn ? a.code.localeCompare(b.code) : a.dueOn.localeCompare(b.dueOn)))
  const open = all.find((p) => p.dueOn >= today && p.cutoffStart <= today)
  const current = open ?? all.at(-1)
  return { codes: all.map((p) => p.code).reverse(), ...(current === undefined ? {} : { current: current.code }) }
}

/** A task a unit must report on this period, with the report filed so far. */
export interface TaskToReport {
  plan: PlanDetail
  period: PeriodDto
  sectionCode: string
  task: TaskDto
  report?: ReportDto
}

/**
 * The tasks `unitId` leads that are due in the period (the domain's `dueTasks`), across plans,
 * each with the unit's report when there is one.
 */
export async function loadMyTasks(
  api: PapiApi,
  plans: readonly PlanWithPeriods[],
  unitId: string,
  periodId: string,
): Promise<TaskToReport[]> {
  const out: TaskToReport[] = []
  for (const { plan, periods } of plans) {
    const period = periods.find((p) => p.code === periodId)
    if (period === undefined) continue
    const tasks = tasksOfUnit(plan, unitId, periodId)
    if (tasks.length === 0) continue
    const reports = await api.reports({ planId: plan.id, periodId, unitId })
    for (const { task, sectionCode } of tasks) {
      const report = reports.find((r) => r.taskId === task.id && r.unitId === unitId)
      out.push({ plan, period, sectionCode, task, ...(report === undefined ? {} : { report }) })
    }
  }
  return out
}

/** Tasks of a plan due in a period that `unitId` leads (coordinators report through the lead). */
export function tasksOfUnit(plan: PlanDetail, unitId: string, periodId: string): { task: TaskDto; sectionCode: string }[] {
  const byId = new Map(plan.sections.flatMap((s) => s.tasks).map((t) => [t.id, t]))
  return dueTasks(plan as unknown as Plan, periodId)
    .map((d) => ({ task: byId.get(d.task.id as string), sectionCode: d.sectionCode }))
    .filter((d): d is { task: TaskDto; sectionCode: string } =>
      d.task !== undefined && d.task.assignees.some((a) => a.unitId === unitId && a.role === 'lead'),
    )
}
