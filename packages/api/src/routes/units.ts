import { createRoute, z } from '@hono/zod-openapi'
import { UnitInputSchema, UnitPatchSchema } from '@papi/store'
import type { Unit } from '@papi/domain'
import { errorResponses } from '../api-error'
import { authorize, changeOf } from '../authorize'
import { createRouter } from '../router'
import { IdParamSchema, UnitOutSchema } from '../schemas'
import { requireAuth } from '../session'

type UnitNode = Unit & { children: UnitNode[] }

const UnitNodeSchema: z.ZodType<UnitNode> = UnitOutSchema.extend({
  children: z.lazy(() => z.array(UnitNodeSchema)),
}).openapi('UnitNode') as unknown as z.ZodType<UnitNode>

const MergeSchema = z
  .object({
    successorId: z.string().min(1),
    /** First day of the successor (2025-07-01 for the 2025 mergers). */
    effectiveOn: z.iso.date(),
  })
  .openapi('UnitMerge')

/** The organisation tree: read by anyone signed in, changed by admins. */
export const unitRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/units',
      operationId: 'listUnits',
      tags: ['units'],
      summary: 'Every unit (flat, parents before children)',
      responses: {
        200: { description: 'Units', content: { 'application/json': { schema: z.array(UnitOutSchema) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    async (c) => {
      requireAuth(c)
      return c.json(await c.var.store.units.list(), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/units/tree',
      operationId: 'getUnitTree',
      tags: ['units'],
      summary: 'The units as a nested tree',
      responses: {
        200: { description: 'Root units with their children', content: { 'application/json': { schema: z.array(UnitNodeSchema) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    async (c) => {
      requireAuth(c)
      const tree = await c.var.store.units.tree()
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
      request: { body: { required: true, content: { 'application/json': { schema: UnitInputSchema } } } },
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
        body: { required: true, content: { 'application/json': { schema: UnitPatchSchema } } },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: UnitOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'unit.manage', id)
      return c.json(await c.var.store.units.update(id, c.req.valid('json'), changeOf(c)), 200)
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
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'unit.manage', id)
      return c.json(await c.var.store.units.merge(id, c.req.valid('json'), changeOf(c)), 200)
    },
  )
