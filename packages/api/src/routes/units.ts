import { createRoute, z } from '@hono/zod-openapi'
import { MergeInputSchema, storeErrorOf, UnitInputSchema, UnitPatchSchema, type RegisterProgress, type Store } from '@papi/store'
import { stream } from 'hono/streaming'
import { buildUnitTree, organisationOn, registerForProvince, type Unit, type UnitTree } from '@papi/domain'
import { ApiError, classifyError, errorBody, errorResponses } from '../api-error'
import { authorize, changeOf } from '../authorize'
import { createRouter } from '../router'
import { component, IdParamSchema, UnitOutSchema, VersionFieldSchema } from '../schemas'
import { requireAuth } from '../session'

type UnitNode = Unit & { children: UnitNode[] }

const UnitNodeSchema: z.ZodType<UnitNode> = UnitOutSchema.extend({
  children: z.lazy(() => z.array(UnitNodeSchema)),
}).openapi('UnitNode') as unknown as z.ZodType<UnitNode>

/** The unit's version last read: a change or merge requires it, a stale one answers 409. */
const UnitVersionCheck = { version: VersionFieldSchema }

const MergeSchema = component(MergeInputSchema.extend(UnitVersionCheck), 'UnitMerge')
const UnitPatchBodySchema = component(UnitPatchSchema.extend(UnitVersionCheck), 'UnitPatch')

const UnitVersionSchema = z.object({
  validFrom: z.string().optional(),
  validTo: z.string().optional(),
  name: z.string(),
  parentId: z.string().nullable(),
  level: UnitOutSchema.shape.level,
  kind: UnitOutSchema.shape.kind,
})
const UnitLinkSchema = z.object({
  unit: UnitOutSchema,
  kind: z.enum(['whole', 'part']),
  effectiveOn: z.string().nullable(),
  note: z.string().nullable(),
})
const UnitHistorySchema = z
  .object({
    unit: UnitOutSchema,
    versions: z.array(UnitVersionSchema),
    predecessors: z.array(UnitLinkSchema),
    successors: z.array(UnitLinkSchema),
  })
  .openapi('UnitHistory')

const RegisterImportInputSchema = z
  .object({
    /** An official province code: that province alone (its old code, and what it became); absent = the whole country. */
    province: z
      .string()
      .regex(/^\d{2}$/u)
      .optional(),
  })
  .openapi('RegisterImportInput')
const RegisterImportResultSchema = z
  .object({
    units: z.object({ created: z.number().int(), existing: z.number().int() }),
    links: z.object({ created: z.number().int(), existing: z.number().int() }),
    counts: z.object({
      provinces: z.object({ old: z.number().int(), new: z.number().int() }),
      districts: z.number().int(),
      communes: z.object({ old: z.number().int(), new: z.number().int() }),
      bodies: z.number().int(),
      links: z.number().int(),
    }),
    issues: z.array(z.object({ table: z.string(), row: z.number().int(), message: z.string() })),
  })
  .openapi('RegisterImportResult')

/** How often, at most, a streamed register import reports its progress (each phase's end always). */
const PROGRESS_INTERVAL_MS = 100

/** Whether the caller asked for the register import's progress as NDJSON lines. */
function acceptsNdjson(accept: string | undefined): boolean {
  return (accept ?? '').split(',').some((part) => part.split(';')[0]?.trim().toLowerCase() === 'application/x-ndjson')
}

const AsOfQuerySchema = z.object({
  asOf: z.iso.date().optional().openapi({
    description:
      'A day (YYYY-MM-DD): the units in force that day, each with the name and parent it had then (Thừa Thiên Huế in 2018, Huế since 2025); units created later or ended before are left out. Absent: every unit, as it is now.',
    example: '2020-09-30',
  }),
})

/** The organisation the caller asked for: every unit as it is, or those in force on `asOf` as they were. */
async function unitsFor(c: { var: { store: Store } }, asOf: string | undefined): Promise<Unit[]> {
  const units = await c.var.store.units.list()
  if (asOf === undefined) return units
  return organisationOn(units, await c.var.store.units.versions(), asOf)
}

/** A change that would leave units under an ended one: 409 with a sentence saying which and what to do. */
async function refusingOrphans<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work()
  } catch (error) {
    const storeError = storeErrorOf(error)
    const details = storeError?.details as { reason?: string; orphans?: { name: string }[]; lastDay?: string } | undefined
    if (details?.reason !== 'would-orphan') throw error
    const names = (details.orphans ?? [])
      .slice(0, 5)
      .map((o) => o.name)
      .join(', ')
    const more = (details.orphans?.length ?? 0) > 5 ? '…' : ''
    throw new ApiError('conflict', details, {
      vi: `Không thể kết thúc đơn vị vì còn ${details.orphans?.length ?? 0} đơn vị trực thuộc còn hiệu lực sau ngày ${details.lastDay} (${names}${more}). Hãy kết thúc hoặc chuyển các đơn vị này trước (hoặc gửi children: "end" / "move").`,
      en: `The unit cannot end: ${details.orphans?.length ?? 0} unit(s) under it are still in force after ${details.lastDay} (${names}${more}). End or move them first (or send children: "end" / "move").`,
    })
  }
}

/** The organisation tree: read by anyone signed in, changed by admins. */
export const unitRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/units',
      operationId: 'listUnits',
      tags: ['units'],
      summary: 'Every unit (flat, parents before children), now or as it was on a day',
      description:
        'The organisation is read by anyone signed in. With `asOf`, the units in force that day with their names and parents then: what a plan, a report or a dashboard of that day refers to.',
      request: { query: AsOfQuerySchema },
      responses: {
        200: { description: 'Units', content: { 'application/json': { schema: z.array(UnitOutSchema) } } },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    async (c) => {
      requireAuth(c)
      return c.json(await unitsFor(c, c.req.valid('query').asOf), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/tree',
      operationId: 'getUnitTree',
      tags: ['units'],
      summary: 'The units as a nested tree, now or as it was on a day',
      description:
        'Read by anyone signed in. With `asOf`, the tree of the units in force that day, each under the parent and with the name it had then (a commune moved in 2025 stays under its old district for 2020).',
      request: { query: AsOfQuerySchema },
      responses: {
        200: { description: 'Root units with their children', content: { 'application/json': { schema: z.array(UnitNodeSchema) } } },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    async (c) => {
      requireAuth(c)
      const { asOf } = c.req.valid('query')
      const tree: UnitTree = asOf === undefined ? await c.var.store.units.tree() : buildUnitTree(await unitsFor(c, asOf))
      const nest = (unit: Unit): UnitNode => ({ ...unit, children: (tree.children.get(unit.id) ?? []).map(nest) })
      return c.json(tree.roots.map(nest), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/units',
      operationId: 'createUnit',
      tags: ['units'],
      summary: 'Create a unit',
      request: { body: { required: true, content: { 'application/json': { schema: component(UnitInputSchema, 'NewUnit') } } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const input = c.req.valid('json')
      await authorize(c, 'unit.manage', input.parentId)
      return c.json(await c.var.store.units.create(input, changeOf(c)), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}',
      operationId: 'getUnit',
      tags: ['units'],
      summary: 'One unit',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The unit', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses('unauthenticated', 'not-found'),
      },
    }),
    async (c) => {
      requireAuth(c)
      return c.json(await c.var.store.units.get(c.req.valid('param').id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/units/{id}',
      operationId: 'updateUnit',
      tags: ['units'],
      summary: 'Change a unit (name, code, parent, validity)',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: UnitPatchBodySchema } } },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'unit.manage', id)
      const { version, ...patch } = c.req.valid('json')
      return c.json(await refusingOrphans(() => c.var.store.units.update(id, patch, changeOf(c), version)), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/units/{id}/merge',
      operationId: 'mergeUnit',
      tags: ['units'],
      summary: 'Merge a unit into its successor from a day (Kiên Giang → An Giang from 2025-07-01)',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: MergeSchema } } },
      },
      responses: {
        200: { description: 'The merged unit, ended the day before', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'unit.manage', id)
      const { version, ...input } = c.req.valid('json')
      return c.json(await refusingOrphans(() => c.var.store.units.merge(id, input, changeOf(c), version)), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/{id}/history',
      operationId: 'getUnitHistory',
      tags: ['units'],
      summary: 'What a unit was and became: its dated versions, predecessors and successors (whole or part)',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The history', content: { 'application/json': { schema: UnitHistorySchema } } },
        ...errorResponses('unauthenticated', 'not-found'),
      },
    }),
    async (c) => {
      requireAuth(c)
      return c.json(await c.var.store.units.history(c.req.valid('param').id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/units/import-register',
      operationId: 'importRegister',
      tags: ['units'],
      summary: "Load the national administrative-unit register (before and after 1 July 2025), or one province's part",
      description:
        'Idempotent and in one transaction: units already there (by register code) are left alone, so a second run creates nothing. `province` loads one old province (by its official code) and the new province(s) it became.',
      request: { body: { required: false, content: { 'application/json': { schema: RegisterImportInputSchema } } } },
      responses: {
        200: {
          description:
            'What was loaded; or, asked with `Accept: application/x-ndjson`, one JSON object per line while it loads: `{"type":"progress","phase":"units"|"links","done":n,"total":n}` (at most every 100 ms, and at the end of each phase), then `{"type":"result",…what was loaded}` or, if it failed once the answer had begun, `{"type":"error","error":{…the error body}}`.',
          content: {
            'application/json': { schema: RegisterImportResultSchema },
            'application/x-ndjson': {
              schema: z
                .string()
                .openapi({ type: 'string', description: 'Newline-delimited JSON: progress lines, then a result or error line.' }),
            },
          },
        },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      await authorize(c, 'register.import', null)
      const { province } = c.req.valid('json') ?? {}
      // The register (and its CSV reader) loads when asked for, not with the server (#11).
      const whole = await (await import('@papi/register')).readRegister()
      const register = province === undefined ? whole : registerForProvince(whole, province)
      if (!register) {
        throw new ApiError(
          'not-found',
          { province },
          {
            vi: `Không có tỉnh, thành phố nào mang mã ${province} trong danh mục.`,
            en: `No province has the code ${province} in the register.`,
          },
        )
      }
      const change = changeOf(c)
      if (!acceptsNdjson(c.req.header('accept'))) {
        const result = await c.var.store.units.importRegister(register, change)
        return c.json({ ...result, issues: register.issues }, 200)
      }
      // The progress, line by line (the CLI's bar, for a client over HTTP). Once the first line is
      // out the status is sent: a failure afterwards is the last line, in the usual error shape.
      c.header('Content-Type', 'application/x-ndjson; charset=utf-8')
      const { store, locale, requestId, log } = c.var
      // The typed answer is the JSON one; the stream is the same route's other content type.
      return stream(c, async (out) => {
        const line = (value: unknown) => out.write(`${JSON.stringify(value)}\n`)
        let last: { phase: string; at: number } | undefined
        const onProgress: RegisterProgress = ({ phase, done, total }) => {
          const at = performance.now()
          const phaseEnd = done >= total
          if (!phaseEnd && last?.phase === phase && at - last.at < PROGRESS_INTERVAL_MS) return
          last = { phase, at }
          void line({ type: 'progress', phase, done, total })
          // The import may never wait on I/O (PGlite): a turn of the event loop lets the line out now.
          return new Promise<void>((resolve) => setImmediate(resolve))
        }
        try {
          const result = await store.units.importRegister(register, change, { onProgress })
          await line({ type: 'result', ...result, issues: register.issues })
        } catch (error) {
          const { code, details, text, unexpected } = classifyError(error)
          if (unexpected) log.error({ err: error }, 'unexpected error')
          await line({ type: 'error', ...errorBody(code, locale ?? 'vi', { details, requestId, text }) })
        }
      }) as never
    },
  )
