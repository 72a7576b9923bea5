import { ApiError, NETWORK_ERROR_STATUS, apiErrorFrom } from './api-error'

/** What every request needs to know about the session, read at call time. */
export interface HttpContext {
  /** Language of error messages (Accept-Language). */
  locale: () => string
  /** Double-submit token that cookie-authenticated writes echo in `X-CSRF-Token`. */
  csrfToken: () => string | undefined
  /** Called on any 401 so the app can drop the session and show the sign-in page. */
  onUnauthenticated?: (error: ApiError) => void
  fetch?: typeof fetch
}

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'
  body?: unknown
  query?: Record<string, string | number | undefined | null>
  signal?: AbortSignal
}

export type Http = <T>(path: string, options?: RequestOptions) => Promise<T>

/**
 * A `fetch` over the papi API: same origin only (the session is an HttpOnly cookie), JSON in and
 * out, errors as {@link ApiError} with the API's message in the user's language.
 *
 * @example
 * const http = httpClient({ locale: () => 'vi', csrfToken: () => undefined })
 * const me = await http<Me>('/api/v1/me')
 */
export function httpClient(ctx: HttpContext): Http {
  const doFetch = ctx.fetch ?? ((input, init) => fetch(input, init))
  return async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
    const method = options.method ?? 'GET'
    const headers: Record<string, string> = { Accept: 'application/json', 'Accept-Language': ctx.locale() }
    if (options.body !== undefined) headers['Content-Type'] = 'application/json'
    const csrf = ctx.csrfToken()
    if (method !== 'GET' && csrf !== undefined) headers['X-CSRF-Token'] = csrf

    let response: Response
    try {
      response = await doFetch(withQuery(path, options.query), {
        method,
        headers,
        credentials: 'same-origin',
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
        signal: options.signal,
      })
    } catch (cause) {
      if ((cause as Error)?.name === 'AbortError') throw cause
      throw new ApiError(NETWORK_ERROR_STATUS, 'network', (cause as Error)?.message ?? 'network error')
    }

    const body: unknown = await readBody(response)
    if (!response.ok) {
      const error = apiErrorFrom(response.status, body, response.statusText || `HTTP ${response.status}`)
      if (error.isUnauthenticated) ctx.onUnauthenticated?.(error)
      throw error
    }
    return body as T
  }
}

async function readBody(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined
  const type = response.headers.get('content-type') ?? ''
  if (!type.includes('json')) return undefined
  try {
    return await response.json()
  } catch {
    return undefined
  }
}

/**
 * Appends the query parameters that have a value.
 *
 * @example
 * withQuery('/api/v1/dashboard', { unitId: 'kg', periodId: undefined }) // '/api/v1/dashboard?unitId=kg'
 */
export function withQuery(path: string, query: RequestOptions['query']): string {
  if (query === undefined) return path
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value))
  }
  const qs = params.toString()
  return qs === '' ? path : `${path}${path.includes('?') ? '&' : '?'}${qs}`
}
