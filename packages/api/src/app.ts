import { OpenAPIHono } from '@hono/zod-openapi'
import type { Store } from '@papi/store'
import { requestId } from 'hono/request-id'
import { secureHeaders } from 'hono/secure-headers'
import { ACCOUNT_THROTTLE, ADDRESS_THROTTLE } from '@papi/domain'
import { classifyError, codeToStatus, errorBody } from './api-error'
import { lazyBodyLimit } from './body-limit'
import { nfcJsonBody } from './nfc-body'
import type { AppEnv, AppSettings } from './app-env'
import { localeFromHeader } from './locale'
import { PASSWORD_COST } from './password'
import { completeDocument, DOCUMENT_CONFIG } from './openapi-document'
import { requestLog, silentLogger, type Logger } from './request-log'
import { authRoutes } from './routes/auth'
import { docsRoutes } from './routes/docs'
import { healthRoutes } from './routes/health'
import { unitRoutes } from './routes/units'
import { userRoutes } from './routes/users'
import { planImportRoutes } from './routes/plan-import'
import { planRoutes } from './routes/plans'
import { planExportRoutes } from './routes/plan-exports'
import { periodRoutes } from './routes/periods'
import { periodNarrativeRoutes } from './routes/period-narrative'
import { childPlanRoutes } from './routes/child-plans'
import { reportRoutes } from './routes/reports'
import { scoreRoutes } from './routes/scores'
import { dashboardRoutes } from './routes/dashboard'
import { auditRoutes } from './routes/audit'
import { myTaskRoutes } from './routes/my-tasks'
import { webRoutes } from './routes/web'
import { adminRoutes } from './routes/admin'
import { backupRoutes } from './routes/backup'
import { sshAuthRoutes } from './routes/ssh-auth'
import { confirmSession, noSession, readSession, requireSessionUnless } from './session'

export interface CreateAppOptions extends Partial<AppSettings> {
  store: Store
  /** The clock; tests hand in a fixed one. Defaults to the system clock. */
  clock?: () => Date
  /** The request log (pino): one line per request and every unexpected error, keyed by requestId. Silent by default. */
  logger?: Logger
  /** Folder of the built web dashboard (apps/web/dist); served at `/` when it exists. */
  webDist?: string
}

/** Security headers of JSON answers (pages get hono's full `secureHeaders` set). */
const API_HEADER_RECORD = {
  'content-security-policy': "default-src 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
} as const
const API_HEADERS = Object.entries(API_HEADER_RECORD)

const BODYLESS_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The answer of `GET /api/health`. */
const HEALTH_BODY = JSON.stringify({ status: 'ok' })

/**
 * The papi HTTP API as a Hono app over a store: test it with `app.request`, serve it with
 * `src/server.ts`. Everything lives under `/api/v1`, besides `/api/health`, `/api/openapi.json`,
 * `/api/docs` and the web dashboard at `/`.
 *
 * @example
 * const app = createApp({ store: await openStore({ dataDir: 'memory://' }) })
 * const res = await app.request('/api/health') // 200 { status: 'ok' }
 */
export function createApp(options: CreateAppOptions) {
  const settings: AppSettings = {
    sessionTtlMs: options.sessionTtlMs ?? 8 * 60 * 60 * 1000,
    loginThrottle: options.loginThrottle ?? { account: ACCOUNT_THROTTLE, address: ADDRESS_THROTTLE },
    loginWindowMs: options.loginWindowMs ?? 15 * 60 * 1000,
    bodyLimit: options.bodyLimit ?? 4 * 1024 * 1024,
    uploadLimit: options.uploadLimit ?? 10 * 1024 * 1024,
    secureCookies: options.secureCookies ?? false,
    restoreLimit: options.restoreLimit ?? 4 * 1024 * 1024 * 1024,
    passwordCost: options.passwordCost ?? PASSWORD_COST,
    sshGatewaySecret: options.sshGatewaySecret,
  }
  const clock = options.clock ?? (() => new Date())

  const app = new OpenAPIHono<AppEnv>()

  // Health checks (a load balancer polls them every few seconds) are answered before Hono routes
  // anything: see `answerHealthFirst` below. `healthRoutes` documents the operation.
  app.use(requestId(), requestLog(options.logger ?? silentLogger), localeFromHeader())
  // Pages (the web app, the API docs) get the full set with their content policy; JSON answers a
  // short fixed set: the same protections that matter for a JSON body, a fraction of the bytes.
  const pageHeaders = secureHeaders({
    contentSecurityPolicy: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      styleSrc: ["'self'"],
      imgSrc: ["'self'"],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      objectSrc: ["'none'"],
      frameAncestors: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
    },
  })
  app.use(async (c, next) => {
    const path = c.req.path
    if (!path.startsWith('/api/') || path.startsWith('/api/docs')) return pageHeaders(c, next)
    await next()
    for (const [name, value] of API_HEADERS) c.res.headers.set(name, value)
  })
  app.use(async (c, next) => {
    c.set('store', options.store)
    c.set('now', clock)
    c.set('options', settings)
    await next()
  })
  // Answers carry one user's data: no browser or proxy cache may keep them (OWASP ASVS 8.2.1), a
  // refused body's answer included (this runs before the body limits). The header goes on the
  // answer's own headers: `c.header` after the answer is made builds the answer again (Hono copies
  // its body into a new Response, which turns @hono/node-server's light Response into a full one
  // with a stream for its body) — a fifth of the API's CPU per report save (#11).
  app.use('/api/v1/*', async (c, next) => {
    await next()
    c.res.headers.set('Cache-Control', 'no-store')
  })
  // Only requests that carry a body are limited (GETs never read one); uploads (plan documents,
  // score tables) and backups to restore may be larger than JSON bodies. The limits are built once,
  // and read nothing themselves: a route that refuses its caller first never reads the body.
  const jsonLimit = lazyBodyLimit(settings.bodyLimit)
  const uploadLimit = lazyBodyLimit(settings.uploadLimit)
  const restoreLimit = lazyBodyLimit(settings.restoreLimit)
  app.use('/api/*', (c, next) => {
    if (BODYLESS_METHODS.has(c.req.method)) return next()
    const path = c.req.path
    return (path === '/api/v1/restore' ? restoreLimit : path.endsWith('/import') ? uploadLimit : jsonLimit)(c, next)
  })
  app.use('/api/v1/*', readSession)
  // Every operation of the document but those it marks public (`security: []`) needs a session
  // before it looks anything up; a path no operation has stays a 404. Read from the routes once.
  let operations: { method: string; pattern: RegExp; public: boolean }[] | undefined
  app.use(
    '/api/v1/*',
    requireSessionUnless((method, path) => {
      operations ??= app.openAPIRegistry.definitions.flatMap((d) =>
        d.type === 'route'
          ? [
              {
                method: d.route.method.toUpperCase(),
                pattern: new RegExp(`^${d.route.path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
                public: d.route.security?.length === 0,
              },
            ]
          : [],
      )
      const operation = operations.find((o) => (o.method === method || (method === 'HEAD' && o.method === 'GET')) && o.pattern.test(path))
      return operation === undefined || operation.public
    }),
  )
  app.use('/api/v1/*', nfcJsonBody)

  app.onError(async (caught, c) => {
    const locale = c.var.locale ?? 'vi'
    const requestId = c.var.requestId
    // A session taken from the cache (session.ts) is read before an error is answered: one that
    // ended meanwhile gets the 401 it would have had, not a 403 or a 422.
    const error = c.var.sessionCheck
      ? await confirmSession(c).then(
          (signedIn) => (signedIn ? caught : noSession()),
          (e: unknown) => e,
        )
      : caught
    const { code, details, text, unexpected } = classifyError(error)
    if (unexpected) c.var.log.error({ err: error }, 'unexpected error')
    return c.json(errorBody(code, locale, { details, requestId, text }), codeToStatus[code])
  })
  app.notFound((c) =>
    c.json(
      errorBody('not-found', c.var.locale ?? 'vi', {
        details: { reason: 'no such route', method: c.req.method, path: c.req.path },
        requestId: c.var.requestId,
      }),
      404,
    ),
  )

  const routes = app
    .route('/api', healthRoutes)
    .route('/api/v1', authRoutes)
    .route('/api/v1', unitRoutes)
    .route('/api/v1', userRoutes)
    .route('/api/v1', planImportRoutes)
    .route('/api/v1', planRoutes)
    .route('/api/v1', planExportRoutes)
    .route('/api/v1', periodRoutes)
    .route('/api/v1', periodNarrativeRoutes)
    .route('/api/v1', childPlanRoutes)
    .route('/api/v1', reportRoutes)
    .route('/api/v1', myTaskRoutes)
    .route('/api/v1', scoreRoutes)
    .route('/api/v1', dashboardRoutes)
    .route('/api/v1', auditRoutes)
    .route('/api/v1', adminRoutes)
    .route('/api/v1', sshAuthRoutes)
    .route('/api/v1', backupRoutes)

  // The document is generated from the routes once, on first request, and completed with what
  // every route shares (security, error responses).
  let document: ReturnType<typeof completeDocument> | undefined
  app.get('/api/openapi.json', (c) => {
    document ??= completeDocument(app.getOpenAPI31Document(DOCUMENT_CONFIG))
    return c.json(document)
  })
  app.route('/api', docsRoutes)
  app.route('/', webRoutes(options.webDist))

  answerHealthFirst(app)
  return routes
}

/**
 * `GET /api/health` is answered at the door of `fetch`, before Hono routes the request (#11: health
 * at 0.7× bare Hono or better): with the security headers of every JSON answer and a request id,
 * and nothing else — no request-log line, no language, no session. Answered synchronously, with
 * the headers as a plain record, @hono/node-server writes the response at once (its fast path for
 * a `Response` that is not a promise); through Hono's middleware chain the same answer is a
 * promise and waits a few turns of the event loop, at ~0.5× bare Hono in req/s. The ids are this
 * app's random prefix and a count (no log line carries them); reading the caller's X-Request-Id
 * would make @hono/node-server build the whole `Request`. HEAD and the rest go through Hono.
 */
function answerHealthFirst(app: OpenAPIHono<AppEnv>) {
  const healthIds = crypto.randomUUID().slice(0, 8)
  let healthCount = 0
  const routed = app.fetch
  app.fetch = (request, env, executionCtx) => {
    if (request.method === 'GET' && isHealthUrl(request.url)) {
      const headers = { 'content-type': 'application/json', ...API_HEADER_RECORD, 'x-request-id': `health-${healthIds}-${++healthCount}` }
      return new Response(HEALTH_BODY, { status: 200, headers })
    }
    return routed(request, env, executionCtx)
  }
}

const HEALTH_PATH = '/api/health'

/** Whether a request URL's path is `/api/health` (with or without a query), read as Hono reads a path. */
function isHealthUrl(url: string): boolean {
  const start = url.indexOf('/', url.indexOf(':') + 3)
  if (start < 0 || !url.startsWith(HEALTH_PATH, start)) return false
  const end = start + HEALTH_PATH.length
  return url.length === end || url[end] === '?' || url[end] === '#'
}

/** The API's type, for the typed client (`hc<AppType>`). */
export type AppType = ReturnType<typeof createApp>
