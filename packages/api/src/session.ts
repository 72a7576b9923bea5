import type { Context, MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import { ApiError } from './api-error'
import type { AppEnv, Auth } from './app-env'

export const SESSION_COOKIE = 'papi_session'
export const CSRF_COOKIE = 'papi_csrf'
export const CSRF_HEADER = 'x-csrf-token'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * Reads the session from `Authorization: Bearer <token>` or the session cookie and puts the
 * user on the context. Sessions live in the database, so any API process can serve the request.
 * Cookie sessions must echo their CSRF token in `X-CSRF-Token` on every write (double submit):
 * a page on another site can make the browser send the cookie, but cannot read or set the header.
 */
export const readSession: MiddlewareHandler<AppEnv> = async (c, next) => {
  const header = c.req.header('authorization')
  const bearer = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  const cookie = getCookie(c, SESSION_COOKIE)
  const token = bearer ?? cookie
  if (token) {
    const store = c.var.store
    const found = await store.sessions.findWithUser(token, c.var.now())
    const session = found?.session
    const user = found?.user
    if (session && user && !user.disabled) {
      const auth: Auth = { user, token, via: bearer ? 'bearer' : 'cookie', csrfToken: session.csrfToken }
      if (auth.via === 'cookie' && !SAFE_METHODS.has(c.req.method) && c.req.header(CSRF_HEADER) !== session.csrfToken) {
        throw new ApiError(
          'forbidden',
          { reason: 'csrf' },
          {
            vi: 'Thiếu hoặc sai mã chống giả mạo (X-CSRF-Token).',
            en: 'Missing or wrong CSRF token (X-CSRF-Token).',
          },
        )
      }
      c.set('auth', auth)
      c.set('unitTreeVersion', found.unitTreeVersion)
    }
  }
  await next()
}

/**
 * Refuses every request without a session (401) before its route looks anything up, but those
 * `isPublic` lets through (signing in): nobody signed in learns anything of the data, not even
 * which ids name something (a 404 for an unknown id against a 401 for a known one, #10 hole 8).
 */
export function requireSessionUnless(isPublic: (method: string, path: string) => boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (!c.var.auth && !isPublic(c.req.method, c.req.path)) requireAuth(c)
    await next()
  }
}

/** The signed-in caller, or a 401. */
export function requireAuth(c: Context<AppEnv>): Auth {
  const auth = c.var.auth
  if (!auth) throw new ApiError('unauthenticated', { reason: 'no valid session: log in, and send the token or the session cookie' })
  return auth
}
