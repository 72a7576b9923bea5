/**
 * A failed API call as the dashboard sees it: the API's `{ error: { code, message, details } }`
 * (message already in the user's language, from Accept-Language), or a transport failure.
 * Forms read `details` to put a message next to the field that caused it.
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message)
  }

  /** Someone else saved first (optimistic concurrency, HTTP 409). */
  get isConflict(): boolean {
    return this.status === 409
  }

  /** The session is gone or never was. */
  get isUnauthenticated(): boolean {
    return this.status === 401
  }
}

/** `status` of errors raised before any HTTP answer (offline, DNS, aborted). */
export const NETWORK_ERROR_STATUS = 0

interface ErrorBody {
  error?: { code?: unknown; message?: unknown; details?: unknown }
}

/**
 * Turns an HTTP answer that is not OK into an {@link ApiError}, keeping the API's code and
 * message when the body has the papi error shape and falling back to the status otherwise.
 *
 * @example
 * apiErrorFrom(409, { error: { code: 'version-conflict', message: '…' } }).isConflict // true
 */
export function apiErrorFrom(status: number, body: unknown, fallbackMessage = `HTTP ${status}`): ApiError {
  const err = (body as ErrorBody | null)?.error
  const code = typeof err?.code === 'string' ? err.code : `http-${status}`
  const message = typeof err?.message === 'string' && err.message !== '' ? err.message : fallbackMessage
  return new ApiError(status, code, message, err?.details)
}

/**
 * The message an error's `details` attach to one field, when the API names fields
 * (`details: { fields: { narrative: '…' } }` or zod-style `details: { issues: [{ path, message }] }`).
 * A field inside a list is named by its path (`['sections', 2, 'weight']`).
 *
 * @example
 * fieldError(new ApiError(400, 'invalid', 'x', { issues: [{ path: ['progress'], message: 'max 100' }] }), 'progress') // 'max 100'
 * fieldError(new ApiError(422, 'invalid', 'x', { issues: [{ path: ['sections', 2, 'weight'], message: '> 0' }] }), ['sections', 2, 'weight']) // '> 0'
 */
export function fieldError(error: unknown, field: string | readonly (string | number)[]): string | undefined {
  if (!(error instanceof ApiError)) return undefined
  const d = error.details as
    | { fields?: Record<string, unknown>; issues?: { path?: unknown[]; message?: unknown }[]; field?: unknown }
    | undefined
  if (d === undefined || d === null || typeof d !== 'object') return undefined
  if (typeof field === 'string') {
    const direct = d.fields?.[field]
    if (typeof direct === 'string') return direct
    if (d.field === field) return error.message
  }
  const path = typeof field === 'string' ? [field] : field
  const issue = d.issues?.find((i) => Array.isArray(i.path) && path.every((step, n) => String(i.path?.[n]) === String(step)))
  return typeof issue?.message === 'string' ? issue.message : undefined
}
