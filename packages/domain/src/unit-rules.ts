import type { Unit, UnitLevel } from './unit'
import { isWithin, type UnitTree } from './unit-tree'

/** Why a unit cannot stand where it is asked to (#10 hole 8). */
export type UnitPlacementProblem =
  | 'dates-reversed' // valid from a day after it is valid to
  | 'level-above-parent' // a national unit under a commune, a province under a district…
  | 'successor-in-subtree' // merged into a unit under itself: the successor would end with it

// Higher levels first: a unit sits at its parent's level (a department of the province) or below.
const LEVEL_RANK: Readonly<Record<UnitLevel, number>> = { national: 0, province: 1, district: 2, commune: 3 }

/**
 * What is wrong with a unit at `level` under `parent` (null: at the top) with these dates, if
 * anything: its dates reversed, or its level above its parent's.
 *
 * @example
 * unitPlacementProblem({ level: 'national', validFrom: '2020-01-01' }, { level: 'commune' }) // 'level-above-parent'
 * unitPlacementProblem({ level: 'commune', validFrom: '2025-07-01', validTo: '2025-06-30' }, { level: 'province' }) // 'dates-reversed'
 * unitPlacementProblem({ level: 'province' }, { level: 'national' }) // null
 */
export function unitPlacementProblem(
  unit: Pick<Unit, 'level'> & { validFrom?: string | null; validTo?: string | null },
  parent: Pick<Unit, 'level'> | null,
): UnitPlacementProblem | null {
  if (unit.validFrom && unit.validTo && unit.validFrom > unit.validTo) return 'dates-reversed'
  if (parent && LEVEL_RANK[unit.level] < LEVEL_RANK[parent.level]) return 'level-above-parent'
  return null
}

/**
 * Whether a unit may be merged into `successorId`: never into itself or a unit of its own subtree
 * (the successor would end with the unit it takes over).
 *
 * @example
 * mergeProblem('lao-cai', 'lc-so-noi-vu', tree) // 'successor-in-subtree'
 */
export function mergeProblem(unitId: string, successorId: string, tree: UnitTree): UnitPlacementProblem | null {
  return isWithin(successorId, unitId, tree) ? 'successor-in-subtree' : null
}
