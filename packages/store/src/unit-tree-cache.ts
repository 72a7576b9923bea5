import type { UnitTree } from '@papi/domain'
import { eq } from 'drizzle-orm'
import type { Database } from './database'
import { unitTreeVersion } from './schema'
import { loadUnitTree } from './unit-repository'

/**
 * The unit tree, cached per process. Every authorised request needs it, and rebuilding it from
 * every unit is the most expensive part of a small request; the database keeps a version that
 * moves on with every change to units (statement triggers, whichever process or tool makes the
 * change), so a request costs one single-row read while nothing changed, and a process sees
 * another's change on its next request. The version is read before the units: a tree is never
 * labelled newer than what it holds.
 *
 * @example
 * const trees = unitTreeCache(db)
 * const tree = await trees.get()
 */
export function unitTreeCache(db: Database) {
  let cached: { version: number; tree: Promise<UnitTree> } | undefined
  return {
    async get(): Promise<UnitTree> {
      const [row] = await db.select({ version: unitTreeVersion.version }).from(unitTreeVersion).where(eq(unitTreeVersion.id, 1))
      // No version row (a database migrated by hand): no caching, always the current tree.
      if (!row) return loadUnitTree(db)
      if (cached?.version === row.version) return cached.tree
      const entry = { version: row.version, tree: loadUnitTree(db) }
      cached = entry
      entry.tree.catch(() => {
        if (cached === entry) cached = undefined
      })
      return entry.tree
    },
  }
}
