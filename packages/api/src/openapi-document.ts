// The OpenAPI document as outside developers read it. Routes describe their own requests and
// answers (createRoute); what is the same for every route — the security schemes, which error
// statuses a kind of request may get, the shared error responses — is added here once, so a new
// route gets it without repeating it (issue #14).
import type { OpenAPIHono } from '@hono/zod-openapi'
import { codeToStatus, errorMessage, type ErrorCode } from './api-error'
import { SESSION_COOKIE } from './session'

/** The OpenAPI 3.1 document as @hono/zod-openapi generates it (openapi3-ts's `OpenAPIObject`). */
type OpenApiDocument = ReturnType<OpenAPIHono['getOpenAPI31Document']>
type PathItem = NonNullable<OpenApiDocument['paths']>[string]
type Operation = NonNullable<PathItem['get']>
type Parameter = NonNullable<Operation['parameters']>[number]

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
      '**Periods.** A `periodId` is a reporting period code — `2018S1` (first half of 2018), `2018Q3` (third quarter), `2018M03` (March), `2018N9` (first nine months), `2018` (the year) — while `Period.id` is the UUID of a period opened on one plan.',
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
    { name: 'backup', description: 'The whole database as one file, and restoring it' },
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
  'too-large': { maxBytes: 4194304 },
  invalid: { issues: [{ path: ['completedOn'], code: 'custom', message: 'Required when the work is done' }] },
}

function errorResponse(code: ErrorCode) {
  return {
    description: errorMessage(code, 'en'),
    ...(code === 'rate-limited' && {
      headers: {
        'Retry-After': { description: 'Seconds to wait before trying again', schema: { type: 'integer' as const, minimum: 0 } },
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

/**
 * What each parameter means. A name means the same everywhere in the API, so it is described once;
 * a route's own `.openapi({ description })` wins. `id` in a path is the id of the resource before it.
 */
const PARAMETERS: Record<string, { description: string; example?: unknown }> = {
  periodId: {
    description:
      'A reporting period code: `2018S1`/`2018S2` (half years), `2018Q1`…`2018Q4` (quarters), `2018M01`…`2018M12` (months), `2018N9` (first nine months), `2018` (the year). Not the UUID `Period.id` of a period opened on a plan.',
    example: '2018S1',
  },
  unitId: { description: 'Id (UUID) of a unit: narrows the answer to that unit (and, on the dashboard, its subtree).' },
  planId: { description: 'Id (UUID) of a plan: narrows the answer to that plan.' },
  taskId: { description: 'Id (UUID) of a task of a plan.' },
  status: { description: "A report's status: `draft`, `submitted`, `returned` or `accepted`." },
  scopeUnitId: { description: 'Id (UUID) of the unit the plan is issued for, when the document does not name it clearly.' },
  confirm: {
    description: '`true` stores the plan; otherwise the upload is a dry run that only answers what would be stored.',
    example: 'true',
  },
  version: {
    description:
      'The version of the stored plan the revision was reviewed against (the dry run’s `stored.revision.basedOn.version`): a plan changed since answers 409 and nothing is written.',
    example: 3,
  },
  dryRun: { description: '`true` only checks the table and answers what would be stored.', example: 'true' },
  format: { description: 'File format of the download.' },
  lang: { description: 'Language of the document: `vi` (default) or `en`.' },
  frameworkId: { description: 'An index framework, by id (see `GET /api/v1/frameworks`).', example: 'papi-2018' },
  index: { description: 'An index: `PAPI`, `PAR_INDEX` or `SIPAS`.' },
  year: { description: 'The year the results were published for.', example: 2018 },
  provinceId: { description: 'Id (UUID) of the province whose audit log to read (required unless the caller is a system-wide admin).' },
  entity: { description: 'Kind of record changed: `unit`, `user`, `plan`, `period`, `report`, `score`…' },
  entityId: { description: 'Id of the record changed.' },
  before: { description: 'Only entries before this instant (ISO 8601 with offset): the `at` of the last entry read, to page back.' },
  limit: { description: 'At most this many entries (1–1000).', example: 100 },
  keyId: { description: 'Id of one of the user’s SSH keys.' },
  targetRank: { description: 'A rank to compare each result with (the plan target, e.g. 30): the answer says how far each is from it.' },
  actorId: { description: 'Id (UUID) of the user who made the change.' },
  action: { description: 'What was done: `create`, `update`, `delete`, `publish`, `submit`, `accept`, `merge`…' },
}

/** What each named schema is. A schema's own description (zod `.openapi({ description })`) wins. */
const SCHEMAS: Record<string, string> = {
  Error:
    'The body of every answer that is not a success. `code` maps to one HTTP status; `message` is in the language asked for (Accept-Language, Vietnamese by default); `details` says more (for `invalid`, the zod issues with the path of each field).',
  StatusOk: 'A confirmation with nothing more to say.',
  FileUpload: 'A document uploaded as a multipart form with one `file` field.',
  Login: 'User name and password.',
  LoginResult: 'A new session: its bearer token, the CSRF token for cookie writes, when it ends, and the user.',
  Me: 'The signed-in user, their role grants and every permission they hold (what the UI shows and hides).',
  User: 'A user account (never its password).',
  NewUser: 'A new user account with its roles.',
  UserPatch: 'Changes to a user account, with the version last read; fields left out stay as they are.',
  Permission: 'One action a user may take, and where: everywhere, in a unit, or in a unit and its subtree.',
  RoleInfo: 'A role and the actions it grants.',
  Unit: 'An administrative unit: the province, a department, a district or a commune, valid over a span of days.',
  UnitNode: 'A unit with its children, for the nested tree.',
  NewUnit: 'A new unit.',
  UnitPatch: 'Changes to a unit, with the version last read; fields left out stay as they are.',
  UnitMerge: 'Which unit takes over, and from which day, with the version of the merged unit last read.',
  Plan: 'An action plan as imported or written: header, targets, sections and their tasks with assignees as written in the document.',
  PlanUpdate: 'A whole plan (while a draft) or its header (once published), with the version last read.',
  StoredPlan: 'A stored plan: the plan with ids, its version, and every task assignee resolved to a unit.',
  StoredSection: 'A section of a stored plan and its tasks.',
  StoredTask: 'A task of a stored plan, with its assignees resolved to units.',
  TaskAssignee: 'A unit a task is assigned to, as lead or coordinator, and the text it was read from.',
  PlanSummary: 'A plan in a list: header, version and how many tasks it has.',
  PlanImportDryRun:
    'What an uploaded plan document would store: the plan read from it, the issues found, and the changes against the stored plan.',
  PlanImportResult:
    'What storing an imported plan did: created, updated or unchanged, the changes, and tasks kept because reports were filed on them.',
  PlanImportAnswer: 'A dry run, or what storing the plan did (with `confirm=true`).',
  PlanRevision:
    'What re-importing a stored plan changes: tasks added, changed, removed or kept because reported; units gaining, losing or keeping work as lead or coordinator; the version it is based on.',
  PlanChanges: 'Sections and tasks added, changed and removed by a re-import.',
  KeptTask: 'A task the document no longer lists, kept because reports were filed on it.',
  VersionCheck: 'The version last read, so a change made meanwhile by someone else is refused (409) instead of overwritten.',
  Assignment: 'One task × unit pair: who does what.',
  EvaluatedTarget: 'A plan or task target, with the value observed so far and whether it is met.',
  PeriodInfo: 'What a period code means by default: its span, cut-off window and the deadline of each level.',
  Period: 'A reporting period opened on a plan: `id` is its UUID, `code` the period code (`2018S1`).',
  NewPeriod: 'A period to open on a plan; window and deadline default to the plan rules.',
  PeriodPatch: "Changes to a period's window, deadline or grace days, or locking it, with the version last read.",
  ChildPlanProgress:
    'A plan that implements another (a commune plan under the province’s), with its reports due, filed, accepted and late in a period and its progress.',
  PeriodNarrative:
    'The written parts of the plan’s own report for a period (results, limits and causes, next tasks, proposals), printed around the generated tables of the period report.',
  PeriodNarrativeUpdate: 'The parts of the plan’s report for a period to save, with the version last read (0 before the first save).',
  StoredReport: 'The report of one unit on one task for one period.',
  ReportWrite: 'A report to save (and, with `status: submitted`, submit), with the version last read.',
  ReportVersion: 'One version a report went through: the action, who, when, and the report as it was.',
  ReportSubmit: 'The version last read of the report to submit.',
  ReportAccept: 'The version last read, and an optional comment to the unit.',
  ReportReturn: 'The version last read, and the comment that says what to change.',
  MyTasks: "The tasks the caller's units must report on in a period.",
  MyTask: "One task a unit must report on in a period, with the unit's report so far (`null` while none is saved).",
  CoordinatedTask:
    'A task due in the period that one of the caller’s units coordinates without leading it: shown to read, no report owed; the lead units report on it.',
  Framework: 'An index framework (PAPI, PAR INDEX, SIPAS) of one year: its dimensions and how a result is checked.',
  IndexResult: 'The published result of one unit in one framework and year.',
  ScoreWrite:
    'The published result of one unit in one framework and year to store, with the version it replaces (0 when none is stored yet).',
  ScoreInput: 'One result, or up to 1000.',
  Score: 'A stored index result.',
  ScoreSaveResult: 'The results stored, and warnings about values outside the usual range.',
  ScoreImportResult: 'The results read from the table, those stored (none on a dry run), and warnings.',
  Dashboard: "Completeness, timeliness and progress of a unit's subtree in a period, by plan, section, task and unit.",
  RevokedSessions: 'How many sessions were ended.',
  SshKey: 'An SSH public key a user signs in with over `papi ssh-serve` (its fingerprint, never a private key).',
  NewSshKey: 'An SSH public key to register, in OpenSSH format (`ssh-ed25519 AAAA… comment`).',
  SshLogin: 'A signature made with a registered SSH key over the challenge `papi ssh-serve` gave.',
  SshLoginResult: 'A new session for the user the SSH key belongs to.',
  RestoreResult: 'What a restore read: when the backup was made, from which database, and the rows of each table.',
  UnitHistory: 'A unit and its dated versions: each name, parent and level it had, and from when to when.',
  RegisterImportInput: 'Which province of the national unit register to import (its two-digit code), or all of them.',
  RegisterImportResult: 'What importing the national unit register created and found already there.',
  ScoreWithFigures:
    'A stored index result with the figures computed from it: band, change on the previous year, distance to a target rank.',
  AuditEntry: 'One change: who made it, when, to which record, and the record before and after.',
}

/** Examples of the bodies outside developers send most. */
const EXAMPLES: Record<string, unknown> = {
  Login: { username: 'planner', password: 'mat-khau-2018' },
  ReportWrite: {
    taskId: '5d0b7c1e-8a2f-4f3b-9c6d-1e2f3a4b5c6d',
    unitId: '7a1c9e3b-2d4f-4a6b-8c0d-9e1f2a3b4c5d',
    periodId: '2018S1',
    status: 'done',
    completedOn: '2018-05-31',
    progress: 100,
    narrative: 'Đã niêm yết công khai thủ tục hành chính tại bộ phận một cửa.',
    version: 0,
  },
  NewPeriod: { periodId: '2018S1' },
  PeriodNarrativeUpdate: {
    results: 'Đã hoàn thành 12/15 nhiệm vụ trọng tâm của 6 tháng đầu năm.',
    limits: 'Một số xã nộp báo cáo chậm do thiếu cán bộ chuyên trách.',
    nextTasks: 'Tiếp tục niêm yết công khai thủ tục hành chính tại bộ phận một cửa.',
    proposals: 'Đề nghị Bộ Nội vụ tổ chức tập huấn về chỉ số PAPI.',
    version: 0,
  },
  UnitMerge: { successorId: '7a1c9e3b-2d4f-4a6b-8c0d-9e1f2a3b4c5d', effectiveOn: '2025-07-01', version: 4 },
  PeriodPatch: { dueOn: '2018-06-20', graceDays: 3, version: 2 },
  ReportReturn: { version: 3, comment: 'Bổ sung số liệu minh chứng.' },
  ReportSubmit: { version: 2 },
}

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const
const WRITES = new Set<string>(['post', 'put', 'patch', 'delete'])
const STATUS_OF = Object.fromEntries(Object.entries(codeToStatus).map(([code, status]) => [String(status), code])) as Record<
  string,
  ErrorCode
>

function describeParameter(path: string, parameter: Parameter) {
  // A shared parameter ($ref) is described where it is defined.
  if ('$ref' in parameter) return
  const known = PARAMETERS[parameter.name]
  if (parameter.name === 'id' && parameter.in === 'path') {
    // /api/v1/plans/{id}/periods → "Id (UUID) of the plan"
    const resource = path.split('/{id}')[0]!.split('/').pop()!.replace(/s$/, '')
    parameter.description ??= `Id (UUID) of the ${resource}.`
    parameter.example ??= '0b6f2a64-6a0e-4f61-9d43-2c1f0e8a7b19'
  } else if (known) {
    parameter.description ??= known.description
    if (known.example !== undefined) parameter.example ??= known.example
  }
}

/**
 * Completes a generated document: security per operation, the error statuses each kind of request
 * may get, and every error response as a named shared one.
 *
 * - every operation: `default` (a bug of ours: `internal`, or any status not listed);
 * - signed-in operations: 401; writes also 403 (scope, or a cookie session without its CSRF token);
 * - a request body: 400 (unreadable), 413 (too large), 422 (fails the schema);
 * - path or query parameters: 422 (fail their schema).
 */
export function completeDocument(doc: OpenApiDocument): OpenApiDocument {
  doc.components ??= {}
  doc.components.securitySchemes = { ...SECURITY_SCHEMES }
  doc.components.responses = Object.fromEntries(
    (Object.keys(RESPONSE_NAMES) as ErrorCode[]).map((code) => [RESPONSE_NAMES[code], errorResponse(code)]),
  )
  for (const [name, schema] of Object.entries(doc.components.schemas ?? {})) {
    if (!schema.description && SCHEMAS[name]) schema.description = SCHEMAS[name]
    // A reference ($ref) shows the examples of the schema it names.
    if (!('$ref' in schema) && schema.examples === undefined && EXAMPLES[name] !== undefined) schema.examples = [EXAMPLES[name]]
  }
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    for (const method of METHODS) {
      const op = item[method]
      if (!op) continue
      for (const parameter of op.parameters ?? []) describeParameter(path, parameter)
      const isPublic = Array.isArray(op.security) && op.security.length === 0
      const write = WRITES.has(method)
      if (!isPublic && write) op.security = [{ bearer: [] }, { sessionCookie: [], csrfToken: [] }]
      op.responses ??= {}
      const responses = op.responses
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
      op.responses = Object.fromEntries(
        Object.entries(responses).sort(([a], [b]) => (a === 'default' ? 1 : b === 'default' ? -1 : a.localeCompare(b))),
      )
    }
  }
  return doc
}
