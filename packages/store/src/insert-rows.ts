import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Executor } from './database'

/** PostgreSQL's wire protocol counts a statement's parameters in 16 bits. */
const MAX_PARAMETERS = 65_535
/**
 * Rows per statement at most: drizzle builds a statement's SQL on the caller's thread, ~0.1 s for
 * 7,000 rows (more on a loaded machine), during which a server answers nothing; between two
 * statements it answers what waits (#11: no request waits a second behind another's work).
 */
const MAX_ROWS = 1_000

/**
 * Inserts rows in chunks of at most 1,000 (`MAX_ROWS`), fewer when a row's parameters would pass
 * the 65,535 a statement carries: a plan whose classes expand to every commune (a 5,000-task plan
 * of a province is ~120,000 assignments) as one statement failed before reaching the database
 * (drizzle built its SQL recursively: "Maximum call stack size exceeded"), and would have been
 * refused by it.
 *
 * @example
 * await insertRows(tx, assignments, assignmentRows)
 */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return
  const perRow = Object.keys(getTableColumns(table)).length
  const size = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / perRow)))
  for (let start = 0; start < rows.length; start += size) {
    await tx.insert(table).values(rows.slice(start, start + size) as T['$inferInsert'][])
  }
}
