import { getTableColumns, type SQL, sql } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Executor } from './database'

/**
 * Rows per statement at most: the statement's JSON is made on the caller's thread (~1 ms for
 * 1,000 assignments) and read by the database in one go; between two statements a server answers
 * what waits (#11: no request waits a second behind another's work).
 */
const MAX_ROWS = 1_000

/**
 * Inserts rows (keyed by drizzle's property names, every row the same keys) in statements of at
 * most 1,000 (`MAX_ROWS`), each row set sent as one JSON parameter read by
 * `json_populate_recordset`, as the register import and the backup restore write. drizzle's
 * builder made a parameter per value and spent most of a 5,000-task plan import building them
 * (~2.7 s of CPU for its ~60,000 assignments, `is()` and `prepareTyping` per value, on the
 * server's thread); the database reads one JSON value in a fraction of that. A plan whose classes
 * expand to every commune is ~120,000 assignments for 5,000 tasks: one statement would not hold
 * them as parameters (65,535 at most), so they were split already.
 *
 * A value is written as JSON writes it: a jsonb column takes the object itself, a Date its ISO
 * time. A column no row gives takes its default (`$defaultFn`'s value, or the database's); a row
 * that leaves out a column another row gives is null there: every row must name the same columns.
 *
 * @example
 * await insertRows(tx, assignments, assignmentRows)
 */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return
  for (let start = 0; start < rows.length; start += MAX_ROWS) {
    await tx.execute(insertStatement(table, rows.slice(start, start + MAX_ROWS) as Record<string, unknown>[]))
  }
}

/** `insert into table (columns) select columns from json_populate_recordset(null::table, $1)`, rows keyed by column name. */
function insertStatement(table: PgTable, rows: Record<string, unknown>[]): SQL {
  const columns = Object.entries(getTableColumns(table)).filter(
    ([key, column]) => column.defaultFn !== undefined || rows.some((row) => row[key] !== undefined),
  )
  const byName = rows.map((row) => {
    const out: Record<string, unknown> = {}
    for (const [key, column] of columns) out[column.name] = row[key] ?? (column.defaultFn ? column.defaultFn() : null)
    return out
  })
  const names = sql.raw(columns.map(([, column]) => `"${column.name}"`).join(', '))
  return sql`insert into ${table} (${names}) select ${names} from json_populate_recordset(null::${table}, ${JSON.stringify(byName)}::json)`
}
