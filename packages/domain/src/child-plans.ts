import { can, type RoleHolder } from './permission'
import type { UnitTree } from './unit-tree'

/**
 * The period a plan's figures are shown for when none is named, or when the one named is not
 * open on it (a commune plan of 2023 under a province plan of 2018 runs periods of its own): the
 * last one already due on `day`, else the first one open. `undefined` when it has none open.
 *
 * @example
 * shownPeriodOf([{ code: '2018S1', dueOn: '2018-06-18' }, { code: '2018', dueOn: '2018-12-18' }], '2018-07-01') // '2018S1'
 * shownPeriodOf([{ code: '2023S1', dueOn: '2023-06-02' }], '2018-07-01', '2018S1') // '2023S1'
 */
export function shownPeriodOf(periods: readonly { code: string; dueOn: string }[], day: string, wanted?: string): string | undefined {
  if (wanted !== undefined && periods.some((p) => p.code === wanted)) return wanted
  const due = periods.filter((p) => p.dueOn <= day).sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.code.localeCompare(b.code))
  return due.at(-1)?.code ?? [...periods].sort((a, b) => a.dueOn.localeCompare(b.dueOn))[0]?.code
}

/**
 * What the reader of a parent plan learns of a plan that implements it (Đức Hợp's commune plan
 * under the province's): the child is listed when the reader may read it (`plan.read` on its
 * unit), and its reporting figures shown when the reader may read that unit's dashboard
 * (`dashboard.read`) — a province planner sees its communes' progress, a commune's reporter
 * does not see another commune's.
 *
 * @example
 * childPlanAccess({ roles: [{ role: 'planner', unitId: 'kien-giang' }] }, 'vinh-thanh-van', tree) // 'figures'
 * childPlanAccess({ roles: [{ role: 'reporter', unitId: 'minh-luong' }] }, 'vinh-thanh-van', tree) // 'none'
 */
export function childPlanAccess(user: RoleHolder, childUnitId: string | null, tree: UnitTree): 'figures' | 'listed' | 'none' {
  if (!can(user, 'plan.read', childUnitId, tree)) return 'none'
  return can(user, 'dashboard.read', childUnitId, tree) ? 'figures' : 'listed'
}
