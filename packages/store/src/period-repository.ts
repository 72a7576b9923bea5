import { randomUUID } from 'node:crypto'
import {
  cutoffWindow,
  parsePeriod,
  periodDatesError,
  periodRuleOf,
  planIssuerLevel as issuerLevelOf,
  planScopeUnitId,
  submissionDeadline,
  type PeriodRule,
  type UnitLevel,
} from '@papi/domain'
import { and, asc, eq, inArray } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Executor } from './database'
import { periods, plans, units } from './schema'
import { StoreError } from './store-error'

/** A plan's reporting period with its data cut-off window and the deadline at the issuer's level. */
export interface StoredPeriod {
  id: string
  planId: string
  /** Period id: 2018Q2, 2018S1, 2018. */
  code: string
  cutoffStart: string
  cutoffEnd: string
  /** Deadline for the plan's own level; lower levels report earlier (the domain's `deadlineAtLevel`). */
  dueOn: string
  locked: boolean
  /** Days of tolerance after `dueOn` before a report counts as late; a past period is judged at `dueOn` + these. */
  graceDays: number
  /** Optimistic-concurrency version: every change names the version it read and bumps it. */
  version: number
}

export interface PeriodOverrides {
  cutoffStart?: string
  cutoffEnd?: string
  dueOn?: string
  graceDays?: number
}

type PeriodRow = typeof periods.$inferSelect

const toPeriod = (r: PeriodRow): StoredPeriod => ({
  id: r.id,
  planId: r.planId,
  code: r.code,
  cutoffStart: r.cutoffStart,
  cutoffEnd: r.cutoffEnd,
  dueOn: r.dueOn,
  locked: r.locked,
  graceDays: r.graceDays,
  version: r.version,
})

/** The level the plan's deadlines are stated for (the domain's `planIssuerLevel`), read from the database. */
export async function planIssuerLevel(db: Executor, planId: string): Promise<UnitLevel> {
  const [row] = await db
    .select({ scopeUnitId: plans.scopeUnitId, issuerUnitId: plans.issuerUnitId })
    .from(plans)
    .where(eq(plans.id, planId))
  const plan = { scopeUnitId: row?.scopeUnitId ?? undefined, issuerUnitId: row?.issuerUnitId ?? undefined }
  const unitId = planScopeUnitId(plan)
  const [unit] = unitId === undefined ? [] : await db.select({ level: units.level }).from(units).where(eq(units.id, unitId))
  return issuerLevelOf(plan, new Map(unitId !== undefined && unit ? [[unitId, { level: unit.level }]] : []))
}

/**
 * Opens a reporting period on a plan. Windows and deadline default to the domain's
 * `cutoffWindow` / `submissionDeadline` under the plan's own reporting rules (Decree 09/2019/NĐ-CP
 * unless the plan says otherwise); `overrides` set them by hand.
 *
 * @example
 * await openPeriod(tx, planId, '2018Q2', {}, change) // cut-off 15/03–14/06/2018, due 18/06/2018
 */
export async function openPeriod(
  db: Executor,
  planId: string,
  code: string,
  overrides: PeriodOverrides,
  change: Change,
  options: { skipExisting?: boolean } = {},
): Promise<StoredPeriod> {
  const parsed = parsePeriod(code)
  if (!parsed.ok) throw new StoreError('invalid', parsed.error.message, { periodId: code })
  const periodId = parsed.period.id
  const [plan] = await db.select({ reporting: plans.reporting, provinceId: plans.provinceId }).from(plans).where(eq(plans.id, planId))
  if (!plan) throw new StoreError('not-found', `no plan ${planId}`, { planId })
  const existing = await findPeriod(db, planId, periodId)
  if (existing) {
    if (options.skipExisting) return existing
    throw new StoreError('conflict', `period ${periodId} is already open on this plan`, { periodId })
  }
  const rules = plan.reporting ?? undefined
  const level = await planIssuerLevel(db, planId)
  const window = cutoffWindow(periodId, rules)
  const row = {
    id: randomUUID(),
    planId,
    code: periodId,
    cutoffStart: overrides.cutoffStart ?? window.start,
    cutoffEnd: overrides.cutoffEnd ?? window.end,
    dueOn: overrides.dueOn ?? submissionDeadline(periodId, level, rules, { issuerLevel: level }),
    locked: false,
    graceDays: overrides.graceDays ?? 0,
    version: 1,
    createdAt: change.at,
  }
  checkOrder(row)
  await db.insert(periods).values(row)
  const period = toPeriod({ ...row })
  await writeAudit(db, { provinceId: plan.provinceId, action: 'create', entity: 'period', entityId: row.id, after: period }, change)
  return period
}

function checkOrder(p: { cutoffStart: string; cutoffEnd: string; dueOn: string }) {
  const error = periodDatesError(p)
  if (error) throw new StoreError('invalid', error.message, p)
}

/** The periods of a plan, in order of their deadlines. */
export async function listPeriods(db: Executor, planId: string): Promise<StoredPeriod[]> {
  const rows = await db.select().from(periods).where(eq(periods.planId, planId)).orderBy(asc(periods.dueOn), asc(periods.code))
  return rows.map(toPeriod)
}

/** One period of a plan by its id (2018Q2), or `undefined`. */
export async function findPeriod(db: Executor, planId: string, code: string): Promise<StoredPeriod | undefined> {
  const [row] = await db
    .select()
    .from(periods)
    .where(and(eq(periods.planId, planId), eq(periods.code, code)))
  return row ? toPeriod(row) : undefined
}

/** The period `code` of each of several plans that has it open, by plan id (one query). */
export async function findPeriods(db: Executor, planIds: readonly string[], code: string): Promise<Map<string, StoredPeriod>> {
  if (planIds.length === 0) return new Map()
  const rows = await db
    .select()
    .from(periods)
    .where(and(inArray(periods.planId, [...planIds]), eq(periods.code, code)))
  return new Map(rows.map((r) => [r.planId, toPeriod(r)]))
}

/**
 * Changes a period's window, deadline or grace days, or locks it (no report may change while
 * locked). `expectedVersion`, when given, must be the version last read, or the change is a
 * `version-conflict`; the write itself is `UPDATE … WHERE version = $read`, so of two writers
 * that read the same version exactly one wins.
 */
export async function updatePeriod(
  db: Executor,
  planId: string,
  code: string,
  patch: PeriodOverrides & { locked?: boolean },
  change: Change,
  expectedVersion?: number,
): Promise<StoredPeriod> {
  const before = await findPeriod(db, planId, code)
  if (!before) throw new StoreError('not-found', `no period ${code} on plan ${planId}`, { planId, periodId: code })
  if (expectedVersion !== undefined && expectedVersion !== before.version) {
    throw new StoreError('version-conflict', `period ${code} changed since version ${expectedVersion}`, { version: before.version })
  }
  const changes = Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined))
  const next: StoredPeriod = { ...before, ...changes, version: before.version + 1 }
  checkOrder(next)
  const updated = await db
    .update(periods)
    .set({
      cutoffStart: next.cutoffStart,
      cutoffEnd: next.cutoffEnd,
      dueOn: next.dueOn,
      locked: next.locked,
      graceDays: next.graceDays,
      version: next.version,
    })
    .where(and(eq(periods.id, before.id), eq(periods.version, before.version)))
    .returning({ id: periods.id })
  if (updated.length === 0) throw new StoreError('version-conflict', `period ${code} changed meanwhile`, {})
  const [plan] = await db.select({ provinceId: plans.provinceId }).from(plans).where(eq(plans.id, planId))
  await writeAudit(
    db,
    { provinceId: plan?.provinceId, action: 'update', entity: 'period', entityId: before.id, before, after: next },
    change,
  )
  return next
}

/**
 * A stored period's own window and deadline as a domain {@link PeriodRule} (the domain's
 * `periodRuleOf`), so `cutoffWindow` / `submissionDeadline` read it exactly as it is stored.
 *
 * @throws RangeError when the stored code is not a period id (`openPeriod` never stores one).
 * @example
 * periodRule({ code: '2018Q2', cutoffStart: '2018-03-15', cutoffEnd: '2018-06-14', dueOn: '2018-06-18', … })
 * // { type: 'quarter', index: 2, cutoffStart: { month: 3, day: 15, yearOffset: 0 }, …, due: { month: 6, day: 18, yearOffset: 0 } }
 */
export function periodRule(period: Pick<StoredPeriod, 'code' | 'cutoffStart' | 'cutoffEnd' | 'dueOn'>): PeriodRule {
  return periodRuleOf(period.code, period)
}
