import type { MiddlewareHandler } from 'hono'
import { ApiError, errorBody } from './api-error'
import type { AppEnv } from './app-env'

/**
 * Refuses a request body past `maxBytes` with 413, without reading it first: a declared
 * Content-Length is checked at once; a chunked body is counted as the route reads it, and the
 * reading fails at the limit. Unlike hono's `bodyLimit`, which buffers a chunked body before the
 * route runs, a route that refuses the caller (a 403 checked before the body) never reads a byte.
 *
 * @example
 * app.use('/api/*', lazyBodyLimit(1024 * 1024))
 */
export function lazyBodyLimit(maxBytes: number): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    // A declared length is checked without touching the body: on @hono/node-server reading
    // `raw.body` builds the whole web Request, which the route's own reading builds anyway.
    const declared = c.req.header('content-length')
    if (declared !== undefined && !c.req.header('transfer-encoding')) {
      if (Number(declared) > maxBytes) throw new ApiError('too-large', { maxBytes })
      return next()
    }
    const body = c.req.raw.body
    if (!body) return next()
    let size = 0
    let over = false
    const reader = body.getReader()
    // Pulled only as the route reads (high-water mark 0): a pipe would read ahead.
    const counted = new ReadableStream<Uint8Array>(
      {
        async pull(controller) {
          const { done, value } = await reader.read()
          if (done) return controller.close()
          size += value.byteLength
          if (size <= maxBytes) return controller.enqueue(value)
          over = true
          controller.error(new ApiError('too-large', { maxBytes }))
          await reader.cancel()
        },
        cancel: (reason) => reader.cancel(reason),
      },
      { highWaterMark: 0 },
    )
    c.req.raw = new Request(c.req.raw, { body: counted, duplex: 'half' } as RequestInit)
    await next()
    // The reader (a validator, parseBody) may have turned the failed read into its own error: the cause was the size.
    if (over) c.res = c.json(errorBody('too-large', c.var.locale ?? 'vi', { details: { maxBytes }, requestId: c.var.requestId }), 413)
  }
}
