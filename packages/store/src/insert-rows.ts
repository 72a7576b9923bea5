import { getTableColumns } from 'drizzle-orm'
import type { PgTable } from 'drizzle-orm/pg-core'
import type { Executor } from './database'

/** PostgreSQL's wire protocol counts a statement's parameters in 16 bits. */
const MAX_PARAMETERS = 65_535

/**
 * Inserts rows in as few statements as PostgreSQL takes: one statement carries at most 65,535
 * parameters, so a plan whose classes expand to every commune (a 5,000-task plan of a province
 * is ~120,000 assignments) is written in chunks of as many rows as fit. One statement of them all
 * failed before reaching the database (drizzle built its SQL recursively: "Maximum call stack
 * size exceeded"), and would have been refused by it.
 *
 * @example
 * await insertRows(tx, assignments, assignmentRows)
 */
export async function insertRows<T extends PgTable>(tx: Executor, table: T, rows: readonly T['$inferInsert'][]): Promise<void> {
  if (rows.length === 0) return
  const perRow = Object.keys(getTableColumns(table)).length
  const size = Math.max(1, Math.floor(MAX_PARAMETERS / perRow))
  for (let start = 0; start < rows.length; start += size) {
    await tx.insert(table).values(rows.slice(start, start + size) as T['$inferInsert'][])
  }
}
