import { randomUUID } from 'node:crypto'
import {
  buildUnitTree,
  lastDayBefore,
  UnitKindSchema,
  UnitLevelSchema,
  type Unit,
  type UnitTree,
} from '@papi/domain'
import { asc, eq } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { unitSuccessors, units } from './schema'
import { isUniqueViolation, StoreError } from './store-error'

/** What it takes to create a unit (`POST /api/v1/units`). */
export const UnitInputSchema = z.object({
  code: z.string().trim().min(1).max(64),
  name: z.string().trim().min(1).max(300),
  level: UnitLevelSchema,
  kind: UnitKindSchema,
  parentId: z.string().min(1).nullable(),
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().optional(),
})
export type UnitInput = z.infer<typeof UnitInputSchema>

export const UnitPatchSchema = UnitInputSchema.partial()
export type UnitPatch = z.infer<typeof UnitPatchSchema>

type UnitRow = typeof units.$inferSelect

function toUnit(row: UnitRow, successorIds: string[]): Unit {
  return {
    id: row.id,
    code: row.code,
    name: row.name,
    level: row.level as Unit['level'],
    kind: row.kind as Unit['kind'],
    parentId: row.parentId,
    ...(row.validFrom !== null && { validFrom: row.validFrom }),
    ...(row.validTo !== null && { validTo: row.validTo }),
    successorIds,
  }
}

/**
 * Every unit, parents before children as they were created, with their successors.
 *
 * @example
 * const tree = buildUnitTree(await listUnits(db))
 */
export async function listUnits(db: Executor): Promise<Unit[]> {
  // One query at a time: inside a transaction both drivers hold a single connection.
  const rows = await db.select().from(units).orderBy(asc(units.seq))
  const links = await db.select().from(unitSuccessors)
  const successors = new Map<string, string[]>()
  for (const l of links) successors.set(l.unitId, [...(successors.get(l.unitId) ?? []), l.successorId])
  return rows.map((r) => toUnit(r, successors.get(r.id) ?? []))
}

/** The organisation as a domain {@link UnitTree}. */
export async function loadUnitTree(db: Executor): Promise<UnitTree> {
  return buildUnitTree(await listUnits(db))
}

/** One unit, or `undefined`. */
export async function findUnit(db: Executor, id: string): Promise<Unit | undefined> {
  const [row] = await db.select().from(units).where(eq(units.id, id))
  if (!row) return undefined
  const links = await db.select().from(unitSuccessors).where(eq(unitSuccessors.unitId, id))
  return toUnit(
    row,
    links.map((l) => l.successorId),
  )
}

/** One unit, or a `not-found` {@link StoreError}. */
export async function getUnit(db: Executor, id: string): Promise<Unit> {
  const unit = await findUnit(db, id)
  if (!unit) throw new StoreError('not-found', `no unit ${id}`, { unitId: id })
  return unit
}

/** The unit with this code, or `undefined` (codes are unique). */
export async function findUnitByCode(db: Executor, code: string): Promise<Unit | undefined> {
  const [row] = await db.select({ id: units.id }).from(units).where(eq(units.code, code))
  return row ? findUnit(db, row.id) : undefined
}

/** The province a unit belongs to (the province-level ancestor, or itself). */
export async function provinceIdOf(db: Executor, unitId: string | null | undefined): Promise<string | null> {
  if (!unitId) return null
  const [row] = await db.select({ provinceId: units.provinceId }).from(units).where(eq(units.id, unitId))
  return row?.provinceId ?? null
}

async function provinceFor(db: Executor, level: Unit['level'], id: string, parentId: string | null) {
  if (level === 'province') return id
  if (level === 'national') return null
  return provinceIdOf(db, parentId)
}

/**
 * Creates a unit under its parent; the code must be unused.
 *
 * @example
 * await createUnit(db, { code: 'KG-SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: kg.id }, change)
 */
export async function createUnit(db: Database, input: UnitInput, change: Change, id: string = randomUUID()): Promise<Unit> {
  const data = UnitInputSchema.parse(input)
  return db.transaction(async (tx) => {
    if (data.parentId !== null && !(await findUnit(tx, data.parentId))) {
      throw new StoreError('invalid', `parent unit ${data.parentId} does not exist`, { parentId: data.parentId })
    }
    const provinceId = await provinceFor(tx, data.level, id, data.parentId)
    try {
      await tx.insert(units).values({
        id,
        code: data.code,
        name: data.name,
        level: data.level,
        kind: data.kind,
        parentId: data.parentId,
        provinceId,
        validFrom: data.validFrom ?? null,
        validTo: data.validTo ?? null,
        createdAt: change.at,
        updatedAt: change.at,
      })
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreError('conflict', `unit code ${data.code} is taken`, { code: data.code })
      throw error
    }
    const unit = await getUnit(tx, id)
    await writeAudit(tx, { provinceId, action: 'create', entity: 'unit', entityId: id, after: unit }, change)
    return unit
  })
}

/** Changes a unit's fields; moving it under a unit of its own subtree is refused. */
export async function updateUnit(db: Database, id: string, patch: UnitPatch, change: Change): Promise<Unit> {
  const data = UnitPatchSchema.parse(patch)
  return db.transaction(async (tx) => {
    const before = await getUnit(tx, id)
    const next = { ...before, ...data }
    if (data.parentId !== undefined && data.parentId !== null) {
      const all = await listUnits(tx)
      const moved = all.map((u) => (u.id === id ? { ...u, parentId: data.parentId ?? null } : u))
      if (!all.some((u) => u.id === data.parentId)) {
        throw new StoreError('invalid', `parent unit ${data.parentId} does not exist`, { parentId: data.parentId })
      }
      try {
        buildUnitTree(moved)
      } catch {
        throw new StoreError('invalid', 'a unit cannot be moved under its own subtree', { parentId: data.parentId })
      }
    }
    const provinceId = await provinceFor(tx, next.level, id, next.parentId)
    try {
      await tx
        .update(units)
        .set({
          code: next.code,
          name: next.name,
          level: next.level,
          kind: next.kind,
          parentId: next.parentId,
          provinceId,
          validFrom: next.validFrom ?? null,
          validTo: next.validTo ?? null,
          updatedAt: change.at,
        })
        .where(eq(units.id, id))
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreError('conflict', `unit code ${next.code} is taken`, { code: next.code })
      throw error
    }
    const after = await getUnit(tx, id)
    await writeAudit(tx, { provinceId, action: 'update', entity: 'unit', entityId: id, before, after }, change)
    return after
  })
}

/**
 * Records that a unit was merged into a successor from a day (Kiên Giang → An Giang from
 * 2025-07-01): the unit ends the day before and keeps its history under its old name
 * (Resolution 202/2025/QH15).
 *
 * @example
 * await mergeUnit(db, kienGiang.id, { successorId: anGiang.id, effectiveOn: '2025-07-01' }, change)
 */
export async function mergeUnit(
  db: Database,
  id: string,
  input: { successorId: string; effectiveOn: string },
  change: Change,
): Promise<Unit> {
  return db.transaction(async (tx) => {
    const before = await getUnit(tx, id)
    if (input.successorId === id) throw new StoreError('invalid', 'a unit cannot succeed itself', { successorId: id })
    await getUnit(tx, input.successorId).catch(() => {
      throw new StoreError('invalid', `successor unit ${input.successorId} does not exist`, input)
    })
    await tx
      .update(units)
      .set({ validTo: lastDayBefore(input.effectiveOn), updatedAt: change.at })
      .where(eq(units.id, id))
    await tx
      .insert(unitSuccessors)
      .values({ unitId: id, successorId: input.successorId, effectiveOn: input.effectiveOn })
      .onConflictDoUpdate({
        target: [unitSuccessors.unitId, unitSuccessors.successorId],
        set: { effectiveOn: input.effectiveOn },
      })
    const after = await getUnit(tx, id)
    const provinceId = await provinceIdOf(tx, id)
    await writeAudit(tx, { provinceId, action: 'merge', entity: 'unit', entityId: id, before, after }, change)
    return after
  })
}
