import type { PGlite, QueryOptions, Results, Transaction } from '@electric-sql/pglite'

/**
 * The types drizzle's PGlite driver reads as text: dates, timestamps and intervals, numeric arrays
 * and their arrays (drizzle-orm/pglite/session.js). It names each, with a parser that keeps the
 * text, in the options of every statement — and PGlite copies its whole map of ~320 parsers to
 * merge a statement's into it: ~0.1 ms per statement, as long as a one-row statement takes to run.
 * The store's PGlite keeps these types as text itself, so drizzle's statements go without them.
 */
export const DRIZZLE_TEXT_TYPES: readonly number[] = [1114, 1184, 1186, 1082, 1231, 1115, 1185, 1187, 1182]

const TEXT_TYPES = new Set(DRIZZLE_TEXT_TYPES)
const keep = (value: string) => value

/** Makes `database` read drizzle's text types as text, whatever a statement names. */
export function keepTextTypes(database: Pick<PGlite, 'parsers'>): void {
  for (const type of DRIZZLE_TEXT_TYPES) database.parsers[type] = keep
}

/**
 * Whether a statement's parsers are drizzle's: exactly the text types, nothing else (so a
 * database that keeps them as text reads the statement's rows as they ask).
 */
export function namesTextTypesOnly(parsers: QueryOptions['parsers']): boolean {
  if (!parsers) return false
  let count = 0
  for (const type in parsers) {
    if (!TEXT_TYPES.has(Number(type))) return false
    count++
  }
  return count === TEXT_TYPES.size
}

/** What drizzle calls on a PGlite client: `query`, and `transaction` whose body calls `query`. */
export type DrizzlePgliteClient = Pick<PGlite, 'query' | 'transaction'>

/**
 * `database` for drizzle: it keeps the text types as text itself, and statements that name them
 * alone reach it without their parsers (any other statement's parsers still apply on top).
 *
 * @example
 * const db = drizzle({ client: forDrizzle(await PGlite.create()) as PGlite })
 */
export function forDrizzle(database: DrizzlePgliteClient & Pick<PGlite, 'parsers'>): DrizzlePgliteClient {
  keepTextTypes(database)
  const querying = (target: Pick<Transaction, 'query'>) =>
    (<T>(sql: string, params?: unknown[], options?: QueryOptions): Promise<Results<T>> => {
      if (!options || !namesTextTypesOnly(options.parsers)) return target.query<T>(sql, params, options)
      const { parsers: _named, ...rest } = options
      return target.query<T>(sql, params, rest)
    }) as Transaction['query']
  return {
    query: querying(database),
    // The transaction itself, its `query` aside (its other members are closures over it).
    transaction: (body) => database.transaction((tx) => body(Object.create(tx, { query: { value: querying(tx) } }))),
  }
}
