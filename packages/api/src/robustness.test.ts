// "No client mistake ever yields a 500 or a stack trace": every operation of the app's own
// OpenAPI document is sent a fixed battery of mistakes — garbage path and query parameters,
// malformed and mistyped bodies, hostile strings, wrong content types, oversize bodies — as an
// admin, as a reporter and without a session. Every answer must be below 500, in the one error
// shape with a request id and a message in the asked language, free of stack traces, and carry
// the security headers. The battery is a fixed list (no randomness), so a failure reproduces.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { codeToStatus, ErrorCodeSchema } from './api-error'
import { makeTestApp, NOW, samplePlan, type TestApp } from './app.fixture'
import { ALL_OPERATIONS, type Json, type Operation, resolve, sample } from './openapi-operations.fixture'

// Loading the national register (any body that lacks a province, as many mistakes do) makes every
// later write work over ~13 000 units: that operation's battery runs last, after everything else.
const LAST = (op: Operation) => op.path === '/api/v1/units/import-register'
const OPERATIONS = ALL_OPERATIONS.filter((op) => !LAST(op))
const LAST_OPERATIONS = ALL_OPERATIONS.filter(LAST)

const BODY_LIMIT = 4 * 1024 * 1024 // the default, so the test holds the real limit to account
const UPLOAD_LIMIT = 2 * 1024 * 1024
const RESTORE_LIMIT = 3 * 1024 * 1024
const LANGUAGES = [undefined, 'vi', 'en-US,en;q=0.9'] as const
/**
 * The whole battery (PAPI_TEST_FULL=1: tooling/test-all.sh, so CI). Without it, the quick form
 * leaves out one part: the reporter's field-by-field mutations of an operation whose valid request
 * the reporter is refused (the same bodies go through the same validators as the admin's, and the
 * refusal is what the valid request already checked). ~1 450 of ~9 000 requests.
 */
const FULL = process.env.PAPI_TEST_FULL === '1'
const IDENTITIES = ['admin', 'reporter', 'anonymous'] as const
type Identity = (typeof IDENTITIES)[number]

// --- what the battery sends

/** Values for a path parameter: wrong shapes, lengths, encodings and traversal. Inserted raw. */
const PATH_GARBAGE: [string, string][] = [
  ['non-uuid', 'not-a-uuid'],
  ['nil uuid', '00000000-0000-0000-0000-000000000000'],
  ['very long', 'x'.repeat(5000)],
  ['unicode', encodeURIComponent('Kiên Giang 😀')],
  ['dot-dot', '..'],
  ['encoded traversal', '..%2F..%2Fetc%2Fpasswd'],
  ['encoded dots', '%2e%2e'],
  ['NUL', '%00'],
  ['bad percent-encoding', '%ZZ'],
  ['invalid UTF-8', '%C3%28'],
  ['lone surrogate', '%ED%A0%80'],
  ['SQL', encodeURIComponent("' or 1=1 --")],
  ['unknown period', '2024Q5'],
  ['negative', '-1'],
  ['huge number', '99999999999999999999'],
  ['space', '%20'],
]

/** Values for a query parameter, each also sent raw where it is an encoding mistake. */
const QUERY_GARBAGE: [string, string, 'raw'?][] = [
  ['empty', ''],
  ['word', 'abc'],
  ['unknown period', '2024Q5'],
  ['negative', '-1'],
  ['fraction', '1.5'],
  ['overflowing float', '1e400'],
  ['huge integer', '99999999999999999999'],
  ['int4 + 1', '2147483648'],
  ['NaN', 'NaN'],
  ['Infinity', 'Infinity'],
  ['very long', 'x'.repeat(5000)],
  ['unicode', 'Kiên Giang 😀'],
  ['year 0', '0000-01-01T00:00:00Z'],
  ['year 9999', '9999-12-31T23:59:59+14:00'],
  ['NUL', '%00', 'raw'],
  ['bad percent-encoding', '%ZZ', 'raw'],
  ['invalid UTF-8', '%C3%28', 'raw'],
  ['lone surrogate', '%ED%A0%80', 'raw'],
]

const LONG_TEXT = 'Báo cáo tiến độ thực hiện nhiệm vụ. '.repeat(2900) // ≈ 100 KB of UTF-8
const NUL_TEXT = 'robot\u0000robot-password'
const SURROGATE_TEXT = 'robot\ud800robot-password'

/**
 * What replaces one value of a valid body: other JSON types, hostile strings, edge numbers and
 * dates. Nested values get the hostile ones only (the edge cases of length and range are the same
 * rules at any depth, and each one that passes validation costs a whole write).
 */
function leafMutations(value: Json | undefined, nested: boolean): [string, Json][] {
  const out: [string, Json][] = [
    ['null', null],
    ['object', { zzz: 1 }],
  ]
  if (typeof value !== 'number') out.push(['number', 123])
  if (typeof value !== 'string') out.push(['string', 'abc'])
  if (typeof value === 'string' || value === undefined) {
    out.push(['NUL byte', NUL_TEXT], ['lone surrogate', SURROGATE_TEXT])
    if (!nested) out.push(['100 KB text', LONG_TEXT], ['empty', ''])
  }
  if (typeof value === 'string' && /^\d{4}-\d\d-\d\d$/.test(value)) {
    out.push(['year 0', '0000-01-01'], ['year 9999', '9999-12-31'], ['30 February', '2018-02-30'])
  }
  if (typeof value === 'number' || value === undefined) {
    out.push(['1e308', 1e308], ['int4 + 1', 2 ** 31])
    if (!nested) out.push(['unsafe integer', 2 ** 53 + 2], ['negative', -1], ['fraction', 0.5])
  }
  if (Array.isArray(value)) out.push(['array of nulls', [null, null]], ['nested arrays', [[[]]]])
  return out
}

const deep = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

/**
 * Every path to a value of a JSON document (arrays and objects included), root excluded; of an
 * array, its first item only (the others have the same schema).
 */
function pathsOf(value: Json, prefix: (string | number)[] = []): (string | number)[][] {
  if (value === null || typeof value !== 'object') return []
  const entries: [string | number, Json][] = Array.isArray(value) ? value.slice(0, 1).map((v) => [0, v]) : Object.entries(value)
  return entries.flatMap(([key, v]) => [[...prefix, key], ...pathsOf(v, [...prefix, key])])
}

function getAt(value: Json, path: (string | number)[]): Json | undefined {
  let v: any = value
  for (const key of path) v = v?.[key]
  return v
}

function setAt(value: Json, path: (string | number)[], next: Json | undefined): Json {
  const copy = structuredClone(value) as any
  let v = copy
  for (const key of path.slice(0, -1)) v = v[key]
  const last = path.at(-1)!
  if (next === undefined) {
    if (Array.isArray(v)) v.splice(Number(last), 1)
    else delete v[last]
  } else v[last] = next
  return copy
}

// --- checking one answer

const STACK_TRACE = /\n\s+at |\bat [\w.<>$]+ \(|\bat (?:file:|node:)|\.(?:ts|js|mjs|cjs):\d+(?::\d+)?\b|\/work\/|node_modules|\b\w*Error:/
// biome-ignore lint/suspicious/noMisleadingCharacterClass: the combining marks alone are what it looks for (decomposed text).
const VIETNAMESE_ONLY = /[đĐăĂơƠưƯ\u0300-\u0303\u0309\u0323]|[ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/i

interface Sent {
  identity: Identity | 'cookie'
  method: string
  url: string
  what: string
  language: (typeof LANGUAGES)[number]
}

async function problemsOf(res: Response, sent: Sent, expectStatus?: number): Promise<string[]> {
  const problems: string[] = []
  const text = sent.method === 'HEAD' ? '' : await res.text()
  const contentType = res.headers.get('content-type') ?? ''
  const textual = res.status >= 400 || /json|text|html|csv/.test(contentType)
  const say = (problem: string) =>
    problems.push(
      `${sent.identity} ${sent.method} ${sent.url.slice(0, 140)} [${sent.what}] → ${res.status}: ${problem} ${text.slice(0, 300)}`,
    )

  if (res.status >= 500) say('a server error')
  if (expectStatus !== undefined && res.status !== expectStatus) say(`expected ${expectStatus}`)
  if (textual && STACK_TRACE.test(text)) say('a stack trace or source path in the body')
  if (res.headers.get('x-content-type-options') !== 'nosniff') say('no X-Content-Type-Options')
  if (!res.headers.get('content-security-policy')?.includes("default-src 'self'")) say('no Content-Security-Policy')
  if (!res.headers.get('x-frame-options')) say('no X-Frame-Options')
  if (!res.headers.get('referrer-policy')) say('no Referrer-Policy')
  if (!res.headers.get('x-request-id')) say('no X-Request-Id')
  if (new URL(sent.url, 'http://papi.test').pathname.startsWith('/api/v1/') && res.headers.get('cache-control') !== 'no-store')
    say('no Cache-Control: no-store')
  if (res.status >= 400 && sent.method === 'HEAD') {
    if (text !== '') say('a HEAD answer with a body')
  } else if (res.status >= 400) {
    let body: any
    try {
      body = JSON.parse(text)
    } catch {
      say('an error that is not JSON')
      return problems
    }
    const error = body?.error
    const parsedCode = ErrorCodeSchema.safeParse(error?.code)
    if (!parsedCode.success || Object.keys(body).length !== 1) say('not the error shape')
    else if (codeToStatus[parsedCode.data] !== res.status) say(`code ${error.code} under the wrong status`)
    if (typeof error?.message !== 'string' || !error.message) say('no message')
    if (typeof error?.requestId !== 'string' || error.requestId !== res.headers.get('x-request-id')) say('no requestId')
    const extra = Object.keys(error ?? {}).filter((k) => !['code', 'message', 'details', 'requestId'].includes(k))
    if (extra.length) say(`unexpected error fields ${extra.join(', ')}`)
    if (typeof error?.message === 'string') {
      const english = sent.language?.startsWith('en')
      if (english && VIETNAMESE_ONLY.test(error.message)) say('a Vietnamese message where English was asked')
      if (!english && !VIETNAMESE_ONLY.test(error.message)) say('not a Vietnamese message by default')
    }
  }
  return problems
}

describe.each(testBackends())('no client mistake yields a 500, on $name', (backend) => {
  let store: Store
  let t: TestApp
  let webDist: string
  const ids: Record<string, string> = {}
  let userIds: Record<string, string> = {}
  let planNumber = 0
  let sent = 0
  /** The status of the last answer `send` read. */
  let lastStatus = 0

  beforeAll(async () => {
    store = await backend.open()
    // A built dashboard, so the SPA fallback is in play for every unknown path.
    webDist = mkdtempSync(join(tmpdir(), 'papi-web-'))
    writeFileSync(join(webDist, 'index.html'), '<!doctype html><title>SPA index</title>')
    t = await makeTestApp(store, { bodyLimit: BODY_LIMIT, uploadLimit: UPLOAD_LIMIT, restoreLimit: RESTORE_LIMIT, webDist })
    userIds = Object.fromEntries((await store.users.list()).map((u) => [u.username, u.id]))
    const planner = await token('planner')
    const admin = await token('admin')

    const published = await t.call('POST', '/api/v1/plans', { token: planner, body: samplePlan(t.units) })
    ids.plan = published.body.id
    ids.task = published.body.sections[0].tasks[0].id
    await t.call('POST', `/api/v1/plans/${ids.plan}/publish`, { token: planner, body: { version: published.body.version } })
    const draft = await t.call('POST', '/api/v1/plans', { token: planner, body: { ...samplePlan(t.units), number: '2/KH-UBND' } })
    ids.draftPlan = draft.body.id
    const report = await t.call('PUT', '/api/v1/reports', {
      token: await token('reporter'),
      body: { taskId: ids.task, unitId: t.units.vtv.id, periodId: '2018S1', status: 'submitted', progress: 40, narrative: 'Đã niêm yết' },
    })
    ids.report = report.body.id
    // Units and a user the battery may change at will.
    for (const code of ['ZZ-1', 'ZZ-2']) {
      const unit = await t.call('POST', '/api/v1/units', {
        token: admin,
        body: { code, name: `Đơn vị thử ${code}`, level: 'province', kind: 'department', parentId: t.units.kg.id },
      })
      ids[code] = unit.body.id
    }
    const victim = await t.call('POST', '/api/v1/users', {
      token: admin,
      body: { username: 'victim', password: 'mat-khau-2018', displayName: 'Victim', roles: [] },
    })
    ids.victim = victim.body.id
    expect(Object.values(ids).every(Boolean), JSON.stringify(ids)).toBe(true)
  })
  afterAll(async () => {
    await store?.close()
    if (webDist) rmSync(webDist, { recursive: true, force: true })
  })

  /** A fresh session for a user (no scrypt: the battery logs out and changes passwords). */
  async function token(username: string): Promise<string> {
    return (await store.sessions.create(userIds[username]!, { now: NOW, ttlMs: 24 * 60 * 60 * 1000 })).token
  }

  const hints = (): Record<string, Json> => ({
    unitId: t.units.vtv.id,
    parentId: t.units.kg.id,
    successorId: ids['ZZ-2']!,
    scopeUnitId: t.units.kg.id,
    provinceId: t.units.kg.id,
    taskId: ids.task!,
    planId: ids.plan!,
    periodId: '2018S1',
    frameworkId: 'papi-2018',
    year: 2018,
    username: 'robot',
    password: 'robot-password',
    code: 'ZZ-NEW',
    effectiveOn: '2025-07-01',
  })

  /** Path parameters that name rows the battery may change. */
  function pathOf(op: Operation, override?: { name: string; raw: string }): string {
    return op.path.replace(/\{(\w+)\}/g, (_, name: string) => {
      if (override?.name === name) return override.raw
      if (name === 'periodId') return '2018S1'
      if (op.path.startsWith('/api/v1/units/')) return ids['ZZ-1']!
      if (op.path.startsWith('/api/v1/users/')) return ids.victim!
      if (op.path.startsWith('/api/v1/reports/')) return ids.report!
      if (op.method === 'PUT' && op.path === '/api/v1/plans/{id}') return ids.draftPlan!
      return ids.plan!
    })
  }

  async function baseQuery(op: Operation): Promise<[string, string][]> {
    // A delete names the version it read (?version=): the current one, so it reaches past the version check.
    const h = hints()
    const version = await currentVersion(`${op.method} ${op.path}`)
    if (version !== undefined) h.version = version
    return op.params
      .filter((p) => p.in === 'query' && p.required)
      .map((p) => [p.name, String(p.name in h ? h[p.name] : sample(p.schema, p.name, h))])
  }

  /** A body the route accepts, fresh on each call (new plan numbers, the report's current version). */
  async function baseBody(op: Operation): Promise<Json> {
    const key = `${op.method} ${op.path}`
    if (key === 'POST /api/v1/plans') {
      return { ...samplePlan(t.units), number: `${++planNumber}/KH-ROBOT` } as unknown as Json
    }
    if (key === 'PUT /api/v1/plans/{id}') {
      // Read for its version only (each of the ~450 attempts reads it): not the tasks' assignees.
      const { version } = await store.plans.get(ids.draftPlan!, { assignees: false })
      return { ...samplePlan(t.units), number: `${++planNumber}/KH-ROBOT`, version } as unknown as Json
    }
    if (key === 'PUT /api/v1/reports') {
      const reportKey = { taskId: ids.task!, unitId: t.units.vtv.id, periodId: '2018Q3' }
      const existing = await store.reports.findFor(reportKey)
      return { ...reportKey, version: existing?.version ?? 0, progress: 10, narrative: 'Đang thực hiện' }
    }
    if (key === 'POST /api/v1/scores') {
      const [stored] = await store.scores.list({ unitId: t.units.stnmt.id, frameworkId: 'papi-2018', year: 2018 })
      return { unitId: t.units.stnmt.id, frameworkId: 'papi-2018', year: 2018, total: 40, version: stored?.version ?? 0 }
    }
    const body = sample(op.body?.schema, '', hints())
    // A write names the version it read: the current one, so the body reaches past the version check.
    const version = await currentVersion(key)
    return version !== undefined && body !== null && typeof body === 'object' && !Array.isArray(body) ? { ...body, version } : body
  }

  /** The stored version of the row a versioned write of the battery changes (see `pathOf`). */
  async function currentVersion(key: string): Promise<number | undefined> {
    switch (key) {
      case 'PATCH /api/v1/units/{id}':
      case 'POST /api/v1/units/{id}/merge':
      case 'DELETE /api/v1/units/{id}':
        // The battery's DELETE may have removed it: version 0 then, answered 404 all the same.
        return (await store.units.find(ids['ZZ-1']!))?.version ?? 0
      case 'PATCH /api/v1/users/{id}':
      case 'DELETE /api/v1/users/{id}':
        return (await store.users.find(ids.victim!))?.version ?? 0
      case 'DELETE /api/v1/plans/{id}':
        return (await store.plans.get(ids.plan!, { assignees: false })).version
      case 'PATCH /api/v1/plans/{id}/periods/{periodId}':
        return (await store.periods.find(ids.plan!, '2018S1'))?.version
      default:
        return undefined
    }
  }

  type Attempt = {
    what: string
    url: string
    method?: string
    headers?: Record<string, string>
    body?: RequestInit['body']
    expect?: number
  }

  async function send(identity: Identity | 'cookie', attempt: Attempt, auth: Record<string, string>): Promise<string[]> {
    const language = LANGUAGES[sent++ % LANGUAGES.length]
    const headers: Record<string, string> = { ...auth, ...attempt.headers }
    if (language) headers['accept-language'] = language
    const method = attempt.method ?? 'GET'
    const res = await t.app.request(attempt.url, { method, headers, ...(attempt.body !== undefined && { body: attempt.body }) })
    lastStatus = res.status
    return problemsOf(res, { identity, method, url: attempt.url, what: attempt.what, language }, attempt.expect)
  }

  /** The whole battery for one operation, as it is built for one identity. */
  async function* battery(op: Operation, identity: Identity, validStatus: () => number | undefined): AsyncGenerator<Attempt> {
    const method = op.method
    const json = { 'content-type': 'application/json' }
    const withQuery = (query: [string, string][], path = pathOf(op)) =>
      query.length ? `${path}?${query.map(([k, v]) => `${encodeURIComponent(k)}=${v}`).join('&')}` : path
    const encodedBase = (await baseQuery(op)).map(([k, v]) => [k, encodeURIComponent(v)] as [string, string])
    const url = withQuery(encodedBase)
    const isJson = op.body?.types.includes('application/json') ?? false
    const jsonBody = async () => (isJson ? JSON.stringify(await baseBody(op)) : undefined)
    const plain = async (what: string, u = url): Promise<Attempt> => {
      const body = await jsonBody()
      return { what, url: u, method, ...(body !== undefined && { headers: json, body }) }
    }

    yield await plain('the valid request')

    // Path parameters.
    for (const param of op.params.filter((p) => p.in === 'path')) {
      for (const [what, raw] of PATH_GARBAGE) {
        yield await plain(`path ${param.name}: ${what}`, withQuery(encodedBase, pathOf(op, { name: param.name, raw })))
      }
    }

    // Query parameters: each garbled, repeated, missing; an unknown one; a garbled name.
    const queryParams = op.params.filter((p) => p.in === 'query')
    for (const param of queryParams) {
      const others = encodedBase.filter(([k]) => k !== param.name)
      for (const [what, value, raw] of QUERY_GARBAGE) {
        yield await plain(`query ${param.name}: ${what}`, withQuery([...others, [param.name, raw ? value : encodeURIComponent(value)]]))
      }
      const base = encodedBase.find(([k]) => k === param.name)?.[1] ?? 'abc'
      yield await plain(`query ${param.name}: repeated`, withQuery([...others, [param.name, base], [param.name, 'abc']]))
      if (param.required) yield await plain(`query ${param.name}: missing`, withQuery(others))
    }
    yield await plain('unknown query parameter', withQuery([...encodedBase, ['zzz', '1']]))
    yield await plain('garbled query', `${url}${url.includes('?') ? '&' : '?'}%ZZ=%ZZ&&=&a[b]=c`)

    if (!op.body) {
      // A body where none is read (GET requests cannot carry one).
      if (method !== 'GET') yield { what: 'unexpected JSON body', url, method, headers: json, body: '{"zzz":' }
      return
    }

    const limit = op.path === '/api/v1/restore' ? RESTORE_LIMIT : op.path.endsWith('/import') ? UPLOAD_LIMIT : BODY_LIMIT
    // Sent as a client sends them over HTTP, with their Content-Length: the limit refuses them
    // before anything else (a chunked body is refused as it is read: upload-limits.test.ts).
    const { big, packed, packedType } = await oversize(limit)
    yield { what: 'oversize body', url, method, headers: { ...json, 'content-length': String(big.length) }, body: big, expect: 413 }
    yield {
      what: 'oversize multipart',
      url,
      method,
      headers: { 'content-type': packedType, 'content-length': String(packed.byteLength) },
      body: packed,
      expect: 413,
    }

    if (op.body.types.includes('multipart/form-data') || op.body.types.includes('text/csv')) {
      yield* uploads(op, url)
    }
    if (!isJson) {
      yield { what: 'JSON where a file is expected', url, method, headers: json, body: '{"file":"x"}' }
      return
    }

    const base = await baseBody(op)
    const baseText = JSON.stringify(base)
    for (const [what, body] of [
      ['malformed: truncated', '{"a":'],
      ['malformed: bare word', 'nul'],
      ['malformed: trailing brace', '{}}'],
      ['malformed: single quotes', "{'a':1}"],
      ['malformed: byte-order mark', `\ufeff${baseText}`],
      ['malformed: empty', ''],
      ['malformed: NUL', '\u0000'],
      ['malformed: 1e400', '1e400'],
      ['wrong type: array', '[]'],
      ['wrong type: array of objects', `[${baseText}]`],
      ['wrong type: number', '42'],
      ['wrong type: null', 'null'],
      ['wrong type: string', '"text"'],
      ['wrong type: boolean', 'true'],
      ['deep nesting (100 000 levels)', `{"zzz":${deep(100_000)}}`],
      ['prototype pollution', `{"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}},${baseText.slice(1)}`],
    ] as const) {
      yield { what, url, method, headers: json, body }
    }

    // Wrong and missing content types.
    yield { what: 'JSON as text/plain', url, method, headers: { 'content-type': 'text/plain' }, body: baseText }
    yield { what: 'JSON without a content type', url, method, body: new TextEncoder().encode(baseText) }
    yield { what: 'JSON as UTF-16', url, method, headers: { 'content-type': 'application/json; charset=utf-16' }, body: baseText }
    yield { what: 'form-urlencoded', url, method, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'a=1&b=2' }
    yield { what: 'XML', url, method, headers: { 'content-type': 'application/xml' }, body: '<a>1</a>' }
    yield { what: 'multipart where JSON is expected', url, method, body: form({ file: new File(['x'], 'x.txt'), json: baseText }) }
    yield {
      what: 'multipart header over JSON',
      url,
      method,
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: baseText,
    }

    // Invalid UTF-8 inside a string of a valid body.
    const [before, after] = JSON.stringify({ ...(isObject(base) ? base : {}), zzz: 'MARK' }).split('MARK') as [string, string]
    const bytes = new Uint8Array([
      ...new TextEncoder().encode(before),
      0xff,
      0xfe,
      0xc3,
      0x28,
      0xed,
      0xa0,
      0x80,
      ...new TextEncoder().encode(after),
    ])
    yield { what: 'invalid UTF-8 bytes', url, method, headers: json, body: bytes }

    // Near the limit but within it: accepted as far as size goes.
    if (isObject(base)) {
      yield {
        what: 'a body just under the limit',
        url,
        method,
        headers: json,
        body: JSON.stringify({ ...base, zzz: 'x'.repeat(limit - baseText.length - 100) }),
      }
      yield { what: 'an extra field', url, method, headers: json, body: JSON.stringify({ ...base, zzz: 1 }) }
      yield { what: 'a deeply nested extra field', url, method, headers: json, body: `{"zzz":${deep(5000)},${baseText.slice(1)}` }
    }

    // Field by field: every field as the admin, who gets furthest; the top level as the reporter
    // (whose own reports and profile are in reach); without a session the route stops sooner.
    if (identity === 'anonymous') return
    if (identity !== 'admin' && !FULL && (validStatus() ?? 500) >= 400) return
    const schema = resolve(op.body.schema)
    const topLevel = Object.keys(schema.properties ?? {}).map((k) => [k])
    const required = new Set<string>(schema.required ?? [])
    const paths = [...pathsOf(base), ...topLevel.filter(([k]) => !isObject(base) || !(k! in base))].filter(
      (path) => identity === 'admin' || path.length === 1,
    )
    for (const path of paths) {
      const fresh = async () => await baseBody(op)
      const name = path.join('.')
      if (path.length === 1 && required.has(String(path[0]))) {
        yield { what: `missing ${name}`, url, method, headers: json, body: JSON.stringify(setAt(await fresh(), path, undefined)) }
      }
      for (const [what, value] of leafMutations(getAt(base, path), path.length > 1)) {
        yield { what: `${name}: ${what}`, url, method, headers: json, body: JSON.stringify(setAt(await fresh(), path, value)) }
      }
    }
  }

  async function* uploads(op: Operation, url: string): AsyncGenerator<Attempt> {
    const method = op.method
    const garbage = new Uint8Array(4096).map((_, i) => (i * 7919) % 256)
    const zipHeader = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...garbage.slice(0, 200)])
    const files: [string, string | Uint8Array<ArrayBuffer>, string][] = [
      ['empty file', '', 'empty.txt'],
      ['binary .docx', garbage, 'plan.docx'],
      ['truncated zip .docx', zipHeader, 'plan.docx'],
      ['binary .xlsx', garbage, 'plan.xlsx'],
      ['truncated zip .xlsx', zipHeader, 'plan.xlsx'],
      ['binary .csv', garbage, 'scores.csv'],
      ['binary .txt', garbage, 'plan.txt'],
      ['unknown extension', 'hello', 'plan.exe'],
      ['no extension', 'hello', 'plan'],
      ['traversal in the name', 'hello', '../../etc/passwd'],
      ['unicode name', 'Kế hoạch', 'Kế hoạch 😀.txt'],
      ['NUL in the text', 'KẾ HOẠCH\u0000 Số 97/KH-UBND', 'plan.txt'],
      ['lone surrogate in the text', 'KẾ HOẠCH \ud800', 'plan.txt'],
      ['CSV with NUL', 'unit;total\nKG\u0000;40', 'scores.csv'],
      ['CSV with an unclosed quote', 'unit;total\n"KG;40', 'scores.csv'],
      ['CSV with huge numbers', 'unit;total;rank\nKG;1e400;99999999999', 'scores.csv'],
      ['CSV with a thousand columns', `${Array.from({ length: 1000 }, (_, i) => `c${i}`).join(';')}\n`, 'scores.csv'],
    ]
    for (const [what, content, name] of files) {
      yield { what: `upload: ${what}`, url, method, body: form({ file: new File([content], name) }) }
    }
    yield { what: 'upload: no file field', url, method, body: form({ other: 'x' }) }
    yield { what: 'upload: file as a text field', url, method, body: form({ file: 'just text' }) }
    yield { what: 'upload: two files', url, method, body: form({ file: [new File(['a'], 'a.txt'), new File(['b'], 'b.txt')] }) }
    yield { what: 'multipart without a boundary', url, method, headers: { 'content-type': 'multipart/form-data' }, body: 'garbage' }
    yield {
      what: 'multipart with a broken body',
      url,
      method,
      headers: { 'content-type': 'multipart/form-data; boundary=zzz' },
      body: '--zzz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nunterminated',
    }
    yield { what: 'text/csv garbage', url, method, headers: { 'content-type': 'text/csv' }, body: garbage }
    yield { what: 'text/csv with NUL', url, method, headers: { 'content-type': 'text/csv' }, body: 'unit;total\nKG\u0000;40' }
  }

  /** Bodies one byte over `limit`, as text and packed as a multipart upload: made once per limit (megabytes each). */
  const oversizeBodies = new Map<number, Promise<{ big: string; packed: Uint8Array; packedType: string }>>()
  function oversize(limit: number) {
    let made = oversizeBodies.get(limit)
    if (!made) {
      const big = 'x'.repeat(limit + 1)
      const multipart = new Response(form({ file: new File([big], 'big.txt', { type: 'text/plain' }) }))
      made = multipart.arrayBuffer().then((buffer) => ({
        big,
        packed: new Uint8Array(buffer),
        packedType: multipart.headers.get('content-type') ?? '',
      }))
      oversizeBodies.set(limit, made)
    }
    return made
  }

  function form(fields: Record<string, string | File | File[]>): FormData {
    const data = new FormData()
    for (const [key, value] of Object.entries(fields)) {
      for (const v of Array.isArray(value) ? value : [value]) data.append(key, v)
    }
    return data
  }

  it('reads every operation from the OpenAPI document', () => {
    expect(OPERATIONS.length).toBeGreaterThan(30)
    expect(OPERATIONS.map((o) => `${o.method} ${o.path}`)).toContain('PUT /api/v1/reports')
    expect(LAST_OPERATIONS.map((o) => `${o.method} ${o.path}`)).toEqual(['POST /api/v1/units/import-register'])
  })

  async function runBattery(op: Operation) {
    const problems: string[] = []
    for (const identity of IDENTITIES) {
      // A new session per operation: the battery logs out and changes users.
      const auth: Record<string, string> = identity === 'anonymous' ? {} : { authorization: `Bearer ${await token(identity)}` }
      let validStatus: number | undefined
      for await (const attempt of battery(op, identity, () => validStatus)) {
        problems.push(...(await send(identity, attempt, auth)))
        if (attempt.what === 'the valid request') validStatus = lastStatus
      }
    }
    expect(problems).toEqual([])
  }

  // One operation's whole battery (PAPI_TEST_FULL, as CI runs it) is a few hundred requests: PUT
  // /plans/{id} rewrites the plan's structure for each of them, 82 s in a fresh-clone run at load
  // 18 on two cores (~15 s of CPU). The limit is for a hung request, not a speed test.
  it.each(OPERATIONS)('$method $path', runBattery, 240_000)

  it('HEAD, OPTIONS and methods no route has never answer 500, on every path', async () => {
    const problems: string[] = []
    const paths = [...new Set(ALL_OPERATIONS.map((op) => op.path))]
    for (const identity of IDENTITIES) {
      const auth: Record<string, string> = identity === 'anonymous' ? {} : { authorization: `Bearer ${await token(identity)}` }
      for (const path of paths) {
        const op = ALL_OPERATIONS.find((o) => o.path === path)!
        const url = pathOf(op)
        const defined = new Set(ALL_OPERATIONS.filter((o) => o.path === path).map((o) => o.method))
        for (const method of ['HEAD', 'OPTIONS', 'GET', 'POST', 'PUT', 'PATCH', 'DELETE'].filter((m) => !defined.has(m))) {
          problems.push(...(await send(identity, { what: 'method', url, method }, auth)))
        }
      }
    }
    expect(problems).toEqual([])
  })

  it('an unknown /api path is a 404 in the error shape, never the dashboard’s index.html', async () => {
    const problems: string[] = []
    const auth = { authorization: `Bearer ${await token('admin')}` }
    for (const url of [
      '/api/v1/nowhere',
      '/api/v1/units/x/y/z',
      '/api/v2/units',
      '/api/nowhere',
      '/api',
      '/api/v1',
      '/api/v1/%ZZ',
      '/api/v1/%C3%28',
    ]) {
      for (const method of ['GET', 'POST', 'HEAD']) {
        problems.push(...(await send('admin', { what: 'unknown path', url, method, expect: 404 }, auth)))
      }
    }
    expect(problems).toEqual([])
  })

  it('odd paths outside the API never answer 500', async () => {
    const problems: string[] = []
    for (const url of [
      '/%ZZ',
      '/%C3%28',
      '/%ED%A0%80',
      '/..%2F..%2Fetc%2Fpasswd',
      '/%00',
      '/a/%2e%2e/%2e%2e/etc/passwd',
      '/api/docs/assets/%ZZ',
      '/api/docs/assets/..%2F..%2Fpackage.json',
    ]) {
      for (const method of ['GET', 'HEAD', 'POST']) problems.push(...(await send('anonymous', { what: 'odd path', url, method }, {})))
    }
    expect(problems).toEqual([])
  })

  it('a cookie session without its CSRF token gets 403 in the error shape', async () => {
    const session = await store.sessions.create(userIds.admin!, { now: NOW, ttlMs: 60_000 })
    const res = await t.app.request('/api/v1/units', {
      method: 'POST',
      headers: { cookie: `papi_session=${session.token}`, 'content-type': 'application/json' },
      body: '{}',
    })
    const problems = await problemsOf(
      res,
      { identity: 'cookie', method: 'POST', url: '/api/v1/units', what: 'no CSRF', language: undefined },
      403,
    )
    expect(problems).toEqual([])
  })

  it('answers every error code in Vietnamese by default and in English on request', async () => {
    const admin = await token('admin')
    const reporter = await token('reporter')
    const cases: [number, string, RequestInit][] = [
      [
        400,
        '/api/v1/units',
        { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{' },
      ],
      [401, '/api/v1/units', {}],
      [403, '/api/v1/users', { headers: { authorization: `Bearer ${reporter}` } }],
      [404, `/api/v1/units/nope`, { headers: { authorization: `Bearer ${admin}` } }],
      [
        409,
        '/api/v1/units',
        {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: JSON.stringify({ code: 'KG-SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: t.units.kg.id }),
        },
      ],
      [
        413,
        '/api/v1/units',
        // Signed in: without a session the 401 comes first, before the body is read.
        {
          method: 'POST',
          headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' },
          body: 'x'.repeat(BODY_LIMIT + 1),
        },
      ],
      [
        422,
        '/api/v1/units',
        { method: 'POST', headers: { authorization: `Bearer ${admin}`, 'content-type': 'application/json' }, body: '{}' },
      ],
    ]
    for (const [status, url, init] of cases) {
      const vi = await t.app.request(url, init)
      const en = await t.app.request(url, { ...init, headers: { ...(init.headers as object), 'accept-language': 'en' } })
      const [viBody, enBody] = [(await vi.json()) as any, (await en.json()) as any]
      expect([vi.status, en.status]).toEqual([status, status])
      expect(viBody.error.message).toMatch(VIETNAMESE_ONLY)
      expect(enBody.error.message).not.toMatch(VIETNAMESE_ONLY)
      expect(enBody.error.code).toBe(viBody.error.code)
    }
  })

  // What the battery found, each pinned down: values the database rejects answer 4xx, in one place.
  describe('regressions', () => {
    const write = async (method: string, url: string, body: unknown) => t.call(method, url, { token: await token('admin'), body })
    const unit = (name: string) => ({ code: `R-${name.length}`, name, level: 'province', kind: 'department', parentId: t.units.kg.id })

    it('a NUL byte in a unit name is a 422 and stores nothing (PostgreSQL 22021)', async () => {
      const res = await write('POST', '/api/v1/units', unit('Sở\u0000Y tế'))
      expect(res.status).toBe(422)
      expect(res.body.error).toMatchObject({ code: 'invalid', details: { sqlState: '22021' } })
      expect(res.text).not.toMatch(/units|insert|Failed query/)
      expect(await store.units.findByCode('R-7')).toBeUndefined()
    })

    it('a NUL byte in a path id is a 422, not a 500', async () => {
      const res = await t.call('GET', '/api/v1/units/%00', { token: await token('admin') })
      expect(res.status).toBe(422)
    })

    it('half a surrogate pair in a task title (a jsonb column) is a 422 and stores no plan', async () => {
      const plan = samplePlan(t.units)
      plan.number = 'surrogate/KH'
      plan.sections[0]!.tasks[0]!.lead[0]!.text = 'UBND \ud800'
      const res = await write('POST', '/api/v1/plans', plan)
      expect(res.status).toBe(422)
      expect((await store.plans.list()).map((p) => p.number)).not.toContain('surrogate/KH')
    })

    it('year 0 is a 422 (PostgreSQL has no year 0)', async () => {
      const { version } = await store.units.get(ids['ZZ-2']!)
      const res = await write('POST', `/api/v1/units/${ids['ZZ-2']}/merge`, {
        successorId: ids['ZZ-1'],
        effectiveOn: '0000-01-01',
        version,
      })
      expect(res.status).toBe(422)
    })

    it('a plan renumbered to a number already taken is a 409 (PostgreSQL 23505)', async () => {
      const { version } = await store.plans.get(ids.draftPlan!)
      const res = await write('PUT', `/api/v1/plans/${ids.draftPlan}`, { ...samplePlan(t.units), version })
      expect(res.status).toBe(409)
      expect(res.body.error).toMatchObject({ code: 'conflict', details: { sqlState: '23505' } })
    })

    it('a parent plan that does not exist is a 422 (PostgreSQL 23503)', async () => {
      const res = await write('POST', '/api/v1/plans', { ...samplePlan(t.units), number: 'orphan/KH', parentPlanId: 'no-such-plan' })
      expect(res.status).toBe(422)
    })

    it('a score year outside int4 is a 422 from the route schema', async () => {
      const res = await t.call('GET', '/api/v1/scores?year=2147483648', { token: await token('reporter') })
      expect(res.status).toBe(422)
      expect(res.body.error.details.issues[0].path).toEqual(['year'])
    })

    it('a path that does not percent-decode is a 404 under /api and the dashboard elsewhere', async () => {
      expect((await t.call('GET', '/api/v1/%ZZ')).status).toBe(404)
      const page = await t.call('GET', '/%ZZ')
      expect([page.status, page.text]).toEqual([200, '<!doctype html><title>SPA index</title>'])
    })
  })

  it.each(LAST_OPERATIONS)('$method $path (last: it may load the whole country)', runBattery, 120_000)
})

function isObject(value: Json | undefined): value is { [key: string]: Json } {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
}
