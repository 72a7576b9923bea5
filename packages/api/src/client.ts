import { hc } from 'hono/client'
import type { AppType } from './app'

export interface ClientOptions {
  /** A session token from `POST /api/v1/auth/login`, sent as `Authorization: Bearer …`. */
  token?: string
  /** Another fetch (tests pass `app.request`; Node 20 and browsers have a global one). */
  fetch?: typeof fetch
  headers?: Record<string, string>
}

// Hono's RPC guide ("compile your code before using it"): the client's type is computed once,
// here, and this package's typecheck emits it as a self-contained declaration
// (types/packages/api/src/client.d.ts, which imports nothing but hono). `@papi/api/client`'s
// "types" points there, so the web's and the TUI's typecheck never load the API's routes, nor the
// store's and documents' sources behind them.
const typedClient = hc<AppType>('')

/** The typed papi client: `createClient`'s answer. */
export type PapiClient = typeof typedClient

/**
 * The body of a successful answer of the typed client: what `res.json()` gives for the route's
 * 2xx responses (a client answer is a union over the route's statuses, each with `ok` as a literal).
 *
 * @example
 * type Plans = OkBody<Awaited<ReturnType<PapiClient['api']['v1']['plans']['$get']>>>
 */
export type OkBody<R> = R extends { ok: true; json(): Promise<infer T> } ? T : never

/**
 * The typed papi API client (`hono/client` over the app's own route types) for the web app and
 * the TUI. Paths, parameters, bodies and answers are checked at compile time. Outside developers
 * use `@papi/client` instead: the published package, typed from the OpenAPI document.
 *
 * @example
 * const api = createClient('http://127.0.0.1:8787')
 * const login = await (await api.api.v1.auth.login.$post({ json: { username: 'planner', password } })).json()
 * const authed = createClient('http://127.0.0.1:8787', { token: login.token })
 * const me = await (await authed.api.v1.me.$get()).json()
 */
export function createClient(baseUrl: string, options: ClientOptions = {}): PapiClient {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  return hc<AppType>(baseUrl, { headers, ...(options.fetch && { fetch: options.fetch }) })
}
