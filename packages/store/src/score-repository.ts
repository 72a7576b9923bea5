import { randomUUID } from 'node:crypto'
import {
  frameworkById,
  IndexKindSchema,
  IndexResultSchema,
  matchProvinces,
  NotRankedYearSchema,
  rankProvinceRows,
  scoreTableVersion,
  validateResult,
  type IndexKind,
  type IndexResult,
  type NotRankedYear,
  type ProvinceScoreRow,
  type ResultIssue,
} from '@papi/domain'
import { and, asc, eq, type SQL } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Executor } from './database'
import { scoreNotRanked, scores, units } from './schema'
import { isUniqueViolation, StoreError } from './store-error'
import { listUnits } from './unit-repository'

export type StoredScore = IndexResult & {
  id: string
  index: IndexKind
  /** Optimistic-concurrency version: replacing the result names the one it read. */
  version: number
}
/**
 * A result to store, with the version it was based on: 0 for a unit, framework and year with no
 * stored result yet, else the stored result's version. Without one (imports, seeds) it replaces
 * whatever is stored.
 */
export type ScoreWrite = IndexResult & { version?: number }
/** A year a unit was not ranked in, as stored. */
export type StoredNotRanked = NotRankedYear & { id: string; index: IndexKind }

export interface ScoreQuery {
  frameworkId?: string
  index?: string
  year?: number
  unitId?: string
}

/** The conditions of a query on `scores` or `score_not_ranked`; undefined when it can match nothing. */
function whereOf(table: typeof scores | typeof scoreNotRanked, query: ScoreQuery): SQL[] | undefined {
  const where: SQL[] = []
  if (query.frameworkId !== undefined) where.push(eq(table.frameworkId, query.frameworkId))
  if (query.index !== undefined) {
    // An index that is none of the known ones matches no stored result.
    const index = IndexKindSchema.safeParse(query.index)
    if (!index.success) return undefined
    where.push(eq(table.index, index.data))
  }
  if (query.year !== undefined) where.push(eq(table.year, query.year))
  if (query.unitId !== undefined) where.push(eq(table.unitId, query.unitId))
  return where
}

/** Published results matching a query, by year then rank. */
export async function listScores(db: Executor, query: ScoreQuery = {}): Promise<StoredScore[]> {
  const where = whereOf(scores, query)
  if (!where) return []
  const rows = await db
    .select()
    .from(scores)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(scores.year), asc(scores.rank), asc(scores.unitId))
  return rows.map((r) => ({ ...r.result, id: r.id, index: r.index, version: r.version }))
}

/** Years units were not ranked in (listed, not assessed), matching the same query, by year then unit. */
export async function listNotRanked(db: Executor, query: ScoreQuery = {}): Promise<StoredNotRanked[]> {
  const where = whereOf(scoreNotRanked, query)
  if (!where) return []
  const rows = await db
    .select()
    .from(scoreNotRanked)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(scoreNotRanked.year), asc(scoreNotRanked.unitId))
  return rows.map((r) => ({ ...r.result, id: r.id, index: r.index }))
}

/**
 * Checks a result against its framework (the domain's `validateResult`): errors refuse it with
 * an `invalid` {@link StoreError} listing the issues; warnings are answered with it.
 */
export function checkResult(input: IndexResult): { result: IndexResult; index: IndexKind; warnings: ResultIssue[] } {
  const result = IndexResultSchema.parse(input)
  const framework = frameworkById(result.frameworkId)
  if (!framework) {
    throw new StoreError('invalid', `unknown framework ${result.frameworkId}`, { frameworkId: result.frameworkId })
  }
  const issues = validateResult(result, framework)
  const errors = issues.filter((i) => i.severity === 'error')
  if (errors.length) throw new StoreError('invalid', `the result does not fit ${framework.id}`, { issues: errors })
  return { result, index: framework.index, warnings: issues.filter((i) => i.severity === 'warning') }
}

/**
 * Stores results (one unit, framework and year each), replacing what was stored for the same
 * key, all in one transaction: a bulk import with one bad row stores nothing.
 *
 * @example
 * await saveScores(db, [{ unitId: kg.id, frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions }], change)
 */
export async function saveScores(
  db: Database,
  inputs: readonly ScoreWrite[],
  change: Change,
): Promise<{ saved: StoredScore[]; warnings: (ResultIssue & { row: number })[] }> {
  const checked = inputs.map((r, row) => {
    try {
      return { ...checkResult(r), expectedVersion: r.version }
    } catch (error) {
      if (error instanceof StoreError) {
        throw new StoreError(error.code, `row ${row + 1}: ${error.message}`, { row: row + 1, ...(error.details as object) })
      }
      throw error
    }
  })
  return db.transaction(async (tx) => {
    const saved: StoredScore[] = []
    const warnings: (ResultIssue & { row: number })[] = []
    for (const [row, { result, index, warnings: w, expectedVersion }] of checked.entries()) {
      const [unit] = await tx.select({ id: units.id, provinceId: units.provinceId }).from(units).where(eq(units.id, result.unitId))
      if (!unit) throw new StoreError('invalid', `row ${row + 1}: no unit ${result.unitId}`, { row: row + 1, unitId: result.unitId })
      const [before] = await tx
        .select()
        .from(scores)
        .where(and(eq(scores.unitId, result.unitId), eq(scores.frameworkId, result.frameworkId), eq(scores.year, result.year)))
      if (expectedVersion !== undefined && expectedVersion !== (before?.version ?? 0)) {
        throw new StoreError('version-conflict', `row ${row + 1}: the result changed since version ${expectedVersion}`, {
          row: row + 1,
          version: before?.version ?? 0,
        })
      }
      const id = before?.id ?? randomUUID()
      const version = (before?.version ?? 0) + 1
      // A ranked result replaces a not-ranked year of the same unit, framework and year.
      await dropNotRanked(tx, unit.provinceId, result, change)
      const values = { total: result.total, rank: result.rank ?? null, result, updatedAt: change.at, version }
      if (before) {
        const updated = await tx
          .update(scores)
          .set(values)
          .where(and(eq(scores.id, id), eq(scores.version, before.version)))
          .returning({ id: scores.id })
        if (updated.length === 0) throw new StoreError('version-conflict', `row ${row + 1}: the result changed meanwhile`, { row: row + 1 })
      } else {
        try {
          await tx.insert(scores).values({
            id,
            unitId: result.unitId,
            index,
            frameworkId: result.frameworkId,
            year: result.year,
            createdAt: change.at,
            ...values,
          })
        } catch (error) {
          // Another writer stored the first result of this unit, framework and year meanwhile.
          if (isUniqueViolation(error))
            throw new StoreError('version-conflict', `row ${row + 1}: the result was stored meanwhile`, { row: row + 1 })
          throw error
        }
      }
      await writeAudit(
        tx,
        {
          provinceId: unit.provinceId,
          action: before ? 'update' : 'create',
          entity: 'score',
          entityId: id,
          before: before?.result ?? null,
          after: result,
        },
        change,
      )
      saved.push({ ...result, id, index, version })
      warnings.push(...w.map((issue) => ({ ...issue, row: row + 1 })))
    }
    return { saved, warnings }
  })
}

type Key = Pick<IndexResult, 'unitId' | 'frameworkId' | 'year'>

async function dropNotRanked(tx: Executor, provinceId: string | null, key: Key, change: Change) {
  const removed = await tx
    .delete(scoreNotRanked)
    .where(and(eq(scoreNotRanked.unitId, key.unitId), eq(scoreNotRanked.frameworkId, key.frameworkId), eq(scoreNotRanked.year, key.year)))
    .returning()
  for (const r of removed) {
    await writeAudit(
      tx,
      { provinceId, action: 'delete', entity: 'score-not-ranked', entityId: r.id, before: r.result, after: null },
      change,
    )
  }
}

/**
 * Keeps years units were not ranked in (one unit, framework and year each), replacing a stored
 * result of the same key — the published table says the unit was not assessed that year — all
 * in one transaction, audited.
 *
 * @example
 * await saveNotRanked(db, [{ unitId: bacGiang.id, frameworkId: 'papi-2021', year: 2022, dimensions: [], note: 'not assessed' }], change)
 */
export async function saveNotRanked(db: Database, inputs: readonly NotRankedYear[], change: Change): Promise<StoredNotRanked[]> {
  const checked = inputs.map((input, row) => {
    const year = NotRankedYearSchema.parse(input)
    const framework = frameworkById(year.frameworkId)
    if (!framework) throw new StoreError('invalid', `row ${row + 1}: unknown framework ${year.frameworkId}`, { row: row + 1 })
    // Checked as a result is (year in the framework, its dimensions), less the total it does not have.
    const errors = validateResult({ ...year, total: 0 }, framework).filter((i) => i.severity === 'error')
    if (errors.length)
      throw new StoreError('invalid', `row ${row + 1}: the year does not fit ${framework.id}`, { row: row + 1, issues: errors })
    return { year, index: framework.index }
  })
  return db.transaction(async (tx) => {
    const saved: StoredNotRanked[] = []
    for (const [row, { year, index }] of checked.entries()) {
      const [unit] = await tx.select({ id: units.id, provinceId: units.provinceId }).from(units).where(eq(units.id, year.unitId))
      if (!unit) throw new StoreError('invalid', `row ${row + 1}: no unit ${year.unitId}`, { row: row + 1, unitId: year.unitId })
      const sameKey = (t: typeof scores | typeof scoreNotRanked) =>
        and(eq(t.unitId, year.unitId), eq(t.frameworkId, year.frameworkId), eq(t.year, year.year))
      const replaced = await tx.delete(scores).where(sameKey(scores)).returning()
      for (const r of replaced) {
        await writeAudit(
          tx,
          { provinceId: unit.provinceId, action: 'delete', entity: 'score', entityId: r.id, before: r.result, after: null },
          change,
        )
      }
      const [before] = await tx.select().from(scoreNotRanked).where(sameKey(scoreNotRanked))
      const id = before?.id ?? randomUUID()
      if (before) await tx.update(scoreNotRanked).set({ result: year, updatedAt: change.at }).where(eq(scoreNotRanked.id, id))
      else {
        await tx.insert(scoreNotRanked).values({
          id,
          unitId: year.unitId,
          index,
          frameworkId: year.frameworkId,
          year: year.year,
          result: year,
          createdAt: change.at,
          updatedAt: change.at,
        })
      }
      await writeAudit(
        tx,
        {
          provinceId: unit.provinceId,
          action: before ? 'update' : 'create',
          entity: 'score-not-ranked',
          entityId: id,
          before: before?.result ?? null,
          after: year,
        },
        change,
      )
      saved.push({ ...year, id, index })
    }
    return saved
  })
}

/**
 * The version of one framework's year as a whole (the domain's `scoreTableVersion`): what a table
 * import names as the state it was based on. `'0'` when nothing is stored for that year.
 */
export async function readScoreTableVersion(db: Executor, frameworkId: string, year: number): Promise<string> {
  return (await readTable(db, frameworkId, year)).version
}

async function readTable(db: Executor, frameworkId: string, year: number) {
  const [results, notRanked] = await Promise.all([
    db
      .select({ unitId: scores.unitId, version: scores.version })
      .from(scores)
      .where(and(eq(scores.frameworkId, frameworkId), eq(scores.year, year))),
    db
      .select({ unitId: scoreNotRanked.unitId, updatedAt: scoreNotRanked.updatedAt })
      .from(scoreNotRanked)
      .where(and(eq(scoreNotRanked.frameworkId, frameworkId), eq(scoreNotRanked.year, year))),
  ])
  const version = scoreTableVersion({
    results,
    notRanked: notRanked.map((n) => ({ unitId: n.unitId, updatedAt: n.updatedAt.toISOString() })),
  })
  return { version, versions: new Map(results.map((r) => [r.unitId, r.version])) }
}

/** One framework's year of a table to store, and the table version it was based on. */
export interface ScoreTableWrite {
  frameworkId: string
  year: number
  results: readonly IndexResult[]
  notRanked: readonly NotRankedYear[]
  /** The table version the writer read (`readScoreTableVersion`, or an import preview); another stored now refuses the import. */
  version: string
}

/**
 * Stores a table of one framework's year — results and not-ranked years — in one transaction,
 * only if the year is still at the version the writer read: a result typed meanwhile refuses the
 * whole table with a `version-conflict` naming the version now stored, and nothing is written.
 * Each replaced result is written against the version read with the table, so a result stored
 * between that read and its write is a conflict too.
 *
 * @example
 * const version = await readScoreTableVersion(db, 'papi-2009', 2017)
 * await saveScoreTable(db, { frameworkId: 'papi-2009', year: 2017, results, notRanked: [], version }, change)
 */
export async function saveScoreTable(
  db: Database,
  table: ScoreTableWrite,
  change: Change,
): Promise<{ saved: StoredScore[]; warnings: (ResultIssue & { row: number })[]; notRanked: StoredNotRanked[]; version: string }> {
  const outside = [...table.results, ...table.notRanked].find((r) => r.frameworkId !== table.frameworkId || r.year !== table.year)
  if (outside) throw new StoreError('invalid', `a row of unit ${outside.unitId} is not of ${table.frameworkId} ${table.year}`)
  return db.transaction(async (tx) => {
    const read = await readTable(tx, table.frameworkId, table.year)
    if (read.version !== table.version) {
      throw new StoreError('version-conflict', `the results of ${table.frameworkId} ${table.year} changed since version ${table.version}`, {
        reason: 'score-table-changed',
        version: read.version,
      })
    }
    const writes = table.results.map((r) => ({ ...r, version: read.versions.get(r.unitId) ?? 0 }))
    const { saved, warnings } = writes.length ? await saveScores(tx, writes, change) : { saved: [], warnings: [] }
    const notRanked = table.notRanked.length ? await saveNotRanked(tx, table.notRanked, change) : []
    return { saved, warnings, notRanked, version: (await readTable(tx, table.frameworkId, table.year)).version }
  })
}

/** What `importProvinceScores` did with one year's table. */
export interface ProvinceScoreImport {
  year: number
  frameworkId: string
  /** Results stored, ranked over the provinces ranked that year. */
  saved: number
  /** How many provinces were ranked that year (61 in 2022, not 63). */
  rankedOf: number
  /** Provinces in the table without a total that year: kept as not-ranked years (`listNotRanked`). */
  notRanked: { line: number; province: string; unitId: string; note?: string }[]
  /** Rows no province unit matched (or several did): listed, never guessed, the rest still stored. */
  unmatched: { line: number; province: string; reason: 'unknown-province' | 'ambiguous' }[]
  warnings: (ResultIssue & { row: number })[]
}

/**
 * Stores one year of a province results table (every province's PAPI, as the domain reads it):
 * rows matched to the province units in force that year by official code or folded name
 * (`matchProvinces`), ranked with bands over the provinces ranked that year (`rankProvinceRows`),
 * saved in one transaction. Rows that match no unit are listed, not refused; provinces not
 * assessed that year are kept as not-ranked years and listed.
 *
 * @example
 * const r = await importProvinceScores(db, { year: 2022, frameworkId: 'papi-2021', rows }, change)
 * r.rankedOf // 61
 */
export async function importProvinceScores(
  db: Database,
  table: { year: number; frameworkId: string; rows: readonly ProvinceScoreRow[]; version: string },
  change: Change,
): Promise<ProvinceScoreImport> {
  const all = await listUnits(db)
  const match = matchProvinces(table.rows, all, `${table.year}-12-31`)
  const { ranked, notRanked } = rankProvinceRows(match, table.frameworkId)
  const { saved, warnings } = await saveScoreTable(
    db,
    { frameworkId: table.frameworkId, year: table.year, results: ranked, notRanked: notRanked.map((n) => n.year), version: table.version },
    change,
  )
  return {
    year: table.year,
    frameworkId: table.frameworkId,
    saved: saved.length,
    rankedOf: table.rows.filter((r) => r.total !== undefined).length,
    notRanked: notRanked.map((n) => ({
      line: n.row.line,
      province: n.row.province,
      unitId: n.unit.id,
      ...(n.row.note && { note: n.row.note }),
    })),
    unmatched: match.unmatched.map((u) => ({ line: u.row.line, province: u.row.province, reason: u.reason })),
    warnings,
  }
}
