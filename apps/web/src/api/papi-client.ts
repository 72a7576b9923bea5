import { createClient, type OkBody } from '@papi/api/client'
import { ApiError, NETWORK_ERROR_STATUS, apiErrorFrom } from './api-error'

/** What every request needs to know about the session, read at call time. */
export interface ClientContext {
  /** Language of the API's error messages and labels (Accept-Language). */
  locale: () => string
  /** Double-submit token that cookie-authenticated writes echo in `X-CSRF-Token`. */
  csrfToken: () => string | undefined
  /** Called on any 401 so the app can drop the session and show the sign-in page. */
  onUnauthenticated?: (error: ApiError) => void
  /** Another fetch (tests); the browser's by default. */
  fetch?: typeof fetch
}

/**
 * The typed papi client (`@papi/api/client`, `hono/client` over the API's own route types) for the
 * dashboard: same origin (the session is an HttpOnly cookie), Accept-Language on every request,
 * the CSRF header on writes, 401 reported to the session. Paths, parameters and bodies are
 * checked at compile time; answers go through {@link unwrap}.
 *
 * @example
 * const api = createWebClient({ locale: () => 'vi', csrfToken: () => undefined })
 * const me = await unwrap(api.me.$get())
 */
export function createWebClient(ctx: ClientContext) {
  const doFetch = ctx.fetch ?? ((input, init) => fetch(input, init))
  const sessionFetch: typeof fetch = async (input, init) => {
    const headers = new Headers(init?.headers)
    headers.set('Accept', 'application/json')
    headers.set('Accept-Language', ctx.locale())
    const method = (init?.method ?? 'GET').toUpperCase()
    const csrf = ctx.csrfToken()
    if (method !== 'GET' && method !== 'HEAD' && csrf !== undefined) headers.set('X-CSRF-Token', csrf)
    let response: Response
    try {
      response = await doFetch(input, { ...init, headers, credentials: 'same-origin' })
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause
      throw new ApiError(NETWORK_ERROR_STATUS, 'network', (cause as Error)?.message ?? 'network error')
    }
    if (response.status === 401) ctx.onUnauthenticated?.(apiErrorFrom(401, await readJson(response.clone())))
    return response
  }
  // An empty base URL: requests go to `/api/v1/…` of the page's own origin.
  return createClient('', { fetch: sessionFetch }).api.v1
}

/** The API's `/api/v1` routes, typed. */
export type WebClient = ReturnType<typeof createWebClient>

/**
 * The body of a successful answer, or the failure as an {@link ApiError} with the API's code and
 * its message in the user's language: the one place where the error shape
 * `{ error: { code, message, details } }` turns into what the screens show.
 *
 * @example
 * const plan = await unwrap(api.plans[':id'].$get({ param: { id } }))
 */
export async function unwrap<R extends { ok: boolean; status: number; statusText: string; json(): Promise<unknown> }>(
  request: Promise<R> | R,
): Promise<OkBody<R>> {
  const response = await request
  if (!response.ok) {
    throw apiErrorFrom(response.status, await readJson(response), response.statusText || `HTTP ${response.status}`)
  }
  if (response.status === 204) return undefined as OkBody<R>
  return (await response.json()) as OkBody<R>
}

async function readJson(response: { json(): Promise<unknown> }): Promise<unknown> {
  try {
    return await response.json()
  } catch {
    return undefined
  }
}
