// Test fixture (not exported): checks real responses against the OpenAPI document, so the contract
// and the server cannot drift apart (issue #14: `MyTask.report` said one thing, GET /my-tasks sent
// another). makeTestApp wraps `app.request` with it, so every API test that calls the app checks
// every answer it gets: status documented, content type documented, JSON body valid against the
// response schema (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
import { appendFileSync } from 'node:fs'
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js'
import addFormatsPlugin from 'ajv-formats'

// ajv-formats is CommonJS whose default export is the plugin; under ESM interop it may sit one level down.
const addFormats = (addFormatsPlugin as unknown as { default?: typeof addFormatsPlugin }).default ?? addFormatsPlugin

interface MediaType {
  schema?: unknown
}
interface ResponseObject {
  content?: Record<string, MediaType>
}
interface OperationObject {
  operationId?: string
  responses?: Record<string, ResponseObject>
}
export interface OpenApiDocument {
  paths: Record<string, Record<string, OperationObject>>
  components?: { schemas?: Record<string, unknown>; responses?: Record<string, ResponseObject> }
}

interface Route {
  method: string
  template: string
  pattern: RegExp
  params: number
  operation: OperationObject
}

/** What checking one response found: the operation it answered, and what is wrong with it. */
export interface Conformance {
  operationId: string | undefined
  route: string | undefined
  problems: string[]
}

const COMPONENTS = 'https://papi.invalid/components.json'

/**
 * A checker of responses against the document.
 *
 * @example
 * const check = responseChecker(doc)
 * const { problems } = await check('GET', '/api/v1/units', res.clone())
 */
export function responseChecker(doc: OpenApiDocument) {
  const ajv = new Ajv2020({ strict: false, allErrors: true })
  addFormats(ajv)
  // Components under $defs of their own schema; every `#/components/schemas/X` points there.
  const retarget = <T>(value: T): T => JSON.parse(JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS}#/$defs/`)) as T
  ajv.addSchema({ $id: COMPONENTS, $defs: retarget(doc.components?.schemas ?? {}) })

  const routes: Route[] = Object.entries(doc.paths)
    .flatMap(([template, item]) =>
      Object.entries(item).map(([method, operation]) => ({
        method: method.toUpperCase(),
        template,
        pattern: new RegExp(`^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`),
        params: (template.match(/\{/g) ?? []).length,
        operation,
      })),
    )
    // A literal segment wins over a parameter: /units/tree before /units/{id}.
    .sort((a, b) => a.params - b.params)

  const validators = new Map<string, ValidateFunction>()
  const validatorOf = (key: string, schema: unknown) => {
    let validate = validators.get(key)
    if (!validate) {
      validate = ajv.compile(retarget(schema as object))
      validators.set(key, validate)
    }
    return validate
  }
  const resolve = (response: ResponseObject & { $ref?: string }): ResponseObject => {
    const name = response.$ref?.replace('#/components/responses/', '')
    return name ? (doc.components?.responses?.[name] ?? {}) : response
  }

  return async function check(method: string, url: string, res: Response): Promise<Conformance> {
    const path = new URL(url, 'http://papi.test').pathname
    const route = routes.find((r) => r.method === method.toUpperCase() && r.pattern.test(path))
    // Not an operation of the document (docs page, web app, an unknown path answering 404).
    if (!route) return { operationId: undefined, route: undefined, problems: [] }
    const name = `${route.method} ${route.template}`
    const responses = route.operation.responses ?? {}
    const status = String(res.status)
    const key = [status, `${status[0]}XX`, 'default'].find((k) => responses[k])
    if (!key) {
      return {
        operationId: route.operation.operationId,
        route: name,
        problems: [`${name} answered ${status}, which the document does not list`],
      }
    }
    const response = resolve(responses[key]!)
    const body = await res.text()
    const problems: string[] = []
    const type = res.headers.get('content-type')?.split(';')[0]?.trim()
    const media = type ? response.content?.[type] : undefined
    if (!response.content) {
      if (body) problems.push(`${name} ${status}: answered a body (${type}) where the document lists none`)
    } else if (!media) {
      problems.push(
        `${name} ${status}: answered ${type ?? 'no content type'}; the document lists ${Object.keys(response.content).join(', ')}`,
      )
    } else if (type === 'application/json' && media.schema) {
      const validate = validatorOf(`${name} ${key} ${type}`, media.schema)
      if (!validate(JSON.parse(body))) {
        for (const e of validate.errors ?? []) {
          problems.push(`${name} ${status}: body${e.instancePath} ${e.message} (${e.schemaPath}) ${JSON.stringify(e.params)}`)
        }
      }
    }
    return { operationId: route.operation.operationId, route: name, problems }
  }
}

let checker: Promise<ReturnType<typeof responseChecker>> | undefined

/**
 * Wraps `app.request` so every response is checked; a response the document does not describe
 * fails the test that got it. With PAPI_CONFORMANCE_LOG set, appends each checked operationId there
 * (how many operations the suite validates).
 */
export function checkResponsesOf<A extends { request: (input: any, init?: any, ...rest: any[]) => Response | Promise<Response> }>(
  app: A,
): A {
  const request = app.request.bind(app)
  app.request = (async (input: string | Request | URL, init?: RequestInit, ...rest: unknown[]) => {
    const res = await request(input, init, ...rest)
    const url = input instanceof Request ? input.url : String(input)
    const method = input instanceof Request ? input.method : (init?.method ?? 'GET')
    // Every app of a test file serves the same document: build the checker (and its compiled schemas) once.
    checker ??= Promise.resolve(request('/api/openapi.json')).then(async (r) => responseChecker((await r.json()) as OpenApiDocument))
    const { operationId, problems } = await (await checker)(method, url, res.clone())
    if (problems.length) throw new Error(`The response does not match the OpenAPI document:\n  ${problems.join('\n  ')}`)
    if (operationId && process.env.PAPI_CONFORMANCE_LOG) appendFileSync(process.env.PAPI_CONFORMANCE_LOG, `${operationId}\n`)
    return res
  }) as A['request']
  return app
}
