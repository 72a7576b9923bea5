// The OpenAPI document as outside developers read it. Routes describe their own requests and
// answers (createRoute); what is the same for every route — the security schemes, which error
// statuses a kind of request may get, the shared error responses — is added here once, so a new
// route gets it without repeating it (issue #14).
import { codeToStatus, errorMessage, type ErrorCode } from './api-error'
import { SESSION_COOKIE } from './session'

type Json = Record<string, any>

/** The document's header: what papi is, how to sign in, how errors look. */
export const DOCUMENT_CONFIG = {
  openapi: '3.1.0',
  info: {
    title: 'papi API',
    version: '1.0.0',
    description: [
      'Action plans to raise PAPI, PAR INDEX and SIPAS results: plans, their tasks and assignees, periodic reports from every unit, dashboards and index scores.',
      '',
      '**Signing in.** `POST /api/v1/auth/login` answers a session token: send it as `Authorization: Bearer <token>`. Browsers use the HttpOnly session cookie the same call sets instead, and echo the `csrfToken` of the answer in the `X-CSRF-Token` header on every write (POST, PUT, PATCH, DELETE).',
      '',
      '**Errors** always answer `{ error: { code, message, details, requestId } }`; `code` maps to exactly one HTTP status, `message` follows `Accept-Language` (Vietnamese by default, English on request).',
      '',
      '**Periods.** A `periodId` is a reporting period code — `2018S1` (first half of 2018), `2018Q3` (third quarter), `2018` (the year) — while `Period.id` is the UUID of a period opened on one plan.',
    ].join('\n'),
    license: { name: 'Proprietary', identifier: 'LicenseRef-papi' },
  },
  servers: [{ url: '/', description: 'The papi server that serves this document' }],
  tags: [
    { name: 'system', description: 'Liveness of the server' },
    { name: 'auth', description: 'Signing in and out; the signed-in user and what they may do' },
    { name: 'units', description: 'The administrative units (province, departments, districts, communes) and their history' },
    { name: 'users', description: 'User accounts and their roles' },
    { name: 'plans', description: 'Action plans: import, edit, publish, assignments' },
    { name: 'targets', description: 'Plan and task targets, evaluated against scores and reported values' },
    { name: 'exports', description: 'Official tables and reports as .xlsx, .docx and .csv' },
    { name: 'periods', description: 'Reporting periods, their cut-off windows and deadlines' },
    { name: 'reports', description: 'Periodic reports of units on their tasks, and their review' },
    { name: 'scores', description: 'Published index results (PAPI, PAR INDEX, SIPAS)' },
    { name: 'dashboard', description: 'Completeness, timeliness and progress' },
    { name: 'audit', description: 'Who changed what, when' },
  ],
  security: [{ bearer: [] }, { sessionCookie: [] }] as Record<string, string[]>[],
}

const SECURITY_SCHEMES = {
  bearer: {
    type: 'http',
    scheme: 'bearer',
    description: 'The `token` of `POST /api/v1/auth/login`, as `Authorization: Bearer <token>`.',
  },
  sessionCookie: {
    type: 'apiKey',
    in: 'cookie',
    name: SESSION_COOKIE,
    description: 'The HttpOnly session cookie `POST /api/v1/auth/login` sets (browsers). Writes need `csrfToken` too.',
  },
  csrfToken: {
    type: 'apiKey',
    in: 'header',
    name: 'X-CSRF-Token',
    description: 'The `csrfToken` of the log-in answer (or of `GET /api/v1/me`), echoed on every write made with the session cookie.',
  },
} as const

/** The name of each error code's shared response (`#/components/responses/<name>`). */
const RESPONSE_NAMES: Record<ErrorCode, string> = {
  malformed: 'Malformed',
  unauthenticated: 'Unauthenticated',
  forbidden: 'Forbidden',
  'not-found': 'NotFound',
  conflict: 'Conflict',
  'too-large': 'TooLarge',
  invalid: 'Invalid',
  'rate-limited': 'RateLimited',
  internal: 'Internal',
}

const EXAMPLE_DETAILS: Partial<Record<ErrorCode, unknown>> = {
  forbidden: { reason: 'csrf' },
  'too-large': { maxBytes: 1048576 },
  invalid: { issues: [{ path: ['completedOn'], code: 'custom', message: 'Required when the work is done' }] },
}

function errorResponse(code: ErrorCode) {
  return {
    description: errorMessage(code, 'en'),
    ...(code === 'rate-limited' && {
      headers: {
        'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer', minimum: 0 } },
      },
    }),
    content: {
      'application/json': {
        schema: { $ref: '#/components/schemas/Error' },
        example: {
          error: {
            code,
            message: errorMessage(code, 'vi'),
            ...(EXAMPLE_DETAILS[code] !== undefined && { details: EXAMPLE_DETAILS[code] }),
            requestId: '3f0c2a9e-5b1d-4c47-9a7e-2f8d6b1e0c55',
          },
        },
      },
    },
  }
}

const WRITES = new Set(['post', 'put', 'patch', 'delete'])
const STATUS_OF = Object.fromEntries(Object.entries(codeToStatus).map(([code, status]) => [String(status), code])) as Record<
  string,
  ErrorCode
>

/**
 * Completes a generated document: security per operation, the error statuses each kind of request
 * may get, and every error response as a named shared one.
 *
 * - every operation: `default` (a bug of ours: `internal`, or any status not listed);
 * - signed-in operations: 401; writes also 403 (scope, or a cookie session without its CSRF token);
 * - a request body: 400 (unreadable), 413 (too large), 422 (fails the schema);
 * - path or query parameters: 422 (fail their schema).
 */
export function completeDocument(doc: Json): Json {
  doc.components ??= {}
  doc.components.securitySchemes = { ...SECURITY_SCHEMES }
  doc.components.responses = Object.fromEntries(
    (Object.keys(RESPONSE_NAMES) as ErrorCode[]).map((code) => [RESPONSE_NAMES[code], errorResponse(code)]),
  )
  for (const item of Object.values<Json>(doc.paths ?? {})) {
    for (const [method, op] of Object.entries<Json>(item)) {
      const isPublic = Array.isArray(op.security) && op.security.length === 0
      const write = WRITES.has(method)
      if (!isPublic && write) op.security = [{ bearer: [] }, { sessionCookie: [], csrfToken: [] }]
      const responses: Json = (op.responses ??= {})
      const add = (code: ErrorCode) => {
        responses[String(codeToStatus[code])] ??= {}
      }
      if (!isPublic) add('unauthenticated')
      if (!isPublic && write) add('forbidden')
      if (op.requestBody) {
        add('malformed')
        add('too-large')
        add('invalid')
      }
      if (op.parameters?.length) add('invalid')
      for (const status of Object.keys(responses)) {
        const code = STATUS_OF[status]
        if (code) responses[status] = { $ref: `#/components/responses/${RESPONSE_NAMES[code]}` }
      }
      responses.default = { $ref: `#/components/responses/${RESPONSE_NAMES.internal}` }
      delete responses[String(codeToStatus.internal)]
      op.responses = Object.fromEntries(Object.entries(responses).sort(([a], [b]) => (a === 'default' ? 1 : b === 'default' ? -1 : a.localeCompare(b))))
    }
  }
  return doc
}
