import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i

/**
 * Text enters papi in NFC (#10 hole 8): Vietnamese typed on a Mac or pasted from a PDF often
 * comes decomposed (NFD: "ế" as e + ◌̂ + ◌́), and would then neither equal nor sort with the same
 * words typed elsewhere ("Sở Nội vụ" stored twice, searches missing it). A JSON body is normalised
 * as text, once, before any route reads it: JSON's own characters are ASCII, which NFC leaves as
 * they are, and no walk over the value (a body may nest 100 000 levels). Strings written with
 * \u escapes are JSON's own spelling and are left as sent.
 *
 * Hono's readers (`c.req.json()`, `c.req.text()`, the validators) take the body from the request's
 * body cache: its text is the normalised text, read from the request the first time one of them
 * asks for it. No second `Request` is built (that cost a report save ~25 µs of CPU, #11), and a
 * route that refuses its caller first never reads the body.
 *
 * @example
 * app.use('/api/v1/*', nfcJsonBody)
 */
export const nfcJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (JSON_TYPE.test(c.req.header('content-type') ?? '')) {
    const raw = c.req.raw
    let text: Promise<string> | undefined
    // The cache holds promises at run time; its type names the values.
    Object.defineProperty(c.req.bodyCache, 'text', {
      enumerable: true,
      configurable: true,
      get: () => (text ??= raw.text().then((t) => t.normalize('NFC'))),
    })
  }
  await next()
}
