import { z } from 'zod'
import { isWithin, type UnitTree } from './unit-tree'

/**
 * Roles a user holds on a unit:
 * - `admin`: the whole system (units, users, everything else);
 * - `planner`: plans, periods and the review of reports inside the unit's subtree — the standing
 *   agency's officer (Sở Nội vụ for the province committee, the commune office for a commune);
 * - `reporter`: files the reports of that one unit;
 * - `viewer`: reads the unit's subtree.
 */
export const RoleSchema = z.enum(['admin', 'planner', 'reporter', 'viewer'])
export type Role = z.infer<typeof RoleSchema>

/** One role on one unit; `unitId` is null only for `admin`, which holds everywhere. */
export const RoleGrantSchema = z
  .object({ role: RoleSchema, unitId: z.string().min(1).nullable().default(null) })
  .refine((g) => g.role === 'admin' || g.unitId !== null, {
    message: 'planner, reporter and viewer roles need a unitId',
    path: ['unitId'],
  })
export type RoleGrant = z.infer<typeof RoleGrantSchema>

/** Things a user may do; each is checked against the unit it touches. */
export const ActionSchema = z.enum([
  'unit.manage', // create, update, merge units
  'register.import', // load the national unit register (the whole country's organisation): admins only
  'user.manage', // create users and give roles
  'plan.read', // read a plan scoped to a unit
  'plan.manage', // create and edit plans, their targets
  'plan.publish',
  'period.manage', // open periods, set windows and deadlines, lock
  'report.read',
  'report.write', // save and submit a unit's report
  'report.review', // accept, return, reopen
  'score.manage', // enter and import index results
  'dashboard.read',
  'audit.read',
  'system.backup', // take a backup of the whole database, restore one
])
export type Action = z.infer<typeof ActionSchema>

/**
 * Where a grant holds, relative to the role's unit:
 * `system` everywhere; `subtree` the unit and everything below it; `unit` that unit alone;
 * `related` the unit's subtree and its ancestors — a commune reads the province plan it carries out.
 */
export const GrantScopeSchema = z.enum(['system', 'subtree', 'unit', 'related'])
export type GrantScope = z.infer<typeof GrantScopeSchema>

/** The rule "who may do what where" as data, so `can`, `/me` and the docs read one table. */
export const ROLE_GRANTS: Readonly<Record<Role, Partial<Record<Action, GrantScope>>>> = {
  admin: Object.fromEntries(ActionSchema.options.map((a) => [a, 'system'])) as Record<Action, GrantScope>,
  planner: {
    'plan.read': 'related',
    'plan.manage': 'subtree',
    'plan.publish': 'subtree',
    'period.manage': 'subtree',
    'report.read': 'subtree',
    'report.review': 'subtree',
    'score.manage': 'subtree',
    'dashboard.read': 'subtree',
    'audit.read': 'subtree',
  },
  reporter: {
    'plan.read': 'related',
    'report.read': 'unit',
    'report.write': 'unit',
    'dashboard.read': 'unit',
  },
  viewer: {
    'plan.read': 'related',
    'report.read': 'subtree',
    'dashboard.read': 'subtree',
  },
}

/** One thing a user may do somewhere: what `/me` hands the UI so it only shows allowed actions. */
export interface Permission {
  action: Action
  scope: GrantScope
  /** The role's unit; null for system-wide grants. */
  unitId: string | null
}

/** Anything holding roles: a user as the API loads it. */
export interface RoleHolder {
  roles: readonly RoleGrant[]
}

/**
 * Every permission a user's roles give, one per role and action.
 *
 * @example
 * permissionsOf({ roles: [{ role: 'reporter', unitId: 'xa-a' }] })
 * // [{ action: 'plan.read', scope: 'related', unitId: 'xa-a' }, { action: 'report.read', scope: 'unit', unitId: 'xa-a' }, …]
 */
export function permissionsOf(user: RoleHolder): Permission[] {
  return user.roles.flatMap(({ role, unitId }) =>
    Object.entries(ROLE_GRANTS[role]).map(([action, scope]) => ({
      action: action as Action,
      scope,
      unitId: scope === 'system' ? null : unitId,
    })),
  )
}

/**
 * Whether a permission covers a unit. `unitId` null asks about the system itself (users,
 * the unit tree as a whole): only system-wide grants cover it. Units missing from the tree are
 * covered by nothing but system grants, so an unknown id never widens access.
 */
export function covers(permission: Permission, unitId: string | null, tree: UnitTree): boolean {
  if (permission.scope === 'system') return true
  if (unitId === null || permission.unitId === null) return false
  switch (permission.scope) {
    case 'unit':
      return unitId === permission.unitId && tree.byId.has(unitId)
    case 'subtree':
      return isWithin(unitId, permission.unitId, tree)
    case 'related':
      return isWithin(unitId, permission.unitId, tree) || isWithin(permission.unitId, unitId, tree)
  }
}

/**
 * Who may do what where: whether `user` may take `action` on `unitId` (null: system-wide
 * things such as users). A user holds the union of their roles.
 *
 * @example
 * can({ roles: [{ role: 'reporter', unitId: 'xa-a' }] }, 'report.write', 'xa-b', tree) // false
 * can({ roles: [{ role: 'planner', unitId: 'kg' }] }, 'report.review', 'xa-a', tree) // true when xa-a is in Kiên Giang
 */
export function can(user: RoleHolder, action: Action, unitId: string | null, tree: UnitTree): boolean {
  return permits(grantsOf(user.roles), action, unitId, tree)
}

/**
 * {@link permissionsOf} kept per roles list: an API process asks `can` several times per request
 * with the same user object (its session cache holds it), and an administrator's roles give
 * dozens of permissions to build each time. Roles are read-only (a changed user is a new object).
 */
const grantsByRoles = new WeakMap<readonly RoleGrant[], readonly Permission[]>()
function grantsOf(roles: readonly RoleGrant[]): readonly Permission[] {
  let grants = grantsByRoles.get(roles)
  if (!grants) {
    grants = permissionsOf({ roles })
    grantsByRoles.set(roles, grants)
  }
  return grants
}

/** What a caller asking to act on one record is answered: done, refused, or told it does not exist. */
export type Access = 'granted' | 'forbidden' | 'not-found'

/**
 * Whether `user` may take `action` on a record of `unitId`, and what to answer if not: a caller
 * who may not even `readAction` the record is told it does not exist — the answer of an id that
 * names nothing — so another province's ids cannot be probed by reading or by writing (#10 hole 8);
 * a caller who reads it but may not change it is refused.
 *
 * @example
 * accessTo(kgPlanner, 'plan.manage', 'an-giang', tree, 'plan.read') // 'not-found'
 * accessTo(kgReporter, 'plan.manage', 'kien-giang', tree, 'plan.read') // 'forbidden': it reads the plan
 */
export function accessTo(user: RoleHolder, action: Action, unitId: string | null, tree: UnitTree, readAction: Action): Access {
  if (can(user, action, unitId, tree)) return 'granted'
  return can(user, readAction, unitId, tree) ? 'forbidden' : 'not-found'
}

/**
 * Whether a list of permissions — what `/me` hands a client — allows `action`: anywhere when
 * `unitId` is left out, else on that unit (null: the system itself). With the unit tree the scope
 * rules of {@link covers} apply. Without it only system-wide grants and grants on that very unit
 * can be confirmed, so the answer errs towards refusing: a screen hides what it cannot vouch for.
 *
 * @example
 * const reporter = [{ action: 'report.write', scope: 'unit', unitId: 'xa-a' }] as const
 * permits(reporter, 'report.write', 'xa-a') // true
 * permits(reporter, 'report.write', 'xa-b', tree) // false
 * permits([{ action: 'report.review', scope: 'subtree', unitId: 'kg' }], 'report.review') // true: somewhere
 */
export function permits(permissions: readonly Permission[], action: Action, unitId?: string | null, tree?: UnitTree): boolean {
  return permissions.some((p) => {
    if (p.action !== action) return false
    if (unitId === undefined) return true
    if (tree !== undefined) return covers(p, unitId, tree)
    return p.scope === 'system' || (unitId !== null && p.unitId === unitId)
  })
}

/**
 * The units on which `action` is granted by name, each once, in the order of the grants: the
 * roots of what a user may touch (the units a reporter files for). A system-wide grant names no
 * unit, so an admin files no unit's reports by default.
 *
 * @example
 * grantedUnitIds(permissionsOf({ roles: [{ role: 'reporter', unitId: 'xa-a' }] }), 'report.write') // ['xa-a']
 * grantedUnitIds(permissionsOf({ roles: [{ role: 'admin', unitId: null }] }), 'report.write') // []
 */
export function grantedUnitIds(permissions: readonly Permission[], action: Action): string[] {
  const ids = permissions.filter((p) => p.action === action).map((p) => p.unitId)
  return [...new Set(ids.filter((id): id is string => id !== null))]
}

/**
 * The units of `tree` on which `user` may take `action` — to filter lists (reports, plans,
 * dashboards) to what the user may see.
 *
 * @example
 * unitsWhere({ roles: [{ role: 'viewer', unitId: 'chau-thanh' }] }, 'report.read', tree)
 * // Set { 'chau-thanh', 'minh-luong', 'binh-an', … }
 */
export function unitsWhere(user: RoleHolder, action: Action, tree: UnitTree): Set<string> {
  const granted = grantsOf(user.roles).filter((p) => p.action === action)
  const ids = new Set<string>()
  for (const id of tree.byId.keys()) if (granted.some((p) => covers(p, id, tree))) ids.add(id)
  return ids
}

/** An audit entry as far as reading it goes: the province it belongs to and what it recorded. */
export interface AuditedChange {
  provinceId: string
  before: unknown
  after: unknown
}

/** The units an audited value names at its top level (`unitId`, `scopeUnitId`, `issuerUnitId`). */
function unitIdsNamedBy(value: unknown): string[] {
  if (value === null || typeof value !== 'object') return []
  const record = value as Record<string, unknown>
  return ['unitId', 'scopeUnitId', 'issuerUnitId'].map((key) => record[key]).filter((id): id is string => typeof id === 'string')
}

/**
 * Whether a user may read one audit entry: `audit.read` on its province and on every unit the
 * change names — a report's entry carries its narrative, so it is read only by who may read the
 * report's unit, even when the report sits in the user's province's plan.
 *
 * @example
 * mayReadAuditEntry(kgPlanner, { provinceId: 'kien-giang', before: null, after: { unitId: 'lc-so-noi-vu' } }, tree) // false
 */
export function mayReadAuditEntry(user: RoleHolder, entry: AuditedChange, tree: UnitTree): boolean {
  const permissions = permissionsOf(user)
  const covered = (unitId: string) => permits(permissions, 'audit.read', unitId, tree)
  if (permits(permissions, 'audit.read', null, tree)) return true
  if (!covered(entry.provinceId)) return false
  return [...unitIdsNamedBy(entry.before), ...unitIdsNamedBy(entry.after)].every(covered)
}
