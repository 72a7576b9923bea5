import {
  descendantsOf,
  localDateOf,
  PLAN_VIEW_STATUSES,
  periodAsOf,
  periodFigures,
  planIssuerLevel,
  type Report,
  sumReportingStats,
  type OutcomeCounts,
  type SectionProgress,
  type UnitReportingStats,
  type UnitTree,
} from '@papi/domain'
import { and, asc, desc, eq, exists, inArray, sql } from 'drizzle-orm'
import type { Executor } from './database'
import { findPeriod, periodRule } from './period-repository'
import { assignments, PERIOD_END_OF_REPORT, PERIOD_RANK_OF_REPORT, periods, plans, reports as reportsTable } from './schema'
import { asDomainPlan, getPlan } from './stored-plan'
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
  /** The day this plan's figures are judged on: the one asked for, else `periodAsOf` of its deadline. */
  asOf: string
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
  /** The day asked for; else the moment of the request (each plan says the day it was judged on). */
  asOf: string
  /** Every published plan with this period open and work assigned inside the subtree. */
  plans: PlanDashboard[]
  /** Sums across the plans for the subtree's root (the domain's `sumReportingStats`). */
  totals: Omit<UnitReportingStats, 'unitId'>
}

/**
 * Completeness, timeliness and progress for a unit's subtree in one period, per plan, by section
 * and by unit: the domain's `periodFigures` — the very figures of the consolidated report — from
 * the stored plans, assignments and reports, judged as of `asOf` with `graceDays` of tolerance
 * (by default each period's own grace days, which a planner sets on the period).
 * Without an `asOf`, each plan's period is judged as the domain's `periodAsOf` says: a past period
 * as of its deadline plus grace, the current one as of `now`.
 * A unit owes a report for each task it leads that is due in the period, by its level's deadline
 * under the period as opened on the plan.
 *
 * @example
 * const d = await dashboard(db, tree, { unitId: kienGiang.id, periodId: '2018Q2', asOf: new Date() })
 * d.plans[0]?.reporting.completeness // 12.5
 */
export async function dashboard(
  db: Executor,
  tree: UnitTree,
  query: { unitId: string; periodId: string; asOf?: Date | string; now?: Date; planId?: string; graceDays?: number },
): Promise<Dashboard> {
  const root = tree.byId.get(query.unitId)
  if (!root) throw new StoreError('not-found', `no unit ${query.unitId}`, { unitId: query.unitId })
  const order = [root.id, ...descendantsOf(root.id, tree).map((u) => u.id)]
  const subtree = new Set(order)
  const now = (query.now ?? new Date()).toISOString()
  const asked = query.asOf === undefined ? undefined : typeof query.asOf === 'string' ? query.asOf : query.asOf.toISOString()
  const asOf = asked ?? now

  // Only plans with work assigned inside the subtree (assignments_unit_plan_idx), not every
  // plan that has this period open.
  const wholeTree = subtree.size >= tree.byId.size
  const candidates = await db
    .select({ id: plans.id })
    .from(plans)
    .innerJoin(periods, eq(periods.planId, plans.id))
    .where(
      and(
        inArray(plans.status, [...PLAN_VIEW_STATUSES.dashboard]),
        eq(periods.code, query.periodId),
        ...(query.planId === undefined ? [] : [inArray(plans.id, [query.planId])]),
        ...(wholeTree
          ? []
          : [
              exists(
                db
                  .select({ one: sql`1` })
                  .from(assignments)
                  .where(and(inArray(assignments.unitId, order), eq(assignments.planId, plans.id))),
              ),
            ]),
      ),
    )

  const result: PlanDashboard[] = []
  for (const { id } of candidates) {
    const stored = await getPlan(db, id, tree)
    const period = await findPeriod(db, id, query.periodId)
    if (!period) continue
    const inScope = stored.sections
      .flatMap((s) => s.tasks)
      .flatMap((t) => t.assignees.filter((a) => subtree.has(a.unitId)).map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role })))
    if (inScope.length === 0) continue

    const issuerLevel = planIssuerLevel(stored, tree.byId)
    // The grace asked for, else the one the planner set on the period.
    const graceDays = query.graceDays ?? period.graceDays
    const planAsOf = asked ?? periodAsOf(period.dueOn, now, graceDays)
    // The period's own reports, and for progress only the report per (task, unit) that the
    // domain will count — not every report of every period of the plan.
    const unitIds = [...new Set(inScope.map((a) => a.unitId))]
    const ofPeriod = (await figureReports(db, { provinceId: stored.provinceId, planId: id, periodId: query.periodId })).filter((r) =>
      subtree.has(r.unitId),
    )
    const latest = await latestFiledCandidates(db, {
      provinceId: stored.provinceId,
      planId: id,
      unitIds,
      asOf: planAsOf,
    })
    const seen = new Set(ofPeriod.map((r) => r.id))
    const reports = [...ofPeriod, ...latest.filter((r) => !seen.has(r.id))]
    const figures = periodFigures({
      plan: asDomainPlan(stored),
      periodId: query.periodId,
      assignments: inScope,
      reports,
      asOf: planAsOf,
      graceDays,
      rules: [periodRule(period)],
      issuerLevel,
      levelOf: (unitId) => tree.byId.get(unitId)?.level ?? issuerLevel,
      parentOf: (unitId) => tree.byId.get(unitId)?.parentId ?? null,
      rootId: root.id,
    })

    result.push({
      planId: id,
      number: stored.number,
      title: stored.title,
      periodId: query.periodId,
      cutoffStart: period.cutoffStart,
      cutoffEnd: period.cutoffEnd,
      dueOn: period.dueOn,
      asOf: planAsOf,
      reporting: figures.total,
      progress: figures.progress.progress,
      outcomes: figures.progress.outcomes,
      // The subtree's work only: tasks assigned inside it, sections that keep one.
      sections: figures.progress.sections
        .map((s) => ({ ...s, tasks: s.tasks.filter((t) => t.units.length > 0) }))
        .filter((s) => s.tasks.length > 0),
      units: order.flatMap((u) => {
        const rolled = figures.rolledUp.get(u)
        if (rolled === undefined || rolled.expected === 0) return []
        return [{ ...rolled, unitName: tree.byId.get(u)?.name ?? u, parentId: tree.byId.get(u)?.parentId ?? null }]
      }),
    })
  }

  const { unitId: _root, ...totals } = sumReportingStats(
    result.map((p) => p.reporting),
    root.id,
  )
  return { unitId: root.id, periodId: query.periodId, asOf, plans: result, totals }
}

/**
 * For each (task, unit) of a plan, the one report the domain's progress rule counts — the latest
 * filed (submitted or accepted) as of `asOf`, latest period end first, then latest filing, then
 * longest period —
 * chosen in SQL (DISTINCT ON), so `periodFigures` receives one row per pair instead of every
 * period's reports. The domain still applies its own rule to these rows; this only leaves out
 * rows it would pass over (dashboard.test.ts holds both to the same figures).
 * The order is `reports_latest_filed_idx` read backwards (period end as `PERIOD_END_OF_REPORT`,
 * a filing without a time before any with one): PostgreSQL reads only that index, in order,
 * without sorting or touching the wide report rows.
 */
async function latestFiledCandidates(
  db: Executor,
  q: { provinceId: string; planId: string; unitIds: string[]; asOf: string },
): Promise<(Report & { id: string })[]> {
  if (q.unitIds.length === 0) return []
  const r = reportsTable
  // The first instant after asOf's calendar day in Viet Nam (the day `localDateOf` reads).
  const dayAfter = new Date(Date.parse(`${localDateOf(q.asOf)}T00:00:00+07:00`) + 24 * 3600 * 1000)
  return db
    .selectDistinctOn([r.taskId, r.unitId], FIGURE_COLUMNS)
    .from(r)
    .where(
      and(
        eq(r.provinceId, q.provinceId),
        eq(r.planId, q.planId),
        sql`${r.status} in ('submitted', 'accepted')`,
        inArray(r.unitId, q.unitIds),
        sql`(${r.submittedAt} is null or ${r.submittedAt} < ${dayAfter.toISOString()}::timestamptz)`,
      ),
    )
    .orderBy(
      desc(r.taskId),
      desc(r.unitId),
      sql`${PERIOD_END_OF_REPORT} desc`,
      sql`${r.submittedAt} desc nulls last`,
      sql`${PERIOD_RANK_OF_REPORT} desc`,
    )
    .then((rows) => rows.map(figureReportOf))
}

/**
 * The columns of a report the period figures read (`periodFigures`: status, version, dates,
 * progress and work status): at national scale the dashboard reads ~70 k reports, and their
 * narratives, KPI values and evidence were most of the bytes decoded and sorted (external sorts
 * on disk), none of them used.
 */
const FIGURE_COLUMNS = {
  id: reportsTable.id,
  taskId: reportsTable.taskId,
  unitId: reportsTable.unitId,
  periodId: reportsTable.periodId,
  status: reportsTable.status,
  workStatus: reportsTable.workStatus,
  progress: reportsTable.progress,
  version: reportsTable.version,
  submittedAt: reportsTable.submittedAt,
  completedOn: reportsTable.completedOn,
}

type FigureRow = { [K in keyof typeof FIGURE_COLUMNS]: (typeof reportsTable.$inferSelect)[K] }

/** A report as the figures read it: what they do not read is left empty. */
function figureReportOf(r: FigureRow): Report & { id: string } {
  return {
    id: r.id,
    taskId: r.taskId,
    unitId: r.unitId,
    periodId: r.periodId,
    status: r.status,
    workStatus: r.workStatus,
    progress: r.progress,
    version: r.version,
    narrative: '',
    kpiValues: [],
    evidence: [],
    ...(r.submittedAt && { submittedAt: r.submittedAt.toISOString() }),
    ...(r.completedOn && { completedOn: r.completedOn }),
  }
}

/** A plan's reports of one period, as the figures read them. */
async function figureReports(
  db: Executor,
  q: { provinceId: string; planId: string; periodId: string },
): Promise<(Report & { id: string })[]> {
  const r = reportsTable
  const rows = await db
    .select(FIGURE_COLUMNS)
    .from(r)
    .where(and(eq(r.provinceId, q.provinceId), eq(r.planId, q.planId), eq(r.periodId, q.periodId)))
    .orderBy(asc(r.taskId), asc(r.unitId))
  return rows.map(figureReportOf)
}
