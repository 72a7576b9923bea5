import type { UnitTree } from '@papi/domain'
import type { PlanDashboard } from './dashboard'
import { type Database, perDatabase } from './database'

/**
 * One plan's figures as `dashboard` computed them for a subtree, a period and a day, without the
 * instant asked for (`asOf`, which the figures read only as its day in Viet Nam); `null`: the plan
 * has nothing assigned in the subtree, or not this period.
 */
export type CachedFigures = Omit<PlanDashboard, 'asOf'> | null

/**
 * Each plan's computed dashboard figures, kept per process. An entry holds the plan's figures
 * version (`plan_figures_versions`, summed) read in the same statement that chose the plans and
 * before any of the rows the figures were computed from; it serves a request only while the plan's
 * version is still that one, and its key names everything else the figures depend on (the unit
 * tree object, the subtree's root, the period, the day judged on, the grace days). So a plan
 * nobody wrote to since is not recomputed, and a write committed by any process or tool (the
 * triggers count it) is seen by the next dashboard. Least recently used entries go first once
 * the entries hold more than `maxCells` units and tasks in all (the national dashboard's 34
 * plans are about 150 000).
 */
export interface FiguresCache {
  /** The database the versions are read from: a transaction's reads never use the cache. */
  readonly db: Database
  get(key: string, version: string): CachedFigures | undefined
  set(key: string, version: string, figures: CachedFigures): void
  /** How many entries are held, and their size in units and tasks. */
  size(): { entries: number; cells: number }
}

/** About 40 MB of figures at most: the national dashboard twice over. */
const MAX_CELLS = 300_000

export function figuresCache(db: Database, maxCells = MAX_CELLS): FiguresCache {
  const entries = new Map<string, { version: string; figures: CachedFigures; cells: number }>()
  let cells = 0
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    cells -= entry.cells
    entries.delete(key)
  }
  return {
    db,
    get(key, version) {
      const entry = entries.get(key)
      if (!entry) return undefined
      if (entry.version !== version) {
        drop(key)
        return undefined
      }
      // Most recently used last.
      entries.delete(key)
      entries.set(key, entry)
      return entry.figures
    },
    set(key, version, figures) {
      drop(key)
      const size = cellsOf(figures)
      if (size > maxCells) return
      entries.set(key, { version, figures, cells: size })
      cells += size
      for (const oldest of entries.keys()) {
        if (cells <= maxCells) break
        drop(oldest)
      }
    },
    size: () => ({ entries: entries.size, cells }),
  }
}

/** The size of a plan's figures: its units, and its tasks with theirs. */
function cellsOf(figures: CachedFigures): number {
  if (figures === null) return 1
  let n = 1 + figures.units.length
  for (const s of figures.sections) for (const t of s.tasks) n += 1 + t.units.length
  return n
}

/** The one {@link figuresCache} of a database object in this process. */
export const figuresCacheOf: (db: Database) => FiguresCache = perDatabase(figuresCache)

const treeIds = new WeakMap<UnitTree, number>()
let lastTreeId = 0

/**
 * A number for a unit tree object, for cache keys: the unit tree cache hands out one object per
 * version of the organisation (and per day asked), so figures computed with one tree are never
 * served with another.
 */
export function treeKeyOf(tree: UnitTree): number {
  let id = treeIds.get(tree)
  if (id === undefined) {
    id = ++lastTreeId
    treeIds.set(tree, id)
  }
  return id
}
