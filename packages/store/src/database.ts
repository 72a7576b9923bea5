import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'

/** A drizzle database over either driver (PGlite or node-postgres): the code above it is the same. */
export type Database = PgDatabase<PgQueryResultHKT>

/** A transaction; every repository function accepts one so callers can group changes. */
export type Transaction = PgTransaction<PgQueryResultHKT>

/** Where a query runs: the database or an open transaction. */
export type Executor = Database | Transaction

/** Which engine a store runs on. */
export type Driver = 'pglite' | 'postgres'

/**
 * One `make(db)` per database object in this process, made on first use: the per-process caches
 * (the unit tree, the dashboard's figures) are shared by the store and the repositories that
 * write through the same database, and forgotten with it.
 *
 * @example
 * export const unitTreesOf = perDatabase(unitTreeCache)
 * unitTreesOf(db) === unitTreesOf(db) // true
 */
export function perDatabase<T>(make: (db: Database) => T): (db: Database) => T {
  const made = new WeakMap<Database, T>()
  return (db) => {
    let value = made.get(db)
    if (value === undefined) {
      value = make(db)
      made.set(db, value)
    }
    return value
  }
}
