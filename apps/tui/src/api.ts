import { createClient, type OkBody, type PapiClient } from '@papi/api/client'
import { enumLabel, type DeletionRefusal, type Locale } from '@papi/domain'

export type { OkBody, PapiClient }

/** An answer of the API that is not a success, with its message in the user's language. */
export class ApiFailure extends Error {
  override readonly name = 'ApiFailure'
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly details?: unknown,
  ) {
    super(message)
  }
}

const REFUSALS = new Set<string>(['plan-published', 'unit-in-use', 'user-has-acted', 'own-account'])

/** An answer `ok` can read: the typed client's (a union over the route's statuses) or a plain fetch's. */
interface Answer {
  ok: boolean
  status: number
  json(): Promise<unknown>
}

/**
 * The JSON of a successful answer of the typed client, typed from the route's own 2xx responses,
 * or an {@link ApiFailure}.
 *
 * @example
 * const plans = await ok(api.api.v1.plans.$get({ query: {} }), 'en') // typed as the route answers
 */
export async function ok<R extends Answer>(response: Promise<R> | R, locale: Locale = 'vi'): Promise<OkBody<R>> {
  const res = await response
  if (!res.ok) return failure(res, locale)
  return (res.status === 204 ? undefined : await res.json()) as OkBody<R>
}

/**
 * Throws the {@link ApiFailure} an answer that is not a success stands for. The API words its
 * errors in the language asked for (Accept-Language); a refusal by one of the domain's rules is
 * named by the domain's own label, which says what to do instead.
 */
export async function failure(res: Answer, locale: Locale = 'vi'): Promise<never> {
  let body: { error?: { code?: string; message?: string; details?: { reason?: string } } } | undefined
  try {
    body = (await res.json()) as typeof body
  } catch {
    body = undefined
  }
  const reason = body?.error?.details?.reason
  const message =
    reason && REFUSALS.has(reason)
      ? enumLabel('deletionRefusal', reason as DeletionRefusal, locale)
      : (body?.error?.message ?? `HTTP ${res.status}`)
  throw new ApiFailure(message, res.status, body?.error?.code, body?.error?.details)
}

/** The typed client for a base URL, a session token and a language. */
export function apiClient(url: string, token: string | undefined, locale: Locale, fetchImpl?: typeof fetch): PapiClient {
  return createClient(url, {
    ...(token && { token }),
    headers: { 'accept-language': locale },
    ...(fetchImpl && { fetch: fetchImpl }),
  })
}

/** One line of a streamed answer (`application/x-ndjson`): a progress step, the result, or a failure. */
export type StreamLine<T> =
  | { type: 'progress'; phase: string; done: number; total: number }
  | ({ type: 'result' } & T)
  | { type: 'error'; error: { code?: string; message?: string; details?: unknown } }

/** The JSON answer of a route that can also stream: its `application/x-ndjson` variant is typed as a string. */
type Streamed<T> = Exclude<T, string>

/**
 * The result of an answer that may stream its progress: with `application/x-ndjson`, calls
 * `onProgress` for each progress line and answers the result line (an error line throws an
 * {@link ApiFailure}); any other answer is read as {@link ok} reads it (a server that does not stream).
 *
 * @example
 * const summary = await okStreamed(api.api.v1.units['import-register'].$post({ json: {} }), (p) => bar(p.done / p.total), 'vi')
 */
export async function okStreamed<R extends Answer & { body: ReadableStream | null; headers: Headers }>(
  response: Promise<R> | R,
  onProgress: (step: { phase: string; done: number; total: number }) => void,
  locale: Locale = 'vi',
): Promise<Streamed<OkBody<R>>> {
  const res = await response
  if (!res.ok || !res.body || !res.headers.get('content-type')?.startsWith('application/x-ndjson'))
    return ok(res, locale) as Promise<Streamed<OkBody<R>>>
  const reader = res.body.pipeThrough(new TextDecoderStream()).getReader()
  let rest = ''
  for (;;) {
    const { done, value } = await reader.read()
    rest += value ?? ''
    const lines = rest.split('\n')
    rest = done ? '' : (lines.pop() ?? '')
    for (const text of lines) {
      if (!text.trim()) continue
      const line = JSON.parse(text) as StreamLine<Streamed<OkBody<R>>>
      if (line.type === 'progress') onProgress(line)
      else if (line.type === 'error')
        throw new ApiFailure(line.error.message ?? `HTTP ${res.status}`, res.status, line.error.code, line.error.details)
      else {
        const { type: _type, ...result } = line
        return result as Streamed<OkBody<R>>
      }
    }
    if (done) throw new ApiFailure(`HTTP ${res.status}: the answer ended before its result`, res.status)
  }
}
