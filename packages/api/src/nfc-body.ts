import type { MiddlewareHandler } from 'hono'
import type { AppEnv } from './app-env'

/**
 * Text enters papi in NFC (#10 hole 8): Vietnamese typed on a Mac or pasted from a PDF often
 * comes decomposed (NFD: "ế" as e + ◌̂ + ◌́), and would then neither equal nor sort with the same
 * words typed elsewhere ("Sở Nội vụ" stored twice, searches missing it). A JSON body is normalised
 * as text, once, before any route reads it: JSON's own characters are ASCII, which NFC leaves as
 * they are, and no walk over the value (a body may nest 100 000 levels). Strings written with
 * \u escapes are JSON's own spelling and are left as sent.
 *
 * @example
 * app.use('/api/v1/*', nfcJsonBody)
 */
export const nfcJsonBody: MiddlewareHandler<AppEnv> = async (c, next) => {
  if (c.req.raw.body && /^application\/(?:[\w.+-]+\+)?json\b/i.test(c.req.header('content-type') ?? '')) {
    const text = (await c.req.text()).normalize('NFC')
    // Hono's validators parse the cached text (c.req.json()): they read the normalised one. The
    // cache holds promises at run time; its type names the values. A route reading the raw
    // stream (restore) gets the same text.
    ;(c.req.bodyCache as { text?: Promise<string> }).text = Promise.resolve(text)
    c.req.raw = new Request(c.req.raw, { body: text })
  }
  await next()
}
