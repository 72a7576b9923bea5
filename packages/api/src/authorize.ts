import { accessTo, can, type Action, type UnitTree } from '@papi/domain'
import type { StoreError } from '@papi/store'
import type { Context } from 'hono'
import { ApiError } from './api-error'
import type { AppEnv, Auth } from './app-env'
import { requireAuth } from './session'

/**
 * Checks "who may do what where" with the domain's `can` and answers the caller and the unit
 * tree, or throws 401 (no session) / 403 (outside the caller's scope).
 *
 * @example
 * const { auth } = await authorize(c, 'report.write', body.unitId)
 */
export async function authorize(c: Context<AppEnv>, action: Action, unitId: string | null): Promise<{ auth: Auth; tree: UnitTree }> {
  const auth = requireAuth(c)
  const tree = await requestTree(c)
  if (!can(auth.user, action, unitId, tree)) throw new ApiError('forbidden', { action, unitId })
  return { auth, tree }
}

/**
 * The unit tree for a permission check. The first in a request reuses the tree version its
 * session query read (one round trip fewer on every authorised request); any later one reads the
 * version again, so a route that changed units and checks again sees its change.
 */
export function requestTree(c: Context<AppEnv>): Promise<UnitTree> {
  const version = c.get('unitTreeVersion')
  if (version === undefined) return c.get('store').units.tree()
  c.set('unitTreeVersion', undefined)
  return c.get('store').units.tree({ version })
}

/** The change record for the store: who acts, now, under which request. */
export function changeOf(c: Context<AppEnv>) {
  return { actorId: c.get('auth')?.user.id ?? null, at: c.get('now')(), requestId: c.get('requestId') }
}

/**
 * {@link authorize} for reading one record by its id: a signed-in caller who may not read it is
 * told it does not exist — the same 404 as an id that names nothing — so ids of another province's
 * plans and reports cannot be probed (#10 hole 8). `missing` is the store's own not-found error
 * for that record.
 *
 * @example
 * await authorizeRead(c, 'report.read', report.unitId, new StoreError('not-found', `no report ${id}`, { reportId: id }))
 */
export async function authorizeRead(
  c: Context<AppEnv>,
  action: Action,
  unitId: string | null,
  missing: StoreError,
): Promise<{ auth: Auth; tree: UnitTree }> {
  const auth = requireAuth(c)
  const tree = await requestTree(c)
  if (!can(auth.user, action, unitId, tree)) throw missing
  return { auth, tree }
}

/**
 * {@link authorize} for a change to one record (by the domain's `accessTo`): a caller who may not
 * even `readAction` it is told it does not exist, the 404 of an id that names nothing; one who reads
 * it but may not take `action` gets 403.
 *
 * @example
 * await authorizeChange(c, 'plan.manage', planScopeUnitId(plan) ?? null, 'plan.read', new StoreError('not-found', `no plan ${id}`, { planId: id }))
 */
export async function authorizeChange(
  c: Context<AppEnv>,
  action: Action,
  unitId: string | null,
  readAction: Action,
  missing: StoreError,
): Promise<{ auth: Auth; tree: UnitTree }> {
  const auth = requireAuth(c)
  const tree = await requestTree(c)
  const access = accessTo(auth.user, action, unitId, tree, readAction)
  if (access === 'not-found') throw missing
  if (access === 'forbidden') throw new ApiError('forbidden', { action, unitId })
  return { auth, tree }
}
