import { planDeletion, unitDeletion, userDeletion, type Verdict } from '@papi/domain'
import { and, eq, or, sql } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { getPlan } from './stored-plan'
import { assignments, auditLog, plans, reports, scoreNotRanked, scores, unitSuccessors, units, userRoles, users } from './schema'
import { getUnit, provinceIdOf } from './unit-repository'
import { unitTreesOf } from './unit-tree-cache'
import { getUser } from './user-repository'
import { StoreError } from './store-error'

function refuse(verdict: Verdict, details: Record<string, unknown>): void {
  if (!verdict.ok) throw new StoreError('conflict', verdict.reason, { reason: verdict.reason, ...details })
}

async function count(query: Promise<{ n: number }[]>): Promise<number> {
  const [row] = await query
  return row?.n ?? 0
}

/** How many rows point at a unit: children, successor links, roles, plans, assignments, reports, scores, not-ranked years. */
export async function unitReferences(db: Executor, id: string): Promise<number> {
  const n = sql<number>`count(*)::int`
  // One query at a time: inside a transaction both drivers hold a single connection.
  let total = await count(db.select({ n }).from(units).where(eq(units.parentId, id)))
  total += await count(
    db
      .select({ n })
      .from(unitSuccessors)
      .where(or(eq(unitSuccessors.unitId, id), eq(unitSuccessors.successorId, id))),
  )
  total += await count(db.select({ n }).from(userRoles).where(eq(userRoles.unitId, id)))
  total += await count(
    db
      .select({ n })
      .from(plans)
      .where(or(eq(plans.scopeUnitId, id), eq(plans.issuerUnitId, id))),
  )
  total += await count(db.select({ n }).from(assignments).where(eq(assignments.unitId, id)))
  total += await count(db.select({ n }).from(reports).where(eq(reports.unitId, id)))
  total += await count(db.select({ n }).from(scores).where(eq(scores.unitId, id)))
  total += await count(db.select({ n }).from(scoreNotRanked).where(eq(scoreNotRanked.unitId, id)))
  return total
}

/**
 * Deletes a unit nothing points at (typed by mistake); a unit in use is ended instead (409).
 * `expectedVersion`, when given, must be the unit's version last read (else `version-conflict`,
 * nothing deleted).
 *
 * @example
 * await deleteUnit(db, unitId, change, unit.version)
 */
export async function deleteUnit(db: Database, id: string, change: Change, expectedVersion?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getUnit(tx, id)
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `unit ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    const references = await unitReferences(tx, id)
    refuse(unitDeletion({ references }), { references })
    const provinceId = await provinceIdOf(tx, id)
    const deleted = await tx
      .delete(units)
      .where(and(eq(units.id, id), eq(units.version, before.version ?? 1)))
      .returning({ id: units.id })
    if (deleted.length === 0) throw new StoreError('version-conflict', `unit ${id} changed meanwhile`, {})
    await writeAudit(tx, { provinceId, action: 'delete', entity: 'unit', entityId: id, before }, change)
  })
}

/**
 * Deletes a user who never changed anything (a mistaken account); anyone else is disabled
 * instead (409), so the audit log keeps naming them. `expectedVersion`, when given, must be the
 * user's version last read (else `version-conflict`, nothing deleted).
 */
export async function deleteUser(db: Database, id: string, change: Change, expectedVersion?: number): Promise<void> {
  await db.transaction(async (tx) => {
    const before = await getUser(tx, id)
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `user ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    const auditedChanges = await count(tx.select({ n: sql<number>`count(*)::int` }).from(auditLog).where(eq(auditLog.actorId, id)))
    refuse(userDeletion({ id, auditedChanges }, change.actorId ?? ''), { auditedChanges })
    const deleted = await tx
      .delete(users)
      .where(and(eq(users.id, id), eq(users.version, before.version)))
      .returning({ id: users.id })
    if (deleted.length === 0) throw new StoreError('version-conflict', `user ${id} changed meanwhile`, {})
    await writeAudit(tx, { action: 'delete', entity: 'user', entityId: id, before }, change)
  })
}

/**
 * Deletes a plan still in draft with its sections, tasks, targets and assignments.
 * `expectedVersion`, when given, must be the plan's version last read (else `version-conflict`,
 * nothing deleted).
 */
export async function deletePlan(db: Database, id: string, change: Change, expectedVersion?: number): Promise<void> {
  const trees = unitTreesOf(db)
  await db.transaction(async (tx) => {
    // The plan's text and status decide; its assignments are not read (tens of thousands for a plan of every commune).
    const before = await getPlan(tx, id, await trees.get(tx), { assignees: false })
    if (expectedVersion !== undefined && expectedVersion !== before.version) {
      throw new StoreError('version-conflict', `plan ${id} changed since version ${expectedVersion}`, { version: before.version })
    }
    refuse(planDeletion(before), { status: before.status })
    const children = await count(tx.select({ n: sql<number>`count(*)::int` }).from(plans).where(eq(plans.parentPlanId, id)))
    if (children > 0) throw new StoreError('conflict', 'other plans implement this plan', { reason: 'plan-has-children', children })
    const deleted = await tx
      .delete(plans)
      .where(and(eq(plans.id, id), eq(plans.version, before.version)))
      .returning({ id: plans.id })
    if (deleted.length === 0) throw new StoreError('version-conflict', `plan ${id} changed meanwhile`, {})
    await writeAudit(
      tx,
      {
        provinceId: before.provinceId,
        action: 'delete',
        entity: 'plan',
        entityId: id,
        before: { number: before.number, title: before.title, status: before.status },
      },
      change,
    )
  })
}
