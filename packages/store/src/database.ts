import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core'

/** A drizzle database over either driver (PGlite or node-postgres): the code above it is the same. */
export type Database = PgDatabase<PgQueryResultHKT>

/** A transaction; every repository function accepts one so callers can group changes. */
export type Transaction = PgTransaction<PgQueryResultHKT>

/** Where a query runs: the database or an open transaction. */
export type Executor = Database | Transaction

/** Which engine a store runs on. */
export type Driver = 'pglite' | 'postgres'
