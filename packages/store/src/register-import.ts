import { randomUUID } from 'node:crypto'
import type { Register } from '@papi/domain'
import { inArray, type SQL, sql } from 'drizzle-orm'
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
 * register code and links compared before writing: what is there already is left alone, so a
 * second run changes nothing (no row, no audit entry, and the unit tree's version where it was);
 * a failure part-way leaves the database as it was.
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
        official_code: u.officialCode ?? null,
        name: u.name,
        level: u.level,
        kind: u.kind,
        parent_id: u.parentCode === null ? null : idOf(u.parentCode),
        province_id: idOf(u.provinceCode),
        valid_from: u.validFrom ?? null,
        valid_to: u.validTo ?? null,
        created_at: change.at.toISOString(),
        updated_at: change.at.toISOString(),
      }))
      // Parents come before children in the register, and chunks are written in order.
      await tx.execute(insertRows(units, rows))
      await options.onProgress?.({ phase: 'units', done: existingUnits + i + rows.length, total })
    }

    const versionsCreated = await writeFormerNames(tx, register, idOf, change)

    // Links are compared before writing: a re-import that finds them all there runs no INSERT,
    // which would move the unit tree's version on (a statement trigger) and make every process
    // rebuild its cached tree for nothing.
    const links = register.links.filter((l) => ids.has(l.fromCode) && ids.has(l.toCode))
    const freshCodes = new Set(fresh.map((u) => u.code))
    const stored = await existingLinks(
      tx,
      links.filter((l) => !freshCodes.has(l.fromCode)).map((l) => idOf(l.fromCode)),
    )
    const missing = links.filter((l) => !stored.has(linkKey(idOf(l.fromCode), idOf(l.toCode))))
    const linksThere = links.length - missing.length
    let linksCreated = 0
    await options.onProgress?.({ phase: 'links', done: linksThere, total: links.length })
    for (let i = 0; i < missing.length; i += CHUNK * 2) {
      const rows = missing.slice(i, i + CHUNK * 2).map((l) => ({
        unit_id: idOf(l.fromCode),
        successor_id: idOf(l.toCode),
        effective_on: l.effectiveOn,
        kind: l.kind,
        note: l.note ?? null,
      }))
      const written = await tx.execute(insertRows(unitSuccessors, rows, sql`on conflict do nothing returning unit_id`))
      linksCreated += (written as unknown as { rows: unknown[] }).rows.length
      await options.onProgress?.({ phase: 'links', done: linksThere + i + rows.length, total: links.length })
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

/**
 * An INSERT of `rows` (keyed by column name) as one JSON parameter read by
 * json_populate_recordset, as the backup restore writes: drizzle's builder spends most of a
 * national import (~3 of 4 s of CPU) building statements of 6 000 parameters, the database a
 * moment reading one. Columns the rows lack take their defaults (version, seq).
 */
function insertRows(table: typeof units | typeof unitSuccessors, rows: Record<string, unknown>[], tail: SQL = sql``): SQL {
  const columns = sql.raw(
    Object.keys(rows[0] ?? {})
      .map((c) => `"${c}"`)
      .join(', '),
  )
  return sql`insert into ${table} (${columns}) select ${columns} from json_populate_recordset(null::${table}, ${JSON.stringify(rows)}::json) ${tail}`
}

/** Units by register code, among `codes`: one query with the codes as one array parameter. */
async function existingIds(tx: Executor, codes: readonly string[]): Promise<Map<string, string>> {
  const rows = await tx
    .select({ id: units.id, code: units.code })
    .from(units)
    .where(sql`${units.code} = any(${sql.param(codes)}::text[])`)
  return new Map(rows.map((r) => [r.code, r.id]))
}

const linkKey = (unitId: string, successorId: string) => `${unitId} ${successorId}`

/** The stored links out of the units `unitIds` (keys by {@link linkKey}). */
async function existingLinks(tx: Executor, unitIds: readonly string[]): Promise<Set<string>> {
  if (unitIds.length === 0) return new Set()
  const rows = await tx
    .select({ unitId: unitSuccessors.unitId, successorId: unitSuccessors.successorId })
    .from(unitSuccessors)
    .where(sql`${unitSuccessors.unitId} = any(${sql.param([...new Set(unitIds)])}::text[])`)
  return new Set(rows.map((r) => linkKey(r.unitId, r.successorId)))
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
