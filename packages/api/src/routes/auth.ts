import { createRoute, z } from '@hono/zod-openapi'
import { loginWait, permissionsOf, RoleGrantSchema, type LoginThrottle } from '@papi/domain'
import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import { deleteCookie, setCookie } from 'hono/cookie'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { dummyHash, verifyPassword } from '../password'
import { createRouter } from '../router'
import { PermissionSchema, StatusOkSchema, UserOutSchema } from '../schemas'
import { CSRF_COOKIE, requireAuth, SESSION_COOKIE } from '../session'

const LoginSchema = z.object({ username: z.string().trim().min(1).max(100), password: z.string().min(1).max(1000) }).openapi('Login')

const LoginResultSchema = z
  .object({
    token: z.string().openapi({ description: 'Send as `Authorization: Bearer <token>`' }),
    user: UserOutSchema,
    csrfToken: z.string().openapi({ description: 'Echo in `X-CSRF-Token` on writes made with the session cookie' }),
    expiresAt: z.string(),
  })
  .openapi('LoginResult')

const MeSchema = z
  .object({
    user: UserOutSchema,
    roles: z.array(RoleGrantSchema),
    permissions: z.array(PermissionSchema),
    csrfToken: z.string(),
  })
  .openapi('Me')

function clientAddress(c: Context<AppEnv>): string | undefined {
  try {
    return getConnInfo(c).remote.address
  } catch {
    // Not served by @hono/node-server (tests call app.request): no address to count.
    return undefined
  }
}

/** The longest a browser keeps a cookie (RFC 6265bis: 400 days), which Hono also enforces. */
const COOKIE_MAX_AGE_SECONDS = 400 * 24 * 60 * 60

/** Log-in, log-out and the signed-in user with what they may do. */
export const authRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/login',
      operationId: 'logIn',
      tags: ['auth'],
      summary: 'Log in; answers a bearer token and sets an HttpOnly session cookie',
      security: [],
      request: { body: { required: true, content: { 'application/json': { schema: LoginSchema } } } },
      responses: {
        200: { description: 'Logged in', content: { 'application/json': { schema: LoginResultSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'invalid', 'rate-limited'),
      },
    }),
    async (c) => {
      const { username, password } = c.req.valid('json')
      const { store, options } = c.var
      const now = c.var.now()
      const since = new Date(now.getTime() - options.loginWindowMs)
      const address = clientAddress(c)
      // Growing waits per account and per address (the domain's loginWait), never a lock-out:
      // the owner of an account under attack waits a minute at worst.
      const keys: [string, LoginThrottle][] = [[`user:${username.normalize('NFC').toLowerCase()}`, options.loginThrottle.account]]
      if (address) keys.push([`ip:${address}`, options.loginThrottle.address])
      let wait = 0
      for (const [key, throttle] of keys) {
        const recent = await store.loginAttempts.recentFailures(key, since)
        wait = Math.max(
          wait,
          loginWait({ failures: recent.failures, lastFailureAt: recent.lastFailureAt?.getTime() }, now.getTime(), throttle),
        )
      }
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000)
        c.header('Retry-After', String(seconds))
        throw new ApiError('rate-limited', { retryAfterSeconds: seconds })
      }
      const user = await store.users.findWithCredentials(username)
      // Hash even for an unknown user, so the answer's timing does not reveal who exists.
      const matches = await verifyPassword(password, user?.passwordHash ?? dummyHash(options.passwordCost))
      const ok = user !== undefined && matches && !user.disabled
      for (const [key] of keys) await store.loginAttempts.record(key, ok, now)
      if (!ok) {
        throw new ApiError('unauthenticated', undefined, {
          vi: 'Sai tên đăng nhập hoặc mật khẩu.',
          en: 'Wrong user name or password.',
        })
      }
      // Housekeeping rides on log-ins (no timers: the API holds no state of its own).
      await store.sessions.purgeExpired(now)
      await store.loginAttempts.purge(since)
      const session = await store.sessions.create(user.id, { now, ttlMs: options.sessionTtlMs })
      // Max-Age from the app's clock, not Expires: Hono refuses an Expires more than 400 days past
      // the machine's own clock (Date.now()), so a clock ahead of it (a test's 2030) answered 500.
      // Max-Age is relative, ends the cookie with the session whatever either clock says, and is
      // capped at the 400 days browsers keep a cookie at most (RFC 6265bis).
      const maxAge = Math.min(COOKIE_MAX_AGE_SECONDS, Math.max(0, Math.floor((session.expiresAt.getTime() - now.getTime()) / 1000)))
      const cookie = { path: '/', sameSite: 'Strict' as const, secure: options.secureCookies, maxAge }
      setCookie(c, SESSION_COOKIE, session.token, { ...cookie, httpOnly: true })
      // Readable by the page's own script, which echoes it in X-CSRF-Token.
      setCookie(c, CSRF_COOKIE, session.csrfToken, cookie)
      const { passwordHash: _, ...publicUser } = user
      return c.json(
        { token: session.token, user: publicUser, csrfToken: session.csrfToken, expiresAt: session.expiresAt.toISOString() },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      operationId: 'logOut',
      tags: ['auth'],
      summary: 'End the session',
      responses: {
        200: { description: 'Logged out', content: { 'application/json': { schema: StatusOkSchema } } },
        ...errorResponses('unauthenticated', 'forbidden'),
      },
    }),
    async (c) => {
      const auth = requireAuth(c)
      await c.var.store.sessions.delete(auth.token)
      deleteCookie(c, SESSION_COOKIE, { path: '/' })
      deleteCookie(c, CSRF_COOKIE, { path: '/' })
      return c.json({ status: 'ok' as const }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/me',
      operationId: 'getMe',
      tags: ['auth'],
      summary: 'The signed-in user, their roles and every permission the UI needs',
      responses: {
        200: { description: 'The caller', content: { 'application/json': { schema: MeSchema } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    (c) => {
      const auth = requireAuth(c)
      return c.json({ user: auth.user, roles: auth.user.roles, permissions: permissionsOf(auth.user), csrfToken: auth.csrfToken }, 200)
    },
  )
