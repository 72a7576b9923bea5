import { randomUUID } from 'node:crypto'
import { PlanSchema, publishError, replacementError, reportingPeriods, type Plan } from '@papi/domain'
import { and, eq, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { openPeriod } from './period-repository'
import { plans, sections, targets } from './schema'
import { isUniqueViolation, StoreError } from './store-error'
import { unitTreesOf } from './unit-tree-cache'
import { checkUnits, headerValues, keepTargetIds, provinceOfPlan, targetRowsOf, writeStructure, type SaveProgress } from './plan-rows'
import type { UnitTree } from '@papi/domain'
import { asDomainPlan, getPlan, type StoredPlan } from './stored-plan'

/**
 * Stores a plan as a draft and assigns its tasks: each assignee — a named unit or a class such as
 * "UBND cấp xã" — is resolved to units inside the plan's scope by the domain's `assignedUnits`.
 * A plan already stored (same number, issuer and date) is a `conflict`; `importPlan` updates it.
 *
 * @example
 * const plan = await createPlan(db, toPlan(imported), change)
 */
export async function createPlan(db: Database, input: Plan, change: Change): Promise<StoredPlan> {
  const plan = PlanSchema.parse(input)
  const trees = unitTreesOf(db)
  return db.transaction(async (tx) => {
    const tree = await trees.get(tx)
    return getPlan(tx, await insertPlan(tx, tree, plan, change), tree)
  })
}

/**
 * The inside of {@link createPlan}, for a caller that holds the transaction and the unit tree as
 * the transaction sees it: the new plan's id (its assignments are not read back: an import of a
 * plan whose classes expand to every commune wrote tens of thousands).
 */
export async function insertPlan(tx: Executor, tree: UnitTree, plan: Plan, change: Change, onProgress?: SaveProgress): Promise<string> {
  await checkUnits(tree, plan)
  const provinceId = await provinceOfPlan(tx, plan)
  const id = randomUUID()
  try {
    await tx.insert(plans).values({
      id,
      provinceId,
      ...headerValues(plan),
      status: 'draft',
      version: 1,
      createdAt: change.at,
      updatedAt: change.at,
    })
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new StoreError('conflict', `plan ${plan.number} of ${plan.issuer} (${plan.issuedOn}) is already stored`, {
        reason: 'already-stored',
        number: plan.number,
      })
    }
    throw error
  }
  await writeStructure(tx, { planId: id, provinceId, tree, plan }, plan, onProgress)
  // What the audit keeps of a plan is its text (summaryForAudit): the assignments are not read.
  const stored = await getPlan(tx, id, tree, { assignees: false })
  await writeAudit(tx, { provinceId, action: 'create', entity: 'plan', entityId: id, after: summaryForAudit(stored) }, change)
  return id
}

/**
 * Replaces a plan. A draft may change in full; a published plan only in its header (title, goals,
 * targets, reporting rules…), since reports hang on its tasks and a full replacement renews every
 * task id. A published plan's sections and tasks change through `importPlan`, which matches them
 * by code, keeps their ids and never drops a task that has reports. `expectedVersion`, when given,
 * must be the version last read.
 */
export async function updatePlan(db: Database, id: string, input: Plan, change: Change, expectedVersion?: number): Promise<StoredPlan> {
  const plan = PlanSchema.parse(input)
  const trees = unitTreesOf(db)
  return db.transaction(async (tx) => {
    const tree = await trees.get(tx)
    // Its text is what the checks and the audit compare (replacementError, summaryForAudit): the
    // tasks' resolved assignees are not read.
    const before = await getPlan(tx, id, tree, { assignees: false })
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `plan ${id} changed since version ${expectedVersion}`, {
        version: before.version,
      })
    }
    await checkUnits(tree, plan)
    const provinceId = await provinceOfPlan(tx, plan)
    const provinceChanged = provinceId !== before.provinceId
    const refused = replacementError(before, plan, { provinceChanged })
    if (refused) throw new StoreError('conflict', refused.message, { reason: refused.code, status: before.status })
    if (before.status === 'draft' && provinceChanged) {
      // Distributed rows must not change province: rewrite them under the new one.
      await tx.delete(sections).where(eq(sections.planId, id))
    }
    const updated = await tx
      .update(plans)
      .set({ ...headerValues(plan), provinceId, version: sql`${plans.version} + 1`, updatedAt: change.at })
      .where(and(eq(plans.id, id), eq(plans.version, before.version)))
      .returning({ id: plans.id })
    if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
    if (before.status === 'draft') await writeStructure(tx, { planId: id, provinceId, tree, plan }, plan)
    else {
      await tx.delete(targets).where(and(eq(targets.planId, id), sql`${targets.taskId} is null`))
      const kept = keepTargetIds(plan.targets, before.targets)
      const keep = new Set(before.targets.map((t) => t.id).filter((t) => t !== undefined))
      if (kept.length) await tx.insert(targets).values(targetRowsOf(kept, null, { planId: id, provinceId }, 0, keep))
    }
    const after = await getPlan(tx, id, tree)
    await writeAudit(
      tx,
      { provinceId, action: 'update', entity: 'plan', entityId: id, before: summaryForAudit(before), after: summaryForAudit(after) },
      change,
    )
    return after
  })
}

/**
 * Publishes a draft plan and opens its reporting periods (the domain's `reportingPeriods`, with
 * the plan's own windows and deadlines).
 */
export async function publishPlan(db: Database, id: string, change: Change, expectedVersion?: number): Promise<StoredPlan> {
  const trees = unitTreesOf(db)
  return db.transaction(async (tx) => {
    const tree = await trees.get(tx)
    const before = await getPlan(tx, id, tree)
    const refused = publishError(before)
    if (refused) throw new StoreError('conflict', `plan ${id}: ${refused.message}`, { reason: refused.code, status: before.status })
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `plan ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    const updated = await tx
      .update(plans)
      .set({ status: 'published', publishedAt: change.at, updatedAt: change.at, version: sql`${plans.version} + 1` })
      .where(and(eq(plans.id, id), eq(plans.version, before.version)))
      .returning({ id: plans.id })
    if (updated.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
    for (const periodId of reportingPeriods(asDomainPlan(before))) {
      await openPeriod(tx, id, periodId, {}, change)
    }
    const after = await getPlan(tx, id, tree)
    await writeAudit(
      tx,
      {
        provinceId: before.provinceId,
        action: 'publish',
        entity: 'plan',
        entityId: id,
        before: { status: before.status },
        after: { status: 'published' },
      },
      change,
    )
    return after
  })
}

/** What the audit log keeps of a plan before and after a change. */
export function summaryForAudit(plan: StoredPlan) {
  return {
    number: plan.number,
    title: plan.title,
    status: plan.status,
    version: plan.version,
    sections: plan.sections.length,
    tasks: plan.sections.reduce((n, s) => n + s.tasks.length, 0),
    goals: plan.goals,
    targets: plan.targets,
    reporting: plan.reporting,
  }
}
