import type { UnitTree } from '@papi/domain'
import type { FigureReport, PlanDashboard, PlanStructure } from './dashboard'
import { type Database, perDatabase } from './database'

/**
 * One plan's figures as `dashboard` computed them for a subtree, a period and a day, without the
 * instant asked for (`asOf`, which the figures read only as its day in Viet Nam); `null`: the plan
 * has nothing assigned in the subtree, or not this period.
 */
export type CachedFigures = Omit<PlanDashboard, 'asOf'> | null

/**
 * What the dashboard keeps per process, each entry under the plan's versions read in the same
 * statement that chose the plans and before any of the rows it was computed from
 * (`plan_figures_versions`, summed): it serves a request only while those versions are still the
 * same, and its key names everything else it depends on (the unit tree object, the subtree's
 * root, the period, the day judged on, the grace days). So a plan nobody wrote to since is not
 * recomputed, and a write committed by any process or tool (the triggers count it) is seen by the
 * next dashboard.
 * - `figures`: each plan's computed figures, while no write to the plan, its structure or its reports;
 * - `structures`: what the figures read of the plan besides its reports (its tasks, the subtree's
 *   assignments, the period), while no write to the plan's structure: a saved report keeps it;
 * - `latest`: the report per (task, unit) that progress counts, while no write to the structure or
 *   to a filed report: a saved draft keeps it, so the plan's figures after a draft saved read the
 *   period's reports again, and nothing else.
 * Least recently used entries go first once each kind holds more than its share of units, tasks
 * and reports (the national dashboard's 34 plans are about 150 000 figures cells; its structures
 * and latest reports 70 000 to 90 000 each, a province's about 2 500).
 */
export interface FiguresCache {
  /** The database the versions are read from: a transaction's reads never use the cache. */
  readonly db: Database
  readonly figures: Kept<CachedFigures>
  readonly structures: Kept<PlanStructure | null>
  readonly latest: Kept<readonly FigureReport[]>
}

/** Entries kept while their version stays the one they were computed at, least recently used first out. */
export interface Kept<T> {
  get(key: string, version: string): T | undefined
  set(key: string, version: string, value: T): void
  /** How many entries are held, their size in cells, and how many lookups found none at the version asked. */
  size(): { entries: number; cells: number; misses: number }
}

/** About 40 MB of figures at most: the national dashboard twice over. */
const MAX_CELLS = 300_000
/**
 * Structures and latest reports of about five provinces' plans each: a province's users see their
 * plan's figures after each save recomputed from what is kept, while the national dashboard's 34
 * plans pass through without being held (peak RSS serving it, measured: 378 MiB with 12 000 cells
 * as with none, 548 MiB with 50 000).
 */
const MAX_INPUT_CELLS = 12_000

export function figuresCache(db: Database, maxCells = MAX_CELLS, maxInputCells = MAX_INPUT_CELLS): FiguresCache {
  return {
    db,
    figures: kept(maxCells, cellsOf),
    structures: kept(maxInputCells, (s) => (s === null ? 1 : 1 + s.inScope.length + s.plan.sections.length)),
    latest: kept(maxInputCells, (rows) => 1 + rows.length),
  }
}

function kept<T>(maxCells: number, cellsOf: (value: T) => number): Kept<T> {
  const entries = new Map<string, { version: string; value: T; cells: number }>()
  let cells = 0
  let misses = 0
  const drop = (key: string) => {
    const entry = entries.get(key)
    if (!entry) return
    cells -= entry.cells
    entries.delete(key)
  }
  return {
    get(key, version) {
      const entry = entries.get(key)
      if (!entry) {
        misses++
        return undefined
      }
      if (entry.version !== version) {
        misses++
        drop(key)
        return undefined
      }
      // Most recently used last.
      entries.delete(key)
      entries.set(key, entry)
      return entry.value
    },
    set(key, version, value) {
      drop(key)
      const size = cellsOf(value)
      if (size > maxCells) return
      entries.set(key, { version, value, cells: size })
      cells += size
      for (const oldest of entries.keys()) {
        if (cells <= maxCells) break
        drop(oldest)
      }
    },
    size: () => ({ entries: entries.size, cells, misses }),
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
