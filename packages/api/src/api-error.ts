import { z } from '@hono/zod-openapi'
import type { Locale } from '@papi/domain'
import { storeErrorOf, type StoreErrorCode } from '@papi/store'
import { HTTPException } from 'hono/http-exception'
import { ZodError } from 'zod'
import type { ContentfulStatusCode } from 'hono/utils/http-status'

/** Every error code the API answers with; each maps to exactly one HTTP status. */
export const ErrorCodeSchema = z.enum([
  'malformed', // 400: not JSON, not a form, unreadable
  'unauthenticated', // 401: no or expired session, bad credentials
  'forbidden', // 403: outside the user's scope, or a bad CSRF token
  'not-found', // 404
  'conflict', // 409: taken key, wrong state, stale version
  'too-large', // 413
  'invalid', // 422: well-formed but wrong (zod issues in details)
  'rate-limited', // 429: too many log-in attempts
  'internal', // 500: a bug of ours, never a client mistake
])
export type ErrorCode = z.infer<typeof ErrorCodeSchema>

/** The one place where an error code becomes an HTTP status. */
export const codeToStatus = {
  malformed: 400,
  unauthenticated: 401,
  forbidden: 403,
  'not-found': 404,
  conflict: 409,
  'too-large': 413,
  invalid: 422,
  'rate-limited': 429,
  internal: 500,
} as const satisfies Record<ErrorCode, ContentfulStatusCode>

/** The messages of each code, in both product languages (Vietnamese first). */
const MESSAGES: Record<ErrorCode, Record<Locale, string>> = {
  malformed: { vi: 'Yêu cầu không đúng định dạng.', en: 'The request is malformed.' },
  unauthenticated: { vi: 'Vui lòng đăng nhập.', en: 'Please log in.' },
  forbidden: { vi: 'Bạn không có quyền thực hiện thao tác này.', en: 'You may not do this.' },
  'not-found': { vi: 'Không tìm thấy.', en: 'Not found.' },
  conflict: {
    vi: 'Dữ liệu đã thay đổi hoặc xung đột; vui lòng tải lại và thử lại.',
    en: 'The data changed or conflicts; reload and try again.',
  },
  'too-large': { vi: 'Dữ liệu gửi lên quá lớn.', en: 'The request body is too large.' },
  invalid: { vi: 'Dữ liệu không hợp lệ.', en: 'The data is invalid.' },
  'rate-limited': {
    vi: 'Đăng nhập sai quá nhiều lần; vui lòng thử lại sau.',
    en: 'Too many log-in attempts; try again later.',
  },
  internal: { vi: 'Lỗi hệ thống; vui lòng thử lại sau.', en: 'Something went wrong on our side; try again later.' },
}

/** The generic message of an error code in a locale. */
export function errorMessage(code: ErrorCode, locale: Locale): string {
  return MESSAGES[code][locale]
}

/** The error body of every response that is not a success. */
export const ErrorSchema = z
  .object({
    error: z.object({
      code: ErrorCodeSchema,
      message: z.string(),
      details: z.unknown().optional(),
      requestId: z.string().optional(),
    }),
  })
  .openapi('Error')
export type ErrorBody = z.infer<typeof ErrorSchema>

/**
 * An expected failure raised anywhere in a request; `app.onError` turns it into the error body.
 * `message` is an own sentence in both languages when the generic one for the code says too little.
 *
 * @example
 * throw new ApiError('forbidden', { unitId })
 */
export class ApiError extends Error {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ErrorCode,
    readonly details?: unknown,
    readonly text?: Record<Locale, string>,
  ) {
    super(text?.en ?? MESSAGES[code].en)
  }
}

/** The error body for a code in a locale. */
export function errorBody(
  code: ErrorCode,
  locale: Locale,
  options: { details?: unknown; requestId?: string; text?: Record<Locale, string> } = {},
): ErrorBody {
  return {
    error: {
      code,
      message: (options.text ?? MESSAGES[code])[locale],
      ...(options.details !== undefined && { details: options.details }),
      ...(options.requestId !== undefined && { requestId: options.requestId }),
    },
  }
}

/** OpenAPI `responses` entries for the error statuses a route may answer. */
export function errorResponses(...codes: ErrorCode[]) {
  return Object.fromEntries(
    codes.map((code) => [codeToStatus[code], { description: MESSAGES[code].en, content: { 'application/json': { schema: ErrorSchema } } }]),
  ) as Record<number, { description: string; content: { 'application/json': { schema: typeof ErrorSchema } } }>
}

const STORE_TO_API: Record<StoreErrorCode, ErrorCode> = {
  'not-found': 'not-found',
  conflict: 'conflict',
  'version-conflict': 'conflict',
  invalid: 'invalid',
}

function isWorded(value: unknown): value is Record<Locale, string> {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as { vi?: unknown }).vi === 'string' &&
    typeof (value as { en?: unknown }).en === 'string'
  )
}

function httpToCode(status: number): ErrorCode {
  switch (status) {
    case 400:
    case 415: // wrong Content-Type: the body is not what the route reads
      return 'malformed'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not-found'
    case 409:
      return 'conflict'
    case 413:
      return 'too-large'
    case 422:
      return 'invalid'
    case 429:
      return 'rate-limited'
    default:
      return status >= 400 && status < 500 ? 'malformed' : 'internal'
  }
}

/**
 * What a thrown value answers as: its code, details and own wording. `app.onError` sends it as the
 * error body; a route that already sent its headers (a stream) writes it as its last line.
 */
export function classifyError(error: unknown): { code: ErrorCode; details?: unknown; text?: Record<Locale, string>; unexpected?: true } {
  if (error instanceof ApiError) return { code: error.code, details: error.details, text: error.text }
  // A StoreError, or a value the database rejected (NUL bytes, out-of-range dates, taken keys…).
  const storeError = storeErrorOf(error)
  if (storeError) {
    const { text: worded, ...rest } = (storeError.details && typeof storeError.details === 'object' ? storeError.details : {}) as {
      text?: unknown
    }
    // A rule that words its refusal for people (the domain's workProgressIssue) says it in the caller's language.
    return {
      code: STORE_TO_API[storeError.code],
      details: { reason: storeError.message, ...rest },
      ...(isWorded(worded) && { text: worded }),
    }
  }
  if (error instanceof ZodError) {
    // A schema checked deeper than the route (the store re-parses domain input).
    return {
      code: 'invalid',
      details: { issues: error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })) },
    }
  }
  if (error instanceof HTTPException) return { code: httpToCode(error.status), details: { reason: error.message } }
  return { code: 'internal', unexpected: true }
}
