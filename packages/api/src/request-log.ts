import { createMiddleware } from 'hono/factory'
import { pino, type Logger } from 'pino'
import type { AppEnv } from './app-env'

export type { Logger }

/** Writes nothing: `createApp`'s logger unless given one (tests); the server passes its own ({@link serverLogger}). */
export const silentLogger: Logger = pino({ level: 'silent' })

/**
 * The server's log: JSON lines on stdout, written in batches — once 4 KB have gathered, or every
 * second — instead of one write per line. pino's default destination writes each line as it comes,
 * each through Node's thread pool (two thread wake-ups per request): under the report save load
 * that cost more CPU than the line itself (#11). pino writes what is left when the process exits;
 * a process killed outright loses at most the last second's lines.
 *
 * @example
 * const app = createApp({ store, logger: serverLogger(process.env.PAPI_LOG_LEVEL || 'info') })
 */
export function serverLogger(level: string): Logger {
  return pino({ level }, pino.destination({ dest: 1, minLength: 4096, periodicFlush: 1000 }))
}

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
    const log = logger.child({ requestId: c.get('requestId') })
    c.set('log', log)
    const start = performance.now()
    await next()
    log.info({ method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(performance.now() - start) }, 'request')
  })
}
