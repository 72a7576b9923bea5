// Test fixture (not exported): the app's own OpenAPI document walked as a list of operations, and
// valid request values built from their schemas — what the tests that reach every operation
// (robustness.test.ts, permission-matrix.test.ts) send.
import type { Store } from '@papi/store'
import { createApp } from './app'
import { NOW } from './app.fixture'

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json }
export type JsonSchema = Record<string, any>
export type Operation = {
  method: string
  path: string
  operationId: string
  params: { name: string; in: 'path' | 'query'; required: boolean; schema: JsonSchema }[]
  body?: { required: boolean; types: string[]; schema?: JsonSchema }
}

// The document does not depend on the database: read it from an app over no store at all.
export const DOC = (await (await createApp({ store: {} as Store }).request('/api/openapi.json')).json()) as {
  paths: Record<string, Record<string, any>>
  components: { schemas: Record<string, JsonSchema> }
}

/** Every operation of the document, in its order. */
export const ALL_OPERATIONS: Operation[] = Object.entries<Record<string, any>>(DOC.paths).flatMap(([path, ops]) =>
  Object.entries(ops).map(([method, op]) => ({
    method: method.toUpperCase(),
    path,
    operationId: op.operationId,
    params: op.parameters ?? [],
    ...(op.requestBody && {
      body: {
        required: op.requestBody.required === true,
        types: Object.keys(op.requestBody.content),
        schema: op.requestBody.content['application/json']?.schema,
      },
    }),
  })),
)

/** A schema with its `$ref`s to the components followed. */
export function resolve(schema: JsonSchema | undefined): JsonSchema {
  let s = schema ?? {}
  while (s.$ref) s = DOC.components.schemas[String(s.$ref).split('/').pop()!] ?? {}
  return s
}

/** A valid value for a schema: its required fields, with fixture values by field name (`hints`). */
export function sample(schema: JsonSchema | undefined, name: string, hints: Record<string, Json>): Json {
  if (name in hints) return hints[name] as Json
  const s = resolve(schema)
  if ('const' in s) return s.const
  if (s.enum) return s.enum[0]
  if (s.anyOf ?? s.oneOf) return sample((s.anyOf ?? s.oneOf)[0], name, hints)
  const type = Array.isArray(s.type) ? s.type.find((t: string) => t !== 'null') : s.type
  switch (type) {
    case 'object':
      return Object.fromEntries(((s.required ?? []) as string[]).map((key) => [key, sample(s.properties?.[key], key, hints)]))
    case 'array':
      return Array.from({ length: s.minItems ?? 0 }, () => sample(s.items, name, hints))
    case 'string':
      if (s.format === 'date') return '2018-06-30'
      if (s.format === 'date-time') return NOW.toISOString()
      if (String(s.pattern ?? '').includes('Q[1-4]')) return '2018S1'
      return 'robot'.padEnd(s.minLength ?? 0, 'x')
    case 'integer':
    case 'number':
      return s.minimum ?? 1
    case 'boolean':
      return false
    default:
      return null
  }
}
