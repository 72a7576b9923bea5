import { permissionsOf, permits, type Action } from '@papi/domain'
import type { Context, MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'
import { authorize } from './authorize'
import { ApiError } from './api-error'
import { requireAuth } from './session'

/**
 * A route middleware that checks permission before the body is read: an upload a caller may not
 * make is refused without reading (let alone parsing) a byte of it (#10 hole 5: a viewer's 10 MB
 * score table was parsed for 20 s before its 403). Runs before the route's validators.
 *
 * `unitOf` names the unit the action is on, from the path or query (null: the system itself);
 * without it, the caller must hold the action somewhere — the body then names the units, and the
 * handler checks each of them.
 *
 * @example
 * createRoute({ …, middleware: [authorizeBeforeBody('plan.manage', (c) => c.req.query('scopeUnitId') ?? null)] })
 */
export function authorizeBeforeBody(action: Action, unitOf?: (c: Context<AppEnv>) => string | null): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (unitOf) await authorize(c, action, unitOf(c))
    else if (!permits(permissionsOf(requireAuth(c).user), action)) throw new ApiError('forbidden', { action })
    await next()
  }
}
