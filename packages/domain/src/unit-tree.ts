import { addDays, requireDate } from './internal/calendar'
import type { IsoDate } from './iso-date'
import { parsePeriod } from './period'
import type { Unit } from './unit'

/**
 * The organisation as an index: units by id, children by parent, predecessors by successor.
 * Build it once with {@link buildUnitTree} and pass it to the lookups below.
 */
export interface UnitTree {
  readonly byId: ReadonlyMap<string, Unit>
  /** Units whose parent is not in the tree (the country, or a province loaded on its own). */
  readonly roots: readonly Unit[]
  readonly children: ReadonlyMap<string, readonly Unit[]>
  /** Reverse of `successorIds`: who a unit took over from. */
  readonly predecessors: ReadonlyMap<string, readonly Unit[]>
}

export type UnitTreeErrorCode = 'duplicate-unit' | 'parent-cycle'

/** The units given cannot form a tree. Carries a code so callers can turn it into a message. */
export class UnitTreeError extends Error {
  override readonly name = 'UnitTreeError'
  constructor(
    readonly code: UnitTreeErrorCode,
    readonly unitId: string,
    message: string,
  ) {
    super(message)
  }
}

/**
 * Indexes units by id, parent and successor.
 *
 * A unit whose parent is not among `units` becomes a root: stores load one province's subtree
 * at a time (tables are keyed by province), so a missing parent is normal, not an error.
 * Throws {@link UnitTreeError} on a repeated id or a parent cycle — data no tree can hold.
 *
 * @example
 * const tree = buildUnitTree([
 *   { id: 'kien-giang', code: '91', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null, successorIds: [] },
 *   { id: 'kg-so-noi-vu', code: 'SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: 'kien-giang', successorIds: [] },
 * ])
 * tree.children.get('kien-giang')?.map((u) => u.name) // ['Sở Nội vụ']
 */
export function buildUnitTree(units: readonly Unit[]): UnitTree {
  const byId = new Map<string, Unit>()
  for (const unit of units) {
    if (byId.has(unit.id)) {
      throw new UnitTreeError('duplicate-unit', unit.id, `unit id "${unit.id}" appears more than once`)
    }
    byId.set(unit.id, unit)
  }

  const roots: Unit[] = []
  const children = new Map<string, Unit[]>()
  const predecessors = new Map<string, Unit[]>()
  for (const unit of units) {
    if (unit.parentId !== null && byId.has(unit.parentId)) {
      pushTo(children, unit.parentId, unit)
    } else {
      roots.push(unit)
    }
    for (const successorId of new Set(unit.successorIds)) pushTo(predecessors, successorId, unit)
  }

  // A cycle leaves every unit on it unreachable from the roots.
  const reached = new Set<string>()
  const stack = [...roots]
  for (let unit = stack.pop(); unit; unit = stack.pop()) {
    reached.add(unit.id)
    stack.push(...(children.get(unit.id) ?? []))
  }
  const stranded = units.find((u) => !reached.has(u.id))
  if (stranded) {
    throw new UnitTreeError('parent-cycle', stranded.id, `unit "${stranded.id}" is its own ancestor`)
  }

  return { byId, roots, children, predecessors }
}

function pushTo(map: Map<string, Unit[]>, key: string, unit: Unit): void {
  const list = map.get(key)
  if (list) list.push(unit)
  else map.set(key, [unit])
}

/**
 * The chain of parents of a unit, nearest first, without the unit itself.
 * An unknown id has no ancestors.
 *
 * @example
 * ancestorsOf('vinh-thanh-van', tree).map((u) => u.name)
 * // ['UBND thành phố Rạch Giá', 'UBND tỉnh Kiên Giang']
 */
export function ancestorsOf(unitId: string, tree: UnitTree): Unit[] {
  const ancestors: Unit[] = []
  let parentId = tree.byId.get(unitId)?.parentId ?? null
  for (let parent = parentId === null ? undefined : tree.byId.get(parentId); parent; ) {
    ancestors.push(parent)
    parentId = parent.parentId
    parent = parentId === null ? undefined : tree.byId.get(parentId)
  }
  return ancestors
}

/**
 * Every unit below a unit, depth first in the order the units were given, without the unit.
 *
 * @example
 * descendantsOf('rach-gia', tree).map((u) => u.name)
 * // ['Thanh tra thành phố Rạch Giá', 'Phòng Nội vụ thành phố Rạch Giá', 'UBND phường Vĩnh Thanh Vân', …]
 */
export function descendantsOf(unitId: string, tree: UnitTree): Unit[] {
  const found: Unit[] = []
  const stack = [...(tree.children.get(unitId) ?? [])].reverse()
  for (let unit = stack.pop(); unit; unit = stack.pop()) {
    found.push(unit)
    stack.push(...[...(tree.children.get(unit.id) ?? [])].reverse())
  }
  return found
}

/**
 * Whether a unit lies in the subtree of another. A unit is within itself: a planner scoped to
 * the province may act on the province committee too.
 *
 * @example
 * isWithin('kg-so-noi-vu', 'kien-giang', tree) // true
 * isWithin('kien-giang', 'kg-so-noi-vu', tree) // false
 */
export function isWithin(unitId: string, ancestorId: string, tree: UnitTree): boolean {
  if (!tree.byId.has(unitId)) return false
  return unitId === ancestorId || ancestorsOf(unitId, tree).some((u) => u.id === ancestorId)
}

/**
 * Whether a unit exists on a day. Both ends are inclusive: `validTo` is the unit's last day
 * (2025-06-30 for the provinces merged on 1 July 2025). No bound means no limit that side.
 *
 * @example
 * isActiveOn(tree.byId.get('kien-giang')!, '2025-06-30') // true: validTo '2025-06-30' is its last day
 * isActiveOn(tree.byId.get('kien-giang')!, '2025-07-01') // false
 */
export function isActiveOn(unit: Unit, date: IsoDate): boolean {
  // ISO calendar dates compare correctly as strings.
  return (unit.validFrom === undefined || unit.validFrom <= date) && (unit.validTo === undefined || date <= unit.validTo)
}

/**
 * The last day of a unit that hands over to a successor from `effectiveOn`: the day before, since
 * `validTo` is the unit's own last day (Resolution 202/2025/QH15: the provinces merged on
 * 1 July 2025 end on 30 June 2025).
 *
 * @throws RangeError when `effectiveOn` is not a date (YYYY-MM-DD).
 * @example
 * lastDayBefore('2025-07-01') // '2025-06-30'
 * lastDayBefore('2025-01-01') // '2024-12-31' (Huế became a centrally-run city)
 */
export function lastDayBefore(effectiveOn: IsoDate): IsoDate {
  return addDays(requireDate(effectiveOn), -1)
}

/**
 * The units in force on a day, in the order they were given.
 *
 * @example
 * unitsActiveOn(tree, '2025-07-01').some((u) => u.name === 'UBND tỉnh Kiên Giang') // false
 */
export function unitsActiveOn(tree: UnitTree, date: IsoDate): Unit[] {
  return [...tree.byId.values()].filter((u) => isActiveOn(u, date))
}

/**
 * The units that carry a unit on a day: itself when it is in force, otherwise the units in force
 * reached by following `successorIds` (a renamed unit may be merged again later). Nothing when
 * the day is before the unit and its successors existed, or no successor is in the tree.
 *
 * This is the old→new mapping of the 1 July 2025 reform (63 provinces merged into 34, districts
 * abolished; Resolution 202/2025/QH15): history keeps the old units and is compared through
 * this mapping, never by adding old scores together.
 *
 * @example
 * successorsOn('kien-giang', tree, '2025-07-01').map((u) => u.name) // ['UBND tỉnh An Giang']
 * successorsOn('kien-giang', tree, '2018-05-18').map((u) => u.name) // ['UBND tỉnh Kiên Giang']
 */
export function successorsOn(unitId: string, tree: UnitTree, date: IsoDate): Unit[] {
  const start = tree.byId.get(unitId)
  if (!start) return []
  const found: Unit[] = []
  const seen = new Set<string>([start.id])
  const queue: Unit[] = [start]
  for (let unit = queue.shift(); unit; unit = queue.shift()) {
    if (isActiveOn(unit, date)) {
      found.push(unit)
      continue
    }
    // A unit not yet founded has nothing to hand over; only ended units pass on to successors.
    if (unit.validTo === undefined || unit.validTo >= date) continue
    for (const id of unit.successorIds) {
      const next = tree.byId.get(id)
      if (next && !seen.has(id)) {
        seen.add(id)
        queue.push(next)
      }
    }
  }
  return found
}

/**
 * The units a unit took over from, nearest first and transitively (a unit renamed and later
 * merged keeps its whole history readable under the old names).
 *
 * @example
 * predecessorsOf('an-giang-2025', tree).map((u) => u.id) // ['kien-giang', 'an-giang']
 * predecessorsOf('lc2025-so-khcn', tree).map((u) => u.name)
 * // ['Sở Khoa học và Công nghệ', 'Sở Thông tin và Truyền thông'] (Lào Cai, before 2025)
 */
export function predecessorsOf(unitId: string, tree: UnitTree): Unit[] {
  const found: Unit[] = []
  const seen = new Set<string>([unitId])
  const queue = [unitId]
  for (let id = queue.shift(); id !== undefined; id = queue.shift()) {
    for (const unit of tree.predecessors.get(id) ?? []) {
      if (seen.has(unit.id)) continue
      seen.add(unit.id)
      found.push(unit)
      queue.push(unit.id)
    }
  }
  return found
}

/**
 * The children a unit would leave behind if it ended on `lastDay`: those still under it and in
 * force after that day. Ending a unit (a district abolished on 30/06/2025) must end or move each
 * of them first — never leave one hanging under a unit that no longer exists.
 *
 * @example
 * orphansIfEnded('sa-pa', '2025-06-30', tree) // [] when Cầu Mây ends the same day
 * orphansIfEnded('sa-pa', '2024-12-31', tree).map((u) => u.name) // ['UBND phường Cầu Mây']
 */
export function orphansIfEnded(unitId: string, lastDay: IsoDate, tree: UnitTree): Unit[] {
  return (tree.children.get(unitId) ?? []).filter((child) => child.validTo === undefined || child.validTo > lastDay)
}

/** A unit's name, parent, level and kind over a span of days (both ends inclusive, open when absent). */
export interface UnitVersion {
  validFrom?: IsoDate
  validTo?: IsoDate
  name: string
  parentId: string | null
  level: Unit['level']
  kind: Unit['kind']
}

/**
 * The organisation as it was on a day: each unit with the name, parent, level and kind of its
 * version in force that day (a unit moved under the new Lào Cai on 1 July 2025 is still under the
 * old one for 2020). A unit with no versions is as it is; a day before its first version reads the
 * first, after its last version the last.
 *
 * @example
 * const tree2020 = buildUnitTree(unitsAsOf(units, versionsByUnit, '2020-09-30'))
 */
export function unitsAsOf(units: readonly Unit[], versions: ReadonlyMap<string, readonly UnitVersion[]>, date: IsoDate): Unit[] {
  return units.map((unit) => {
    const list = versions.get(unit.id)
    if (!list || list.length === 0) return unit
    const sorted = [...list].sort((a, b) => (a.validFrom ?? '').localeCompare(b.validFrom ?? ''))
    const version =
      sorted.find((v) => (v.validFrom === undefined || v.validFrom <= date) && (v.validTo === undefined || date <= v.validTo)) ??
      (date < (sorted[0]?.validFrom ?? '') ? sorted[0] : sorted[sorted.length - 1])
    if (!version) return unit
    return { ...unit, name: version.name, parentId: version.parentId, level: version.level, kind: version.kind }
  })
}

/**
 * The organisation as it stood on a day: the units in force that day, each with the name, parent,
 * level and kind of its version then ({@link unitsAsOf}); units created after the day or ended
 * before it are left out. What `GET /units?asOf=` answers.
 *
 * @example
 * organisationOn(units, versionsByUnit, '2018-05-18').find((u) => u.code === 'P46')?.name // 'UBND tỉnh Thừa Thiên Huế'
 * organisationOn(units, versionsByUnit, '2018-05-18').some((u) => u.code === 'P91@2025') // false: An Giang of 2025 did not exist yet
 */
export function organisationOn(units: readonly Unit[], versions: ReadonlyMap<string, readonly UnitVersion[]>, date: IsoDate): Unit[] {
  return unitsAsOf(units, versions, date).filter((u) => isActiveOn(u, date))
}

/**
 * The day whose organisation a period is read with: its last calendar day. A 2020Q3 dashboard
 * shows the units as they were on 30/09/2020, whatever moved or merged since. Undefined for a
 * string that is not a period id.
 *
 * @example
 * organisationDayOf('2020Q3') // '2020-09-30'
 */
export function organisationDayOf(periodId: string): IsoDate | undefined {
  const parsed = parsePeriod(periodId)
  return parsed.ok ? parsed.period.end : undefined
}
