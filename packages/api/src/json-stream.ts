import type { Context } from 'hono'
import type { TypedResponse } from 'hono/types'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { JSONParsed } from 'hono/utils/types'

/** Text gathered before it is encoded and handed on: small enough to stay a young-generation object. */
const CHUNK_CHARS = 16 * 1024

/**
 * How deep the stream takes arrays and plain objects apart; below that each value is one
 * `JSON.stringify`. Deep enough for the national dashboard (answer → plans → plan → sections →
 * section → tasks → task: each task and each unit line of a plan is its own piece).
 */
const MAX_DEPTH = 6

/**
 * A value as the text `JSON.stringify(value)` makes, in UTF-8 chunks of about 16 K characters,
 * each made when the reader asks for the next one. The whole text never exists at once: the
 * national dashboard is ~8.5 MB of JSON, held as one string it is 17 MB (Vietnamese names make it
 * a two-byte string) plus its 8.5 MB of UTF-8, made on every request and, being large objects,
 * kept until the next full collection: the server's peak memory (#11).
 *
 * Arrays and plain objects down to {@link MAX_DEPTH} are written piece by piece as `JSON.stringify`
 * would (properties that are undefined, functions or symbols left out, `null` in their place in
 * arrays); anything deeper, and any object with a `toJSON` (a `Date`), is one `JSON.stringify`.
 *
 * @example
 * new Response(jsonStream({ plans: [{ id: 'p1' }] })) // text: {"plans":[{"id":"p1"}]}
 */
export function jsonStream(value: unknown): ReadableStream<Uint8Array> {
  const pieces = jsonPieces(value, 0)
  const encoder = new TextEncoder()
  return new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        let text = ''
        for (;;) {
          const next = pieces.next()
          if (next.done) {
            if (text.length > 0) controller.enqueue(encoder.encode(text))
            controller.close()
            return
          }
          text += next.value
          if (text.length >= CHUNK_CHARS) {
            controller.enqueue(encoder.encode(text))
            return
          }
        }
      },
    },
    // One chunk ahead of the socket at most: the rest is made as it drains.
    { highWaterMark: 1 },
  )
}

/**
 * A JSON answer streamed with {@link jsonStream}: the same body and `Content-Type` as `c.json`,
 * typed as `c.json`'s answer so the route's typed client is unchanged, sent in chunks
 * (`Transfer-Encoding: chunked`) as the client reads.
 *
 * @example
 * return streamedJson(c, { ...dashboard, plans, totals }, 200)
 */
export function streamedJson<T, S extends ContentfulStatusCode>(c: Context, value: T, status: S): TypedResponse<JSONParsed<T>, S, 'json'> {
  const response = c.body(jsonStream(value), status, { 'Content-Type': 'application/json' })
  return response as unknown as TypedResponse<JSONParsed<T>, S, 'json'>
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value)
  return (proto === Object.prototype || proto === null) && typeof (value as { toJSON?: unknown }).toJSON !== 'function'
}

/** JSON.stringify leaves these out of objects and writes `null` for them in arrays. */
function isOmitted(value: unknown): boolean {
  return value === undefined || typeof value === 'function' || typeof value === 'symbol'
}

function* jsonPieces(value: unknown, depth: number): Generator<string, void, undefined> {
  if (depth >= MAX_DEPTH || value === null || typeof value !== 'object') {
    yield JSON.stringify(value) ?? 'null'
    return
  }
  if (Array.isArray(value)) {
    yield '['
    for (let i = 0; i < value.length; i++) {
      if (i > 0) yield ','
      const item: unknown = value[i]
      if (isOmitted(item)) yield 'null'
      else yield* jsonPieces(item, depth + 1)
    }
    yield ']'
    return
  }
  if (!isPlainObject(value)) {
    // A Date, or anything else with its own toJSON: JSON.stringify knows what it becomes.
    yield JSON.stringify(value) ?? 'null'
    return
  }
  yield '{'
  let first = true
  for (const key of Object.keys(value)) {
    const item = value[key]
    if (isOmitted(item)) continue
    // A toJSON may turn a property into nothing: it is left out, as JSON.stringify leaves it.
    const text: string | undefined =
      item !== null && typeof item === 'object' && !Array.isArray(item) && !isPlainObject(item) ? JSON.stringify(item) : ''
    if (text === undefined) continue
    yield `${first ? '' : ','}${JSON.stringify(key)}:`
    first = false
    if (text !== '') yield text
    else yield* jsonPieces(item, depth + 1)
  }
  yield '}'
}
