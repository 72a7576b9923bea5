import { planScopeUnitId, type IndexResult, type PeriodNarrative, type PeriodRule, type Plan, type Unit } from '@papi/domain'
import type { Database } from './database'
import { getPeriodNarrative } from './period-narrative-repository'
import { findPeriod, periodRule, type StoredPeriod } from './period-repository'
import { asDomainPlan, getPlan } from './stored-plan'
import { listReports, type StoredReport } from './report-repository'
import { listScores } from './score-repository'
import { unitTreesOf } from './unit-tree-cache'

/**
 * What a plan's exports are drawn from (the task table, the consolidated report of a period):
 * the plan as the domain reads it, the organisation its assignees resolve in, the reports, and
 * the period as opened on the plan. `@papi/documents` builds its models from exactly this.
 */
export interface PlanExportData {
  /** The plan, its sections and tasks carrying their ids (what reports name). */
  plan: Plan
  /** Every unit: deadlines and classes are placed in the whole tree, whoever reads the export. */
  units: Unit[]
  /** Every report filed on the plan, all periods (progress counts the latest one); empty without a period. */
  reports: StoredReport[]
  /** The period as opened on the plan; absent when none was asked for or it is not open. */
  period?: StoredPeriod
  /** The open period's own window and deadline, for the domain's deadline rules. */
  periodRule?: PeriodRule
  /** The open period's grace days: a report filed within them after its deadline is on time. */
  graceDays?: number
  /** Published results of the plan's own unit in its index: what its own targets are judged on. */
  results: IndexResult[]
  /** The standing agency's texts for the open period's report (parts not yet written are empty). */
  narrative?: PeriodNarrative
}

/**
 * Loads what the exports of a plan need, in one place for the API and the CLI. Reports are read
 * only when a period is asked for: a bare task table shows the plan alone.
 *
 * @throws StoreError `not-found` when there is no such plan.
 * @example
 * const data = await loadPlanExport(db, planId, { periodId: '2018Q2' })
 * consolidatedReportModel({ ...data, periodId: '2018Q2', asOf: new Date().toISOString() })
 */
export async function loadPlanExport(db: Database, planId: string, options: { periodId?: string } = {}): Promise<PlanExportData> {
  const tree = await unitTreesOf(db).get()
  // The domain plan has no assignees: they are not read.
  const plan = asDomainPlan(await getPlan(db, planId, tree, { assignees: false }))
  // Every unit, in the order they were created (the tree keeps the order it was built in).
  const units = [...tree.byId.values()]
  if (options.periodId === undefined) return { plan, units, reports: [], results: [] }
  const reports = await listReports(db, { planId })
  const period = await findPeriod(db, planId, options.periodId)
  const scopeUnitId = planScopeUnitId(plan)
  const results = scopeUnitId === undefined ? [] : await listScores(db, { unitId: scopeUnitId, index: plan.index })
  if (!period) return { plan, units, reports, results }
  const { results: resultsText, limits, nextTasks, proposals } = await getPeriodNarrative(db, planId, period.code)
  const narrative = { results: resultsText, limits, nextTasks, proposals }
  return { plan, units, reports, results, period, periodRule: periodRule(period), graceDays: period.graceDays, narrative }
}
