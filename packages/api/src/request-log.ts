import { createMiddleware } from 'hono/factory'
import { pino, type Logger } from 'pino'
import type { AppEnv } from './app-env'

export type { Logger }

/** Writes nothing: `createApp`'s logger unless given one (tests); the server passes its own. */
export const silentLogger: Logger = pino({ level: 'silent' })

/**
 * The request log, as a service on the context: sets `c.var.log`, the app's logger bound to the
 * request's `requestId` (so every line a handler writes through it carries the id the error body
 * names), and logs one line per response — method, path, status, milliseconds.
 *
 * @example
 * app.use(requestId(), requestLog(pino()))
 * // {"level":30,"requestId":"…","method":"GET","path":"/api/health","status":200,"ms":1,"msg":"request"}
 */
export function requestLog(logger: Logger) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const log = logger.child({ requestId: c.var.requestId })
    c.set('log', log)
    const start = performance.now()
    await next()
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) }, 'request')
  })
}
