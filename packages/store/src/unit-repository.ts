import { randomUUID } from 'node:crypto'
import {
  buildUnitTree,
  descendantsOf,
  lastDayBefore,
  localDateOf,
  orphansIfEnded,
  unitsAsOf,
  UnitKindSchema,
  UnitLevelSchema,
  type IsoDate,
  mergeProblem,
  type Unit,
  type UnitPlacementProblem,
  unitPlacementProblem,
  type UnitTree,
  type UnitVersion,
} from '@papi/domain'
import { and, asc, eq, gte, inArray, isNull, lt, or, sql } from 'drizzle-orm'
import { z } from 'zod'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { unitSuccessors, units, unitVersions } from './schema'
import { isUniqueViolation, StoreError } from './store-error'

/** What it takes to create a unit (`POST /api/v1/units`). */
export const UnitInputSchema = z.object({
  code: z.string().trim().min(1).max(64),
  officialCode: z.string().trim().min(1).max(16).optional(),
  name: z.string().trim().min(1).max(300),
  level: UnitLevelSchema,
  kind: UnitKindSchema,
  parentId: z.string().min(1).nullable(),
  validFrom: z.iso.date().optional(),
  validTo: z.iso.date().optional(),
})
export type UnitInput = z.infer<typeof UnitInputSchema>

export const UnitPatchSchema = UnitInputSchema.partial().extend({
  /**
   * First day a new name, parent, level or kind holds (default: the day of the change). The unit
   * keeps what it was before that day as a dated version, so past periods read the organisation
   * as it was.
   */
  effectiveOn: z.iso.date().optional(),
})
export type UnitPatch = z.infer<typeof UnitPatchSchema>

type UnitRow = typeof units.$inferSelect

function toUnit(row: UnitRow, successorIds: string[]): Unit {
  return {
    id: row.id,
    code: row.code,
    ...(row.officialCode !== null && { officialCode: row.officialCode }),
    name: row.name,
    level: row.level,
    kind: row.kind,
    parentId: row.parentId,
    ...(row.validFrom !== null && { validFrom: row.validFrom }),
    ...(row.validTo !== null && { validTo: row.validTo }),
    successorIds,
    version: row.version,
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

/** Every dated version of the units that were moved or renamed, by unit. */
export async function listUnitVersions(db: Executor, unitIds?: readonly string[]): Promise<Map<string, UnitVersion[]>> {
  const rows = await db
    .select()
    .from(unitVersions)
    .where(unitIds ? inArray(unitVersions.unitId, [...unitIds]) : undefined)
    .orderBy(asc(unitVersions.unitId), sql`${unitVersions.validFrom} asc nulls first`)
  const out = new Map<string, UnitVersion[]>()
  for (const r of rows) {
    const version: UnitVersion = {
      ...(r.validFrom !== null && { validFrom: r.validFrom }),
      ...(r.validTo !== null && { validTo: r.validTo }),
      name: r.name,
      parentId: r.parentId,
      level: r.level as Unit['level'],
      kind: r.kind as Unit['kind'],
    }
    out.set(r.unitId, [...(out.get(r.unitId) ?? []), version])
  }
  return out
}

/**
 * The organisation as a domain {@link UnitTree}: as it is, or with `asOf` as it was that day
 * (each moved or renamed unit under the parent and name it had then).
 *
 * @example
 * const tree2020 = await loadUnitTree(db, { asOf: '2020-09-30' })
 */
export async function loadUnitTree(db: Executor, options: { asOf?: IsoDate } = {}): Promise<UnitTree> {
  const units = await listUnits(db)
  if (options.asOf === undefined) return buildUnitTree(units)
  return buildUnitTree(unitsAsOf(units, await listUnitVersions(db), options.asOf))
}

/** Refuses to end a unit on `lastDay` while children would still hang under it after that day. */
async function refuseOrphans(db: Executor, unit: Unit, lastDay: IsoDate): Promise<void> {
  const orphans = orphansIfEnded(unit.id, lastDay, buildUnitTree(await listUnits(db)))
  if (orphans.length === 0) return
  throw new StoreError(
    'conflict',
    `unit ${unit.name} cannot end on ${lastDay}: ${orphans.length} unit(s) under it are still in force after it; end or move them first`,
    { reason: 'would-orphan', unitId: unit.id, lastDay, orphans: orphans.map((o) => ({ id: o.id, code: o.code, name: o.name })) },
  )
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

const PLACEMENT_TEXT: Record<UnitPlacementProblem, string> = {
  'dates-reversed': 'a unit cannot be valid from a day after it is valid to',
  'level-above-parent': 'a unit cannot sit under a unit of a lower level (a national unit under a commune)',
  'successor-in-subtree': 'a unit cannot be merged into a unit of its own subtree',
}

/** Refuses a unit whose dates are reversed or whose level is above its parent's (the domain's rule). */
function refuseMisplaced(unit: Pick<Unit, 'level' | 'validFrom' | 'validTo'>, parent: Pick<Unit, 'level'> | null): void {
  const problem = unitPlacementProblem(unit, parent)
  if (problem) throw new StoreError('invalid', PLACEMENT_TEXT[problem], { reason: problem })
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
    const parent = data.parentId === null ? null : await findUnit(tx, data.parentId)
    if (data.parentId !== null && !parent) {
      throw new StoreError('invalid', `parent unit ${data.parentId} does not exist`, { parentId: data.parentId })
    }
    refuseMisplaced(data, parent ?? null)
    const provinceId = await provinceFor(tx, data.level, id, data.parentId)
    try {
      await tx.insert(units).values({
        id,
        code: data.code,
        officialCode: data.officialCode ?? null,
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

/**
 * Changes a unit's fields; moving it under a unit of its own subtree is refused. A new name,
 * parent, level or kind holds from `effectiveOn` (default: the day of the change): what the unit
 * was before that day is kept as a dated version, so a past period still reads it under its old
 * parent (history is never rewritten). Ending a unit (`validTo`) while units under it are still
 * in force after that day is refused (`conflict`, reason `would-orphan`): end or move them first.
 */
export async function updateUnit(db: Database, id: string, patch: UnitPatch, change: Change, expectedVersion?: number): Promise<Unit> {
  const { effectiveOn, ...data } = UnitPatchSchema.parse(patch)
  return db.transaction(async (tx) => {
    const before = await getUnit(tx, id)
    refuseStale(before, expectedVersion)
    const next = { ...before, ...data }
    if (next.validTo !== undefined && (before.validTo === undefined || next.validTo < before.validTo)) {
      await refuseOrphans(tx, before, next.validTo)
    }
    const reshaped = (['name', 'parentId', 'level', 'kind'] as const).some((k) => data[k] !== undefined && data[k] !== before[k])
    if (reshaped) await keepVersion(tx, before, next, effectiveOn ?? localDateOf(change.at.toISOString()))
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
    refuseMisplaced(next, next.parentId === null ? null : ((await findUnit(tx, next.parentId)) ?? null))
    const provinceId = await provinceFor(tx, next.level, id, next.parentId)
    try {
      const updated = await tx
        .update(units)
        .set({
          code: next.code,
          officialCode: next.officialCode ?? null,
          name: next.name,
          level: next.level,
          kind: next.kind,
          parentId: next.parentId,
          provinceId,
          validFrom: next.validFrom ?? null,
          validTo: next.validTo ?? null,
          updatedAt: change.at,
          version: sql`${units.version} + 1`,
        })
        .where(and(eq(units.id, id), eq(units.version, before.version ?? 1)))
        .returning({ id: units.id })
      if (updated.length === 0) throw new StoreError('version-conflict', `unit ${id} changed meanwhile`, {})
    } catch (error) {
      if (isUniqueViolation(error)) throw new StoreError('conflict', `unit code ${next.code} is taken`, { code: next.code })
      throw error
    }
    const after = await getUnit(tx, id)
    await writeAudit(tx, { provinceId, action: 'update', entity: 'unit', entityId: id, before, after }, change)
    return after
  })
}

/** A `version-conflict` when the caller read another version of the unit than the stored one. */
function refuseStale(unit: Unit, expectedVersion: number | undefined): void {
  if (expectedVersion !== undefined && expectedVersion !== unit.version) {
    throw new StoreError('version-conflict', `unit ${unit.id} changed since version ${expectedVersion}`, { version: unit.version })
  }
}

/** A merge: into what, from which day, whole or in part, and what becomes of the units under it. */
export const MergeInputSchema = z.object({
  successorId: z.string().min(1),
  /** First day of the successor (2025-07-01 for the 2025 mergers). */
  effectiveOn: z.iso.date(),
  /** `part` when only part of the unit went into this successor (a commune split among several). */
  kind: z.enum(['whole', 'part']).optional(),
  /**
   * The units under it still in force: `end` them the same day (a district abolished with its
   * communes' old committees), `move` them under the successor from `effectiveOn`, or — when
   * absent — refuse the merge while there are any (`conflict`, reason `would-orphan`).
   */
  children: z.enum(['end', 'move']).optional(),
})
export type MergeInput = z.infer<typeof MergeInputSchema>

/** Ends every unit under `unit` still in force after `lastDay` on that day, audited each. */
async function endSubtree(tx: Executor, unit: Unit, lastDay: IsoDate, change: Change): Promise<void> {
  const tree = buildUnitTree(await listUnits(tx))
  const ending = descendantsOf(unit.id, tree).filter((u) => u.validTo === undefined || u.validTo > lastDay)
  if (ending.length === 0) return
  await tx
    .update(units)
    .set({ validTo: lastDay, updatedAt: change.at, version: sql`${units.version} + 1` })
    .where(
      inArray(
        units.id,
        ending.map((u) => u.id),
      ),
    )
  for (const u of ending) {
    await writeAudit(
      tx,
      {
        provinceId: await provinceIdOf(tx, u.id),
        action: 'end',
        entity: 'unit',
        entityId: u.id,
        before: u,
        after: { ...u, validTo: lastDay },
      },
      change,
    )
  }
}

/** Moves the units directly under `unit` still in force under `successorId` from `effectiveOn` (dated versions kept). */
async function moveChildren(tx: Executor, unit: Unit, successorId: string, effectiveOn: IsoDate, change: Change): Promise<void> {
  const tree = buildUnitTree(await listUnits(tx))
  const lastDay = lastDayBefore(effectiveOn)
  for (const child of orphansIfEnded(unit.id, lastDay, tree)) {
    const next = { ...child, parentId: successorId }
    await keepVersion(tx, child, next, effectiveOn)
    await tx
      .update(units)
      .set({
        parentId: successorId,
        provinceId: await provinceFor(tx, child.level, child.id, successorId),
        updatedAt: change.at,
        version: sql`${units.version} + 1`,
      })
      .where(eq(units.id, child.id))
    await writeAudit(
      tx,
      { provinceId: await provinceIdOf(tx, child.id), action: 'move', entity: 'unit', entityId: child.id, before: child, after: next },
      change,
    )
  }
}

/**
 * Records that a unit was merged into a successor from a day (Kiên Giang → An Giang from
 * 2025-07-01): the unit ends the day before and keeps its history under its old name
 * (Resolution 202/2025/QH15).
 *
 * @example
 * await mergeUnit(db, kienGiang.id, { successorId: anGiang.id, effectiveOn: '2025-07-01' }, change)
 */
export async function mergeUnit(db: Database, id: string, input: MergeInput, change: Change, expectedVersion?: number): Promise<Unit> {
  return db.transaction(async (tx) => {
    const before = await getUnit(tx, id)
    refuseStale(before, expectedVersion)
    if (input.successorId === id) throw new StoreError('invalid', 'a unit cannot succeed itself', { successorId: id })
    if (mergeProblem(id, input.successorId, buildUnitTree(await listUnits(tx)))) {
      throw new StoreError('invalid', 'a unit cannot be merged into a unit of its own subtree', {
        reason: 'successor-in-subtree',
        successorId: input.successorId,
      })
    }
    const lastDay = lastDayBefore(input.effectiveOn)
    if (input.children === 'end') await endSubtree(tx, before, lastDay, change)
    else if (input.children === 'move') await moveChildren(tx, before, input.successorId, input.effectiveOn, change)
    await refuseOrphans(tx, before, lastDay)
    await getUnit(tx, input.successorId).catch(() => {
      throw new StoreError('invalid', `successor unit ${input.successorId} does not exist`, input)
    })
    const ended = await tx
      .update(units)
      .set({ validTo: lastDayBefore(input.effectiveOn), updatedAt: change.at, version: sql`${units.version} + 1` })
      .where(and(eq(units.id, id), eq(units.version, before.version ?? 1)))
      .returning({ id: units.id })
    if (ended.length === 0) throw new StoreError('version-conflict', `unit ${id} changed meanwhile`, {})
    await tx
      .insert(unitSuccessors)
      .values({ unitId: id, successorId: input.successorId, effectiveOn: input.effectiveOn, kind: input.kind ?? 'whole' })
      .onConflictDoUpdate({
        target: [unitSuccessors.unitId, unitSuccessors.successorId],
        set: { effectiveOn: input.effectiveOn, kind: input.kind ?? 'whole' },
      })
    const after = await getUnit(tx, id)
    const provinceId = await provinceIdOf(tx, id)
    await writeAudit(tx, { provinceId, action: 'merge', entity: 'unit', entityId: id, before, after }, change)
    return after
  })
}

/**
 * Closes the unit's version in force before `effectiveOn` and opens one from it with the new
 * shape. The first change of a unit writes its original shape as the first version.
 */
async function keepVersion(tx: Executor, before: Unit, next: Unit, effectiveOn: IsoDate): Promise<void> {
  const shape = (u: Unit) => ({ name: u.name, parentId: u.parentId, level: u.level, kind: u.kind })
  const dayBefore = lastDayBefore(effectiveOn)
  const [existing] = await tx.select({ id: unitVersions.id }).from(unitVersions).where(eq(unitVersions.unitId, before.id)).limit(1)
  const provinceOf = (u: Unit) => (u.level === 'province' ? u.id : u.parentId === null ? null : provinceIdOf(tx, u.parentId))
  if (!existing) {
    await tx.insert(unitVersions).values({
      unitId: before.id,
      validFrom: before.validFrom ?? null,
      validTo: dayBefore,
      ...shape(before),
      provinceId: await provinceOf(before),
    })
  } else {
    // A change re-dated over later versions replaces them; the one in force the day before ends then.
    await tx.delete(unitVersions).where(and(eq(unitVersions.unitId, before.id), gte(unitVersions.validFrom, effectiveOn)))
    await tx
      .update(unitVersions)
      .set({ validTo: dayBefore })
      .where(
        and(
          eq(unitVersions.unitId, before.id),
          or(isNull(unitVersions.validFrom), lt(unitVersions.validFrom, effectiveOn)),
          or(isNull(unitVersions.validTo), gte(unitVersions.validTo, effectiveOn)),
        ),
      )
  }
  await tx.insert(unitVersions).values({
    unitId: before.id,
    validFrom: effectiveOn,
    validTo: next.validTo ?? null,
    ...shape(next),
    provinceId: await provinceOf(next),
  })
}

/** A succession seen from one side: the unit on the other side, whole or part, from which day. */
export interface UnitLink {
  unit: Unit
  kind: 'whole' | 'part'
  effectiveOn: string | null
  note: string | null
}

/** A unit's dated history: its versions, the units it took over from, and those that took it over. */
export interface UnitHistory {
  unit: Unit
  versions: UnitVersion[]
  predecessors: UnitLink[]
  successors: UnitLink[]
}

/**
 * What a unit was and became: its dated versions (moves and renames), its predecessors (Kiên
 * Giang and An Giang for the An Giang of 1 July 2025) and successors, each whole or in part.
 *
 * @example
 * (await unitHistory(db, anGiang2025.id)).predecessors.map((p) => p.unit.name) // ['UBND tỉnh An Giang', 'UBND tỉnh Kiên Giang']
 */
export async function unitHistory(db: Executor, id: string): Promise<UnitHistory> {
  const unit = await getUnit(db, id)
  const versions = (await listUnitVersions(db, [id])).get(id) ?? []
  const before = await db.select().from(unitSuccessors).where(eq(unitSuccessors.successorId, id))
  const after = await db.select().from(unitSuccessors).where(eq(unitSuccessors.unitId, id))
  const linked = async (rows: (typeof unitSuccessors.$inferSelect)[], side: 'unitId' | 'successorId') => {
    const out: UnitLink[] = []
    for (const r of rows) {
      const other = await findUnit(db, r[side])
      if (other) out.push({ unit: other, kind: r.kind === 'part' ? 'part' : 'whole', effectiveOn: r.effectiveOn, note: r.note })
    }
    return out.sort((a, b) => a.unit.name.localeCompare(b.unit.name, 'vi'))
  }
  return { unit, versions, predecessors: await linked(before, 'unitId'), successors: await linked(after, 'successorId') }
}
