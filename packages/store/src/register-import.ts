import { randomUUID } from 'node:crypto'
import type { Register } from '@papi/domain'
import { inArray } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { SYSTEM_SCOPE, unitSuccessors, units, unitVersions } from './schema'

/** Where the register import is: units written, then links, out of their totals. */
/** Told each step; a promise it answers is awaited (a caller streaming the steps lets them out). */
export type RegisterProgress = (step: { phase: 'units' | 'links'; done: number; total: number }) => unknown

/** What `importRegister` did: units and links created, and those already there (left as they are). */
export interface RegisterImportResult {
  units: { created: number; existing: number }
  links: { created: number; existing: number }
  /** Provinces, districts, communes and bodies in the register given, by era. */
  counts: {
    provinces: { old: number; new: number }
    districts: number
    communes: { old: number; new: number }
    bodies: number
    links: number
  }
}

const CHUNK = 500

/**
 * Loads a register (the whole country, or `registerForProvince`'s part) as dated units with
 * their official codes and the old → new links, in one transaction. Units are found by their
 * register code: what is there already is left alone, so a second run changes nothing (and
 * writes no audit entry); a failure part-way leaves the database as it was.
 *
 * @example
 * const result = await importRegister(db, await readRegister(), change, { onProgress })
 * result.units.created // ~17,500 on an empty database; 0 the second time
 */
export async function importRegister(
  db: Database,
  register: Register,
  change: Change,
  options: { onProgress?: RegisterProgress } = {},
): Promise<RegisterImportResult> {
  const counts = countsOf(register)
  return db.transaction(async (tx) => {
    const ids = await existingIds(
      tx,
      register.units.map((u) => u.code),
    )
    const existingUnits = ids.size
    const fresh = register.units.filter((u) => !ids.has(u.code))
    for (const u of fresh) ids.set(u.code, randomUUID())
    const idOf = (code: string) => ids.get(code) as string

    const total = register.units.length
    await options.onProgress?.({ phase: 'units', done: existingUnits, total })
    for (let i = 0; i < fresh.length; i += CHUNK) {
      const rows = fresh.slice(i, i + CHUNK).map((u) => ({
        id: idOf(u.code),
        code: u.code,
        officialCode: u.officialCode ?? null,
        name: u.name,
        level: u.level,
        kind: u.kind,
        parentId: u.parentCode === null ? null : idOf(u.parentCode),
        provinceId: idOf(u.provinceCode),
        validFrom: u.validFrom ?? null,
        validTo: u.validTo ?? null,
        createdAt: change.at,
        updatedAt: change.at,
      }))
      // Parents come before children in the register, and chunks are written in order.
      await tx.insert(units).values(rows)
      await options.onProgress?.({ phase: 'units', done: existingUnits + i + rows.length, total })
    }

    const versionsCreated = await writeFormerNames(tx, register, idOf, change)

    let linksCreated = 0
    const links = register.links.filter((l) => ids.has(l.fromCode) && ids.has(l.toCode))
    await options.onProgress?.({ phase: 'links', done: 0, total: links.length })
    for (let i = 0; i < links.length; i += CHUNK * 2) {
      const rows = links.slice(i, i + CHUNK * 2).map((l) => ({
        unitId: idOf(l.fromCode),
        successorId: idOf(l.toCode),
        effectiveOn: l.effectiveOn,
        kind: l.kind,
        note: l.note ?? null,
      }))
      const written = await tx.insert(unitSuccessors).values(rows).onConflictDoNothing().returning({ unitId: unitSuccessors.unitId })
      linksCreated += written.length
      await options.onProgress?.({ phase: 'links', done: i + rows.length, total: links.length })
    }

    const result: RegisterImportResult = {
      units: { created: fresh.length, existing: existingUnits },
      links: { created: linksCreated, existing: links.length - linksCreated },
      counts,
    }
    if (fresh.length > 0 || linksCreated > 0 || versionsCreated > 0) {
      await writeAudit(
        tx,
        { provinceId: SYSTEM_SCOPE, action: 'import', entity: 'unit-register', entityId: 'register', after: result },
        change,
      )
    }
    return result
  })
}

/**
 * The names units bore before the register's date (Thừa Thiên Huế until 2024) as their dated
 * versions, so a past period or plan reads them as they were. A unit that has versions already is
 * left alone; one imported before its former names were known gets them now.
 */
async function writeFormerNames(tx: Executor, register: Register, idOf: (code: string) => string, change: Change): Promise<number> {
  const named = register.units.filter((u) => u.names !== undefined && u.names.length > 1)
  if (named.length === 0) return 0
  const have = new Set(
    (
      await tx
        .select({ unitId: unitVersions.unitId })
        .from(unitVersions)
        .where(
          inArray(
            unitVersions.unitId,
            named.map((u) => idOf(u.code)),
          ),
        )
    ).map((r) => r.unitId),
  )
  const rows = named
    .filter((u) => !have.has(idOf(u.code)))
    .flatMap((u) =>
      (u.names ?? []).map((n) => ({
        unitId: idOf(u.code),
        validFrom: n.validFrom ?? null,
        validTo: n.validTo ?? null,
        name: n.name,
        level: u.level,
        kind: u.kind,
        parentId: u.parentCode === null ? null : idOf(u.parentCode),
        provinceId: idOf(u.provinceCode),
        createdAt: change.at,
      })),
    )
  if (rows.length > 0) await tx.insert(unitVersions).values(rows)
  return rows.length
}

async function existingIds(tx: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>()
  for (let i = 0; i < codes.length; i += 5000) {
    const rows = await tx
      .select({ id: units.id, code: units.code })
      .from(units)
      .where(inArray(units.code, codes.slice(i, i + 5000)))
    for (const r of rows) found.set(r.code, r.id)
  }
  return found
}

function countsOf(register: Register): RegisterImportResult['counts'] {
  const committees = register.units.filter((u) => u.kind === 'people-committee')
  const n = (level: string, era?: 'old' | 'new') =>
    committees.filter((u) => u.level === level && (era === undefined || u.era === era)).length
  return {
    provinces: { old: n('province', 'old'), new: n('province', 'new') },
    districts: n('district'),
    communes: { old: n('commune', 'old'), new: n('commune', 'new') },
    bodies: register.units.length - committees.length,
    links: register.links.length,
  }
}
