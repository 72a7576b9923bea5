// @papi/client: the papi API as typed calls for e-office systems and provincial portals. Types are
// openapi-typescript's reading of the API's OpenAPI document (src/generated, written by
// scripts/generate.ts); calls go through openapi-fetch. Nothing here knows papi's server code.
import createFetchClient, { type Client } from 'openapi-fetch'
import type { components, operations, paths } from './generated/openapi'

export type { components, operations, paths }

/** Every named schema of the API: `Schemas['PlanSummary']`, `Schemas['StoredReport']`… */
export type Schemas = components['schemas']

/** The body of every answer that is not a success: `{ error: { code, message, details, requestId } }`. */
export type ErrorBody = Schemas['Error']

/** What went wrong, one code per HTTP status (`conflict` is 409, `invalid` 422…). */
export type ErrorCode = ErrorBody['error']['code']

/** The name of every operation (`listPlans`, `saveReport`…), as in the OpenAPI document. */
export type OperationId = keyof operations

/** The language of the API's messages: Vietnamese (the default) or English. */
export type Language = 'vi' | 'en'

/** The typed client: `GET`, `POST`, `PUT`, `PATCH`, `DELETE` on the API's paths. */
export type PapiClient = Client<paths>

export interface ClientOptions {
  /** A session token (`signIn` gets one), sent as `Authorization: Bearer …`. */
  token?: string
  /** The language of error messages (`Accept-Language`); Vietnamese when left out. */
  language?: Language
  /** Another fetch (a proxy, a test double); the global one by default. */
  fetch?: (request: Request) => Promise<Response>
  /** Headers sent with every request. */
  headers?: Record<string, string>
}

/**
 * A client for the papi server at `baseUrl` (its root, without `/api`). Without a token it can
 * call only what needs no sign-in (`GET /api/health`, `POST /api/v1/auth/login`).
 *
 * @example
 * const papi = createClient('https://papi.example.gov.vn', { token, language: 'en' })
 * const { data, error } = await papi.GET('/api/v1/plans')
 */
export function createClient(baseUrl: string, options: ClientOptions = {}): PapiClient {
  const headers: Record<string, string> = { ...options.headers }
  if (options.token) headers.authorization = `Bearer ${options.token}`
  if (options.language) headers['accept-language'] = options.language
  return createFetchClient<paths>({ baseUrl: baseUrl.replace(/\/+$/, ''), headers, ...(options.fetch && { fetch: options.fetch }) })
}

/** A signed-in session: a client that sends its token, and who is signed in. */
export interface Session {
  client: PapiClient
  /** The bearer token; keep it to make another client (`createClient(url, { token })`). */
  token: string
  user: Schemas['User']
  /** When the session ends (ISO 8601); sign in again after. */
  expiresAt: string
}

/**
 * Signs in with a user name and password and answers a client that sends the session's token.
 * Throws a `PapiError`: `unauthenticated` (401) for wrong credentials, `rate-limited` (429) after
 * too many attempts (`details.retryAfterSeconds`).
 *
 * @example
 * const { client: papi, user } = await signIn('http://127.0.0.1:8787', { username: 'planner', password })
 */
export async function signIn(
  baseUrl: string,
  credentials: { username: string; password: string },
  options: Omit<ClientOptions, 'token'> = {},
): Promise<Session> {
  const result = await createClient(baseUrl, options).POST('/api/v1/auth/login', { body: credentials })
  const { token, user, expiresAt } = unwrap(result)
  return { client: createClient(baseUrl, { ...options, token }), token, user, expiresAt }
}

/** An answer of the API that is not a success, as an exception (`unwrap` and `signIn` throw it). */
export class PapiError extends Error {
  override readonly name = 'PapiError'
  /** The HTTP status: 400, 401, 403, 404, 409, 413, 422, 429 or 500. */
  readonly status: number
  readonly code: ErrorCode
  /** More about the error: for `invalid`, the issues with the path of each field. */
  readonly details: unknown
  /** The server's id of the request, to quote when asking for help (it is in the server's log). */
  readonly requestId: string | undefined

  constructor(status: number, body: unknown) {
    const error = isErrorBody(body) ? body.error : undefined
    super(error?.message ?? `HTTP ${status}`)
    this.status = status
    this.code = error?.code ?? 'internal'
    this.details = error ? error.details : body
    this.requestId = error?.requestId
  }
}

/**
 * The data of a call's answer, or a `PapiError` thrown when the API answered an error.
 *
 * @example
 * const plans = unwrap(await papi.GET('/api/v1/plans'))
 */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.error !== undefined || !result.response.ok) throw new PapiError(result.response.status, result.error)
  return result.data as T
}

function isErrorBody(body: unknown): body is ErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false
  const error = (body as { error: unknown }).error
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string'
}
