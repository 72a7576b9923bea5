import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from './api-error'
import type { AppEnv, Auth } from './app-env'
import { hashToken, type Store } from '@papi/store'

export const SESSION_COOKIE = 'papi_session'
export const CSRF_COOKIE = 'papi_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Operations whose own statement verifies the caller's session (`SessionCheck` in @papi/store):
 * for them a session this process has read before is taken from its cache, a round trip fewer
 * (a report save is then two statements: its read and its write). Every other request reads its
 * session.
 */
const CHECKED_IN_STATEMENT = new Set(['PUT /api/v1/reports'])

/** How many sessions a process keeps, by token hash (the oldest read is dropped first). */
const SESSIONS_KEPT = 10_000

type FoundSession = NonNullable<Awaited<ReturnType<Store['sessions']['findWithUser']>>>

const sessionCaches = new WeakMap<Store, Map<string, FoundSession>>()

function sessionCacheOf(store: Store): Map<string, FoundSession> {
  let cache = sessionCaches.get(store)
  if (!cache) {
    cache = new Map()
    sessionCaches.set(store, cache)
  }
  return cache
}

function tokenOf(c: Context<AppEnv>): { token: string; via: Auth['via'] } | undefined {
  const bearer = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (bearer) return { token: bearer, via: 'bearer' }
  const cookie = getCookie(c, SESSION_COOKIE)
  return cookie ? { token: cookie, via: 'cookie' } : undefined
}

/** Reads the session of `token` and puts its user on the context (none when it is unknown, expired or disabled). */
async function lookUp(c: Context<AppEnv>, token: string, via: Auth['via']): Promise<void> {
  const found = await c.get('store').sessions.findWithUser(token, c.get('now')())
  const cache = sessionCacheOf(c.get('store'))
  const tokenHash = hashToken(token)
  cache.delete(tokenHash)
  c.set('sessionCheck', undefined)
  if (!found || found.user.disabled) {
    c.set('auth', undefined)
    return
  }
  if (cache.size >= SESSIONS_KEPT) cache.delete(cache.keys().next().value as string)
  cache.set(tokenHash, found)
  c.set('auth', { user: found.user, token, via, csrfToken: found.session.csrfToken })
  c.set('unitTreeVersion', found.unitTreeVersion)
}

/**
 * The session of `token` as this process last read it, with the unit tree it holds, if both are
 * there and the session has not expired: put on the context with the `sessionCheck` the
 * operation's statement verifies. No round trip.
 */
function fromCache(c: Context<AppEnv>, token: string, via: Auth['via']): boolean {
  const tokenHash = hashToken(token)
  const found = sessionCacheOf(c.get('store')).get(tokenHash)
  const held = c.get('store').units.heldTree()
  const now = c.get('now')()
  if (!found || !held || found.session.expiresAt <= now) return false
  c.set('auth', { user: found.user, token, via, csrfToken: found.session.csrfToken })
  c.set('unitTreeVersion', held.version)
  c.set('sessionCheck', { tokenHash, userId: found.user.id, userVersion: found.user.version, unitTreeVersion: held.version, now })
  return true
}

/**
 * Reads the session from `Authorization: Bearer <token>` or the session cookie and puts the
 * user on the context. Sessions live in the database, so any API process can serve the request;
 * the operations that verify the session in their own statement (`CHECKED_IN_STATEMENT`) take it
 * from this process's cache when it is there, and an error they answer is answered only once the
 * session is read (see {@link confirmSession}), so an ended session still gets its 401 at once.
 * Cookie sessions must echo their CSRF token in `X-CSRF-Token` on every write (double submit):
 * a page on another site can make the browser send the cookie, but cannot read or set the header.
 */
export const readSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const caller = tokenOf(c)
  if (caller) {
    const cached = CHECKED_IN_STATEMENT.has(`${c.req.method} ${c.req.path}`) && fromCache(c, caller.token, caller.via)
    if (!cached) await lookUp(c, caller.token, caller.via)
    const auth = c.get('auth')
    if (auth?.via === 'cookie' && !SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== auth.csrfToken) {
      throw new ApiError(
        'forbidden',
        { reason: 'csrf' },
        {
          vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token).',
          en: 'Missing or wrong CSRF token (X-CSRF-Token).',
        },
      )
    }
  }
  await next()
}

/**
 * Reads the session of a request whose session came from this process's cache (`sessionCheck`
 * set), and puts what it finds on the context: the user as now, or none. For an operation whose
 * statement found the cached session no longer holding, and for every error answered to such a
 * request. Answers whether the caller is signed in.
 */
export async function confirmSession(c: Context<AppEnv>): Promise<boolean> {
  const caller = tokenOf(c)
  if (c.get('sessionCheck') && caller) await lookUp(c, caller.token, caller.via)
  return c.get('auth') !== undefined
}

/**
 * Refuses every request without a session (401) before its route looks anything up, but those
 * `isPublic` lets through (signing in): nobody signed in learns anything of the data, not even
 * which ids name something (a 404 for an unknown id against a 401 for a known one, #10 hole 8).
 */
export function requireSessionUnless(isPublic: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.get('auth') && !isPublic(c.req.method, c.req.path)) requireAuth(c)
    await next()
  }
}

/** The signed-in caller, or a 401. */
export function requireAuth(c: Context<AppEnv>): Auth {
  const auth = c.get('auth')
  if (!auth) throw noSession()
  return auth
}

/** The 401 of a request without a valid session. */
export function noSession(): ApiError {
  return new ApiError('unauthenticated', { reason: 'no valid session: log in, and send the token or the session cookie' })
}
