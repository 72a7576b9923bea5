import {
  descendantsOf,
  localDateOf,
  PLAN_VIEW_STATUSES,
  periodAsOf,
  periodFigures,
  type Plan,
  planIssuerLevel,
  type Report,
  sumReportingStats,
  type OutcomeCounts,
  type SectionProgress,
  type TaskAssignment,
  type UnitLevel,
  type UnitReportingStats,
  type UnitTree,
} from '@papi/domain'
import { and, eq, exists, inArray, type SQL, sql } from 'drizzle-orm'
import type { Executor } from './database'
import { findPeriods, periodRule, type StoredPeriod } from './period-repository'
import { type CachedFigures, type FiguresCache, treeKeyOf } from './figures-cache'
import { assignments, PERIOD_END_OF_REPORT, PERIOD_RANK_OF_REPORT, periods, planFiguresVersions, plans } from './schema'
import { asDomainPlan, getPlans, type StoredPlan } from './stored-plan'
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
 * Plans read and counted together: few statements, and one group's report rows in memory at a
 * time (two: the national dashboard computed cold peaks ~30 MiB lower than with four).
 */
const PLANS_AT_ONCE = 2

/**
 * Completeness, timeliness and progress for a unit's subtree in one period, per plan, by section
 * and by unit: the domain's `periodFigures` — the very figures of the consolidated report — from
 * the stored plans, assignments and reports, judged as of `asOf` with `graceDays` of tolerance
 * (by default each period's own grace days, which a planner sets on the period).
 * Without an `asOf`, each plan's period is judged as the domain's `periodAsOf` says: a past period
 * as of its deadline plus grace, the current one as of `now`.
 * A unit owes a report for each task it leads that is due in the period, by its level's deadline
 * under the period as opened on the plan.
 * With a `cache` (the store's: `figuresCacheOf`), a plan's figures computed earlier are served
 * again while the plan's figures versions and the unit tree are unchanged; only the others are
 * computed, and of those only what a write can have changed is read again (a report saved: the
 * period's reports, and the latest filed ones only if a filed report was written). Without one
 * (and always inside a transaction), every plan is computed from its rows.
 *
 * @example
 * const d = await dashboard(db, tree, { unitId: kienGiang.id, periodId: '2018Q2', asOf: new Date() })
 * d.plans[0]?.reporting.completeness // 12.5
 */
export async function dashboard(
  db: Executor,
  tree: UnitTree,
  query: { unitId: string; periodId: string; asOf?: Date | string; now?: Date; planId?: string; graceDays?: number },
  options: { cache?: FiguresCache } = {},
): Promise<Dashboard> {
  const root = tree.byId.get(query.unitId)
  if (!root) throw new StoreError('not-found', `no unit ${query.unitId}`, { unitId: query.unitId })
  const order = [root.id, ...descendantsOf(root.id, tree).map((u) => u.id)]
  const subtree = new Set(order)
  const now = (query.now ?? new Date()).toISOString()
  const asked = query.asOf === undefined ? undefined : typeof query.asOf === 'string' ? query.asOf : query.asOf.toISOString()
  const asOf = asked ?? now
  // Inside a transaction (an executor that is not the cache's database) the cache is neither
  // read nor filled: the transaction may see its own uncommitted writes.
  const cache = options.cache !== undefined && options.cache.db === db ? options.cache : undefined

  // Only plans with work assigned inside the subtree (assignments_unit_plan_idx), not every
  // plan that has this period open; with each its period's deadline and grace (the day it is
  // judged on) and its figures versions, read before any row the figures are computed from.
  const wholeTree = subtree.size >= tree.byId.size
  const candidates = await db
    .select({
      id: plans.id,
      provinceId: plans.provinceId,
      dueOn: periods.dueOn,
      graceDays: periods.graceDays,
      versions: sql<string>`(select coalesce(sum(${planFiguresVersions.n}), 0)::text || '.' || coalesce(sum(${planFiguresVersions.filed}), 0)::text
        || '.' || coalesce(sum(${planFiguresVersions.reports}), 0)::text from ${planFiguresVersions} where ${planFiguresVersions.planId} = ${plans.id})`,
    })
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

  // Each plan's figures from the cache while nothing they are computed from changed; the others
  // computed (and kept).
  const treeKey = treeKeyOf(tree)
  const wanted = candidates.map((c): PlanInView & { key: string; version: string } => {
    const graceDays = query.graceDays ?? c.graceDays
    const planAsOf = asked ?? periodAsOf(c.dueOn, now, graceDays)
    // periodFigures reads the day judged on as its day in Viet Nam (localDateOf), not the instant.
    const key = [c.id, query.periodId, root.id, treeKey, localDateOf(planAsOf), graceDays].join('|')
    const [structure = '', filed = ''] = c.versions.split('.')
    return {
      provinceId: c.provinceId,
      planId: c.id,
      asOf: planAsOf,
      structureVersion: structure,
      filedVersion: `${structure}.${filed}`,
      key,
      version: c.versions,
    }
  })
  const figures = new Map<string, CachedFigures>()
  for (const w of wanted) {
    const hit = cache?.figures.get(w.key, w.version)
    if (hit !== undefined) figures.set(w.planId, hit)
  }
  const missing = wanted.filter((w) => !figures.has(w.planId))
  const computed = await computeFigures(db, tree, { ...query, root: root.id, order, subtree, wholeTree }, missing, cache)
  for (const w of wanted) {
    if (figures.has(w.planId)) continue
    const f = computed.get(w.planId) ?? null
    figures.set(w.planId, f)
    cache?.figures.set(w.key, w.version, f)
  }
  const result: PlanDashboard[] = wanted.flatMap((w) => {
    const f = figures.get(w.planId)
    return f ? [{ ...f, asOf: w.asOf }] : []
  })

  const { unitId: _root, ...totals } = sumReportingStats(
    result.map((p) => p.reporting),
    root.id,
  )
  return { unitId: root.id, periodId: query.periodId, asOf, plans: result, totals }
}

/**
 * What a plan's figures for a subtree and a period are computed from besides its reports: the
 * plan as the domain reads it, its period, the subtree's assignments. A write to a report leaves
 * it as it was, so the cache keeps it until a write to the plan's structure.
 */
export interface PlanStructure {
  number: string
  title: string
  plan: Plan
  period: StoredPeriod
  inScope: TaskAssignment[]
  issuerLevel: UnitLevel
}

/**
 * The figures of the plans `inView` for the subtree, each from the domain's `periodFigures` over
 * the stored plan, its period and the reports it counts, judged on the day given; a plan with
 * nothing assigned in the subtree or without the period is left out. With a cache, a plan's
 * structure is read only after a write to it, and the reports its progress counts (the latest
 * filed per task and unit) only after a write to a filed report: after a draft saved, only the
 * period's reports are read again.
 */
async function computeFigures(
  db: Executor,
  tree: UnitTree,
  q: {
    periodId: string
    graceDays?: number
    root: string
    order: readonly string[]
    subtree: ReadonlySet<string>
    wholeTree: boolean
  },
  inView: readonly PlanInView[],
  cache: FiguresCache | undefined,
): Promise<Map<string, Omit<PlanDashboard, 'asOf'>>> {
  // The plans read a few at a time (the national dashboard has 34): their structure, their period,
  // and the reports the figures count, in eight statements per group — not ~7 per plan — while
  // only one group's rows are held at once (peak memory). The four reads of a group go at once
  // (on PostgreSQL each on its own pooled connection): a recomputed plan waits for the slowest,
  // not for their sum.
  const { order, subtree } = q
  const unitIds = q.wholeTree ? undefined : [...order]
  const treeKey = treeKeyOf(tree)
  const structureKey = (p: PlanInView) => [p.planId, q.periodId, q.root, treeKey].join('|')
  const latestKey = (p: PlanInView) => [p.planId, q.root, treeKey, localDateOf(p.asOf)].join('|')
  const result = new Map<string, Omit<PlanDashboard, 'asOf'>>()
  for (let start = 0; start < inView.length; start += PLANS_AT_ONCE) {
    const plansInView = inView.slice(start, start + PLANS_AT_ONCE)
    const structures = new Map<string, PlanStructure | null>()
    const latest = new Map<string, readonly FigureReport[]>()
    for (const p of plansInView) {
      const structure = cache?.structures.get(structureKey(p), p.structureVersion)
      if (structure !== undefined) structures.set(p.planId, structure)
      const filed = cache?.latest.get(latestKey(p), p.filedVersion)
      if (filed !== undefined) latest.set(p.planId, filed)
    }
    // A plan known to have nothing in the subtree needs no reports.
    const live = plansInView.filter((p) => structures.get(p.planId) !== null)
    const toRead = live.filter((p) => !structures.has(p.planId)).map((p) => p.planId)
    const latestToRead = live.filter((p) => !latest.has(p.planId))
    // The period's own reports, and for progress only the report per (task, unit) that the
    // domain will count — not every report of every period of the plan.
    const [storedPlans, periodOf, ofPeriod, latestRead] = await Promise.all([
      getPlans(db, toRead, tree),
      findPeriods(db, toRead, q.periodId),
      reportsOfPeriod(db, live, q.periodId, unitIds),
      latestFiledCandidates(db, latestToRead, unitIds),
    ])
    const storedOf = new Map(storedPlans.map((s) => [s.id, s]))
    for (const p of live) {
      if (structures.has(p.planId)) continue
      const stored = storedOf.get(p.planId)
      const period = periodOf.get(p.planId)
      const structure = stored && period ? planStructure(stored, period, subtree, tree) : null
      structures.set(p.planId, structure)
      cache?.structures.set(structureKey(p), p.structureVersion, structure)
    }
    for (const p of latestToRead) {
      const rows = latestRead.get(p.planId) ?? []
      latest.set(p.planId, rows)
      cache?.latest.set(latestKey(p), p.filedVersion, rows)
    }
    for (const p of live) {
      const structure = structures.get(p.planId)
      if (!structure) continue
      const { period, issuerLevel } = structure
      const id = p.planId
      // The grace asked for, else the one the planner set on the period; the day judged on as
      // the caller worked it out from the same period (`periodAsOf`).
      const graceDays = q.graceDays ?? period.graceDays
      const own = ofPeriod.get(id) ?? []
      const seen = new Set(own.map((r) => r.id))
      const reports = [...own, ...(latest.get(id) ?? []).filter((r) => !seen.has(r.id))]
      const figures = periodFigures({
        plan: structure.plan,
        periodId: q.periodId,
        assignments: structure.inScope,
        reports,
        asOf: p.asOf,
        graceDays,
        rules: [periodRule(period)],
        issuerLevel,
        levelOf: (unitId) => tree.byId.get(unitId)?.level ?? issuerLevel,
        parentOf: (unitId) => tree.byId.get(unitId)?.parentId ?? null,
        rootId: q.root,
      })

      result.set(id, {
        planId: id,
        number: structure.number,
        title: structure.title,
        periodId: q.periodId,
        cutoffStart: period.cutoffStart,
        cutoffEnd: period.cutoffEnd,
        dueOn: period.dueOn,
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
  }
  return result
}

/** A stored plan's structure for a subtree, or `null` when nothing of it is assigned inside. */
function planStructure(stored: StoredPlan, period: StoredPeriod, subtree: ReadonlySet<string>, tree: UnitTree): PlanStructure | null {
  const inScope = stored.sections
    .flatMap((s) => s.tasks)
    .flatMap((t) => t.assignees.filter((a) => subtree.has(a.unitId)).map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role })))
  if (inScope.length === 0) return null
  return {
    number: stored.number,
    title: stored.title,
    plan: asDomainPlan(stored),
    period,
    inScope,
    issuerLevel: planIssuerLevel(stored, tree.byId),
  }
}

/**
 * For each plan and each of its (task, unit), the one report the domain's progress rule counts —
 * the latest filed (submitted or accepted) as of the plan's `asOf`, latest period end first, then
 * latest filing, then longest period — chosen in SQL (DISTINCT ON), so `periodFigures` receives
 * one row per pair instead of every period's reports. The domain still applies its own rule to
 * these rows; this only leaves out rows it would pass over (dashboard.test.ts holds both to the
 * same figures on generated data). Each plan is read from `reports_latest_filed_idx` backwards
 * (period end as `PERIOD_END_OF_REPORT`, a filing without a time before any with one): an
 * index-only scan in order, without sorting or touching the wide report rows; all plans in one
 * statement (a lateral join over them).
 */
async function latestFiledCandidates(
  db: Executor,
  inView: readonly PlanInView[],
  unitIds: readonly string[] | undefined,
): Promise<Map<string, FigureReport[]>> {
  if (inView.length === 0 || unitIds?.length === 0) return new Map()
  const plansWithDay = sql.join(
    inView.map((p) => sql`(${p.provinceId}::text, ${p.planId}::text, ${dayAfter(p.asOf).toISOString()}::timestamptz)`),
    sql`, `,
  )
  const rows = await figureRows(
    db,
    sql`select r.* from (values ${plansWithDay}) as v(province_id, plan_id, day_after)
      cross join lateral (
        select distinct on (r.task_id, r.unit_id) ${FIGURE_SELECT}
        from reports r
        where r.province_id = v.province_id and r.plan_id = v.plan_id and r.status in ('submitted', 'accepted')
          and (r.submitted_at is null or r.submitted_at < v.day_after)
          ${unitIds === undefined ? sql`` : sql`and r.unit_id in ${[...unitIds]}`}
        order by r.task_id desc, r.unit_id desc, ${PERIOD_END_OF_REPORT} desc, r.submitted_at desc nulls last,
          ${PERIOD_RANK_OF_REPORT} desc
      ) r`,
  )
  return byPlan(rows)
}

/**
 * The reports of one period of each plan. Read through `reports_plan_period_idx`: the filed ones
 * alone would match the partial `reports_latest_filed_idx`, which PostgreSQL then prefers on a
 * low estimate and reads whole (national, 2024S1: 1.2 s instead of 0.24 s); drafts and returned
 * reports cost little more and count as none (`expectedReportState`).
 */
async function reportsOfPeriod(
  db: Executor,
  inView: readonly PlanInView[],
  periodId: string,
  unitIds: readonly string[] | undefined,
): Promise<Map<string, FigureReport[]>> {
  if (inView.length === 0 || unitIds?.length === 0) return new Map()
  const plansOf = sql.join(
    inView.map((p) => sql`(${p.provinceId}::text, ${p.planId}::text)`),
    sql`, `,
  )
  const rows = await figureRows(
    db,
    sql`select ${FIGURE_SELECT} from (values ${plansOf}) as v(province_id, plan_id)
      join reports r on r.province_id = v.province_id and r.plan_id = v.plan_id and r.period_id = ${periodId}
      ${unitIds === undefined ? sql`` : sql`where r.unit_id in ${[...unitIds]}`}`,
  )
  return byPlan(rows)
}

/**
 * A plan in view: where its rows are (province, plan), the day its figures are judged on, and
 * its versions as read with it: of its structure, and of its structure and filed reports.
 */
interface PlanInView {
  provinceId: string
  planId: string
  asOf: string
  structureVersion: string
  filedVersion: string
}

/** The first instant after `asOf`'s calendar day in Viet Nam (the day `localDateOf` reads). */
function dayAfter(asOf: string): Date {
  return new Date(Date.parse(`${localDateOf(asOf)}T00:00:00+07:00`) + 24 * 3600 * 1000)
}

export type FigureReport = Report & { id: string; planId: string }

/**
 * The columns of a report the period figures read (`periodFigures`: status, version, dates,
 * progress and work status): at national scale the dashboard reads ~150 k reports, and their
 * narratives, KPI values and evidence were most of the bytes decoded and sorted, none of them
 * used. Dates come as text in the forms the domain reads (ISO instant in UTC, ISO day), the same
 * from both drivers.
 */
const FIGURE_SELECT = sql.raw(
  `r.id, r.plan_id, r.task_id, r.unit_id, r.period_id, r.status, r.work_status, r.progress, r.version,
   to_char(r.submitted_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as submitted_at,
   r.completed_on::text as completed_on`,
)

interface FigureRow {
  id: string
  plan_id: string
  task_id: string
  unit_id: string
  period_id: string
  status: Report['status']
  work_status: Report['workStatus']
  progress: number
  version: number
  submitted_at: string | null
  completed_on: string | null
}

async function figureRows(db: Executor, query: SQL): Promise<FigureRow[]> {
  const result = (await db.execute(query)) as unknown as { rows: FigureRow[] }
  return result.rows
}

/** Rows as the figures read them (what they do not read left empty), by plan. */
function byPlan(rows: readonly FigureRow[]): Map<string, FigureReport[]> {
  const plans = new Map<string, FigureReport[]>()
  for (const r of rows) {
    const report: FigureReport = {
      id: r.id,
      planId: r.plan_id,
      taskId: r.task_id,
      unitId: r.unit_id,
      periodId: r.period_id,
      status: r.status,
      workStatus: r.work_status,
      progress: Number(r.progress),
      version: Number(r.version),
      narrative: '',
      kpiValues: [],
      evidence: [],
      ...(r.submitted_at !== null && { submittedAt: r.submitted_at }),
      ...(r.completed_on !== null && { completedOn: r.completed_on }),
    }
    const list = plans.get(r.plan_id)
    if (list) list.push(report)
    else plans.set(r.plan_id, [report])
  }
  return plans
}
