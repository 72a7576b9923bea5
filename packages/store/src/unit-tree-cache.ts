import type { IsoDate, UnitTree } from '@papi/domain'
import { eq } from 'drizzle-orm'
import { type Database, type Executor, perDatabase } from './database'
import { unitTreeVersion } from './schema'
import { loadUnitTree } from './unit-repository'

/** The unit tree of one database, cached per process (see {@link unitTreeCache}). */
export interface UnitTreeCache {
  /**
   * The organisation as it is. Inside a transaction (`executor`), the transaction's own view: the
   * cached tree when the transaction sees the version it was loaded at, else the units read
   * through the transaction (and not cached: they may hold its uncommitted changes).
   * `knownVersion`: the version the caller has just read itself (the session query answers it),
   * so a cached tree costs no round trip.
   */
  get(executor?: Executor, knownVersion?: number): Promise<UnitTree>
  /** The organisation as it was on a day (moved units under their parent then), cached the same way. */
  asOf(day: IsoDate): Promise<UnitTree>
  /**
   * The current tree this process holds, loaded, with its version; no round trip, and no promise
   * that the database is still at that version: a caller that uses it checks the version in its
   * own statement. `undefined` while none is loaded.
   */
  held(): { version: number; tree: UnitTree } | undefined
}

/**
 * How many past days' trees are kept besides the current one: dashboards of recent periods ask a
 * few, and at national scale (~13 000 units with the register loaded) each tree is megabytes.
 */
const DAYS_KEPT = 4

/**
 * The unit tree, cached per process. Every authorised request needs it, and rebuilding it from
 * every unit is the most expensive part of a small request; the database keeps a version that
 * moves on with every change to units (statement triggers, whichever process or tool makes the
 * change), so a request costs one single-row read while nothing changed, and a process sees
 * another's change on its next request. The version is read before the units: a tree is never
 * labelled newer than what it holds. Dated versions (`unit_versions`) are only ever written with
 * their unit's row in the same transaction, so the version covers the trees of past days too.
 *
 * @example
 * const trees = unitTreeCache(db)
 * const tree = await trees.get()
 */
export function unitTreeCache(db: Database): UnitTreeCache {
  interface Entry {
    version: number
    tree: Promise<UnitTree>
    /** The tree once loaded: a transaction takes only a settled tree (see `get`). */
    settled?: UnitTree
  }
  let current: Entry | undefined
  let days = new Map<IsoDate, Entry>()

  const versionOf = async (executor: Executor) => {
    const [row] = await executor.select({ version: unitTreeVersion.version }).from(unitTreeVersion).where(eq(unitTreeVersion.id, 1))
    return row?.version
  }
  const load = (version: number, tree: Promise<UnitTree>, forget: (entry: Entry) => void): Entry => {
    const entry: Entry = { version, tree }
    tree.then(
      (t) => {
        entry.settled = t
      },
      () => forget(entry),
    )
    return entry
  }

  return {
    async get(executor: Executor = db, knownVersion?: number) {
      const version = knownVersion !== undefined && executor === db ? knownVersion : await versionOf(executor)
      // No version row (a database migrated by hand): no caching, always the current tree.
      if (version === undefined) return loadUnitTree(executor)
      if (executor !== db) {
        // A transaction never waits on a load running outside it: on PGlite that load would queue
        // behind the transaction itself.
        if (current?.version === version && current.settled) return current.settled
        return loadUnitTree(executor)
      }
      if (current?.version === version) return current.tree
      const entry = load(version, loadUnitTree(db), (e) => {
        if (current === e) current = undefined
      })
      current = entry
      return entry.tree
    },
    held() {
      return current?.settled && { version: current.version, tree: current.settled }
    },
    async asOf(day) {
      const version = await versionOf(db)
      if (version === undefined) return loadUnitTree(db, { asOf: day })
      const kept = days.get(day)
      if (kept?.version === version) return kept.tree
      // Another version: every day's tree is stale.
      if ([...days.values()].some((e) => e.version !== version)) days = new Map()
      if (days.size >= DAYS_KEPT) days.delete(days.keys().next().value as IsoDate)
      const entry = load(version, loadUnitTree(db, { asOf: day }), (e) => {
        if (days.get(day) === e) days.delete(day)
      })
      days.set(day, entry)
      return entry.tree
    },
  }
}

/**
 * The one {@link unitTreeCache} of a database object in this process: the store and the
 * repositories that write plans share it.
 */
export const unitTreesOf: (db: Database) => UnitTreeCache = perDatabase(unitTreeCache)
