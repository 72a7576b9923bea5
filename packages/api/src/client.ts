import { hc } from 'hono/client'
import type { AppType } from './app'

export interface ClientOptions {
  /** A session token from `POST /api/v1/auth/login`, sent as `Authorization: Bearer …`. */
  token?: string
  /** Another fetch (tests pass `app.request`; Node 20 and browsers have a global one). */
  fetch?: typeof fetch
  headers?: Record<string, string>
}

/**
 * The typed papi API client (`hono/client` over the app's own route types) for the web app, the
 * TUI and outside developers. Paths, parameters, bodies and answers are checked at compile time.
 *
 * @example
 * const api = createClient('http://127.0.0.1:8787')
 * const login = await (await api.api.v1.auth.login.$post({ json: { username: 'planner', password } })).json()
 * const authed = createClient('http://127.0.0.1:8787', { token: login.token })
 * const me = await (await authed.api.v1.me.$get()).json()
 */
export function createClient(baseUrl: string, options: ClientOptions = {}) {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  return hc<AppType>(baseUrl, { headers, ...(options.fetch && { fetch: options.fetch }) })
}

export type PapiClient = ReturnType<typeof createClient>
export type { AppType }
