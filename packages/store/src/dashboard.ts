import {
  completenessByUnit,
  descendantsOf,
  dueTasks,
  expectedReports,
  planIssuerLevel,
  progressRollup,
  rollupByUnit,
  sumReportingStats,
  taskDueDate,
  type OutcomeCounts,
  type SectionProgress,
  type UnitLevel,
  type UnitReportingStats,
  type UnitTree,
} from '@papi/domain'
import { and, eq, inArray } from 'drizzle-orm'
import type { Executor } from './database'
import { deadlineForLevel, findPeriod } from './period-repository'
import { asDomainPlan, getPlan } from './plan-repository'
import { listReports } from './report-repository'
import { periods, plans } from './schema'
import { StoreError } from './store-error'

export type UnitStats = UnitReportingStats & { unitName: string; parentId: string | null }

/** One plan's figures for a subtree and a period. */
export interface PlanDashboard {
  planId: string
  number: string
  title: string
  periodId: string
  cutoffStart: string
  cutoffEnd: string
  dueOn: string
  /** Completeness and timeliness of the subtree as a whole. */
  reporting: UnitReportingStats
  progress: number | null
  outcomes: OutcomeCounts
  sections: SectionProgress[]
  /** The subtree's units with something expected, each with the sums of what is below it. */
  units: UnitStats[]
}

export interface Dashboard {
  unitId: string
  periodId: string
  asOf: string
  /** Every published plan with this period open and work assigned inside the subtree. */
  plans: PlanDashboard[]
  /** Sums across the plans for the subtree's root. */
  totals: { expected: number; submitted: number; accepted: number; onTime: number; late: number; missing: number; pending: number; completeness: number | null; timeliness: number | null }
}

/**
 * Completeness, timeliness and progress for a unit's subtree in one period, per plan, by section
 * and by unit — counted by the domain's rollups (`completenessByUnit`, `rollupByUnit`,
 * `progressRollup`) from the stored plans, assignments and reports. A unit owes a report for each
 * task it leads that is due in the period (`dueTasks`), by its level's deadline.
 *
 * @example
 * const d = await dashboard(db, tree, { unitId: kienGiang.id, periodId: '2018Q2', asOf: new Date() })
 * d.plans[0]?.reporting.completeness // 12.5
 */
export async function dashboard(
  db: Executor,
  tree: UnitTree,
  query: { unitId: string; periodId: string; asOf: Date; planId?: string },
): Promise<Dashboard> {
  const root = tree.byId.get(query.unitId)
  if (!root) throw new StoreError('not-found', `no unit ${query.unitId}`, { unitId: query.unitId })
  const subtree = new Set([root.id, ...descendantsOf(root.id, tree).map((u) => u.id)])
  const asOf = query.asOf.toISOString()

  const candidates = await db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(periods, eq(periods.planId, plans.id))
    .where(
      and(
        eq(plans.status, 'published'),
        eq(periods.code, query.periodId),
        ...(query.planId === undefined ? [] : [inArray(plans.id, [query.planId])]),
      ),
    )

  const result: PlanDashboard[] = []
  for (const { id } of candidates) {
    const stored = await getPlan(db, id)
    const period = await findPeriod(db, id, query.periodId)
    if (!period) continue
    const issuerLevel = planIssuerLevel(stored, tree.byId)
    const plan = asDomainPlan(stored)
    const inScope = stored.sections.flatMap((s) => s.tasks).flatMap((t) =>
      t.assignees.filter((a) => subtree.has(a.unitId)).map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role })),
    )
    if (inScope.length === 0) continue

    const expected = expectedReports(
      inScope,
      dueTasks(plan, query.periodId).map((d) => d.task.id as string),
    )
    const reports = (await listReports(db, { planId: id, periodId: query.periodId })).filter((r) => subtree.has(r.unitId))
    const levelOf = (unitId: string) => (tree.byId.get(unitId)?.level ?? issuerLevel) as UnitLevel
    const perUnit = completenessByUnit(
      expected,
      reports,
      (unitId) => deadlineForLevel(period, levelOf(unitId), issuerLevel),
      asOf,
    )
    const rolled = rollupByUnit(perUnit, (unitId) => tree.byId.get(unitId)?.parentId ?? null, root.id)

    const tasksInScope = new Set(inScope.map((a) => a.taskId))
    const sections = plan.sections
      .map((s) => ({ ...s, tasks: s.tasks.filter((t) => tasksInScope.has(t.id as string)) }))
      .filter((s) => s.tasks.length > 0)
    const allReports = (await listReports(db, { planId: id })).filter((r) => subtree.has(r.unitId))
    const taskById = new Map(plan.sections.flatMap((s) => s.tasks).map((t) => [t.id as string, t]))
    const progress = progressRollup({
      sections,
      assignments: inScope,
      reports: allReports,
      dueDateOf: (taskId) => {
        const task = taskById.get(taskId)
        return task ? taskDueDate(task, query.periodId) : undefined
      },
      asOf,
    })

    const order = [root.id, ...descendantsOf(root.id, tree).map((u) => u.id)]
    result.push({
      planId: id,
      number: stored.number,
      title: stored.title,
      periodId: query.periodId,
      cutoffStart: period.cutoffStart,
      cutoffEnd: period.cutoffEnd,
      dueOn: period.dueOn,
      reporting: rolled.get(root.id) as UnitReportingStats,
      progress: progress.progress,
      outcomes: progress.outcomes,
      sections: progress.sections,
      units: order
        .filter((u) => rolled.has(u) && (rolled.get(u) as UnitReportingStats).expected > 0)
        .map((u) => ({
          ...(rolled.get(u) as UnitReportingStats),
          unitName: tree.byId.get(u)?.name ?? u,
          parentId: tree.byId.get(u)?.parentId ?? null,
        })),
    })
  }

  const { unitId: _root, ...totals } = sumReportingStats(
    result.map((p) => p.reporting),
    root.id,
  )
  return { unitId: root.id, periodId: query.periodId, asOf, plans: result, totals }
}
