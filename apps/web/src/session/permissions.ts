import { covers, type Action, type Permission, type UnitTree } from '@papi/domain'

/**
 * Whether the permissions `/me` handed over allow `action` — anywhere when `unitId` is left out,
 * else on that unit (scope rules from @papi/domain's `covers`). Without the unit tree only
 * system-wide and same-unit grants can be confirmed, so the answer errs towards hiding.
 *
 * @example
 * allows([{ action: 'report.write', scope: 'unit', unitId: 'xa-a' }], 'report.write', 'xa-b') // false
 */
export function allows(
  permissions: readonly Permission[],
  action: Action,
  unitId?: string | null,
  tree?: UnitTree,
): boolean {
  return permissions.some((p) => {
    if (p.action !== action) return false
    if (unitId === undefined) return true
    if (tree !== undefined) return covers(p, unitId, tree)
    return p.scope === 'system' || (unitId !== null && p.unitId === unitId)
  })
}

/** Units on which a permission is granted directly (the roots of what the user may touch). */
export function grantedUnitIds(permissions: readonly Permission[], action: Action): string[] {
  return [...new Set(permissions.filter((p) => p.action === action && p.unitId !== null).map((p) => p.unitId as string))]
}
