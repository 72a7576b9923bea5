import { PeriodNarrativeSchema, type PeriodNarrative } from '@papi/domain'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { findPeriod } from './period-repository'
import { periodNarratives, plans } from './schema'
import { StoreError } from './store-error'

/** A plan's report texts for one period, as stored; version 0 and empty parts before anyone wrote them. */
export interface StoredPeriodNarrative extends PeriodNarrative {
  planId: string
  /** Period id as opened on the plan (2018S1). */
  periodId: string
  /** 0 until first saved; each save adds one (send it back to save again). */
  version: number
  updatedAt: string | null
  updatedBy: string | null
}

type Row = typeof periodNarratives.$inferSelect

const stored = (row: Row): StoredPeriodNarrative => ({
  planId: row.planId,
  periodId: row.periodCode,
  results: row.results,
  limits: row.limits,
  nextTasks: row.nextTasks,
  proposals: row.proposals,
  version: row.version,
  updatedAt: row.updatedAt.toISOString(),
  updatedBy: row.updatedBy,
})

const blank = (planId: string, periodId: string): StoredPeriodNarrative => ({
  planId,
  periodId,
  results: '',
  limits: '',
  nextTasks: '',
  proposals: '',
  version: 0,
  updatedAt: null,
  updatedBy: null,
})

/** The plan's province (for the audit entry); `not-found` when there is no such plan. */
async function provinceOf(db: Executor, planId: string): Promise<string> {
  const [plan] = await db.select({ provinceId: plans.provinceId }).from(plans).where(eq(plans.id, planId))
  if (!plan) throw new StoreError('not-found', `no plan ${planId}`, { planId })
  return plan.provinceId
}

/** The period must be open on the plan: a report is written for a period the plan runs. */
async function requireOpenPeriod(db: Executor, planId: string, periodId: string): Promise<void> {
  if (!(await findPeriod(db, planId, periodId))) {
    throw new StoreError('not-found', `period ${periodId} is not open on plan ${planId}`, { planId, periodId })
  }
}

/**
 * The texts of a plan's report for a period: empty parts and version 0 when nothing was written.
 *
 * @throws StoreError `not-found` when the plan does not exist or the period is not open on it.
 * @example
 * await getPeriodNarrative(db, planId, '2018S1') // { results: '', …, version: 0 }
 */
export async function getPeriodNarrative(db: Executor, planId: string, periodId: string): Promise<StoredPeriodNarrative> {
  await provinceOf(db, planId)
  await requireOpenPeriod(db, planId, periodId)
  const [row] = await db
    .select()
    .from(periodNarratives)
    .where(and(eq(periodNarratives.planId, planId), eq(periodNarratives.periodCode, periodId)))
  return row ? stored(row) : blank(planId, periodId)
}

/**
 * Saves the texts of a plan's report for a period, audited. `expectedVersion` is the version last
 * read (0 for a report nobody has written yet); another writer's save in between is a
 * `version-conflict`, never overwritten.
 *
 * @throws StoreError `not-found` (plan, or the period not open on it), `version-conflict`.
 * @example
 * await savePeriodNarrative(db, planId, '2018S1', { results: 'Đã hoàn thành 12/15 nhiệm vụ.' }, change, 0) // version 1
 */
export async function savePeriodNarrative(
  db: Database,
  planId: string,
  periodId: string,
  input: Partial<PeriodNarrative>,
  change: Change,
  expectedVersion: number,
): Promise<StoredPeriodNarrative> {
  const narrative = PeriodNarrativeSchema.parse(input)
  return db.transaction(async (tx) => {
    const provinceId = await provinceOf(tx, planId)
    const before = await getPeriodNarrative(tx, planId, periodId)
    if (before.version !== expectedVersion) {
      throw new StoreError('version-conflict', `the report of ${periodId} changed since version ${expectedVersion}`, {
        version: before.version,
      })
    }
    const values = { ...narrative, updatedAt: change.at, updatedBy: change.actorId }
    const written =
      before.version === 0
        ? await tx
            .insert(periodNarratives)
            .values({ planId, periodCode: periodId, ...values })
            .onConflictDoNothing()
            .returning()
        : await tx
            .update(periodNarratives)
            .set({ ...values, version: sql`${periodNarratives.version} + 1` })
            .where(
              and(
                eq(periodNarratives.planId, planId),
                eq(periodNarratives.periodCode, periodId),
                eq(periodNarratives.version, expectedVersion),
              ),
            )
            .returning()
    const [row] = written
    if (!row) throw new StoreError('version-conflict', `the report of ${periodId} changed meanwhile`, {})
    const after = stored(row)
    const texts = ({ planId: p, periodId: code, results, limits, nextTasks, proposals }: StoredPeriodNarrative) => ({
      planId: p,
      periodId: code,
      results,
      limits,
      nextTasks,
      proposals,
    })
    await writeAudit(
      tx,
      {
        provinceId,
        action: before.version === 0 ? 'create' : 'update',
        entity: 'period-narrative',
        entityId: `${planId}/${periodId}`,
        ...(before.version !== 0 && { before: texts(before) }),
        after: texts(after),
      },
      change,
    )
    return after
  })
}
