import { createRoute, z } from '@hono/zod-openapi'
import {
  cutoffWindow,
  deadlineAtLevel,
  GraceDaysSchema,
  parsePeriod,
  periodLabel,
  PeriodIdSchema,
  planIssuerLevel,
  planScopeUnitId,
  submissionDeadline,
  UnitLevelSchema,
  type UnitLevel,
} from '@papi/domain'
import { StoreError, type StoredPeriod } from '@papi/store'
import type { Context } from 'hono'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { authorizeChange, authorizeRead, changeOf } from '../authorize'
import { createRouter } from '../router'
import { IdParamSchema, PeriodOutSchema, VersionFieldSchema } from '../schemas'
import { requireAuth } from '../session'

const DateSchema = z.iso.date()

const NewPeriodSchema = z
  .object({
    periodId: PeriodIdSchema,
    cutoffStart: DateSchema.optional(),
    cutoffEnd: DateSchema.optional(),
    dueOn: DateSchema.optional(),
    graceDays: GraceDaysSchema.optional(),
  })
  .openapi('NewPeriod')

const PeriodPatchSchema = z
  .object({
    cutoffStart: DateSchema.optional(),
    cutoffEnd: DateSchema.optional(),
    dueOn: DateSchema.optional(),
    graceDays: GraceDaysSchema.optional(),
    locked: z.boolean().optional(),
    /** The period's version last read: required, a stale one answers 409. */
    version: VersionFieldSchema,
  })
  .openapi('PeriodPatch')

const PlanPeriodParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
  periodId: PeriodIdSchema.meta({}).openapi({ param: { name: 'periodId', in: 'path' } }),
})

const PeriodInfoSchema = z
  .object({
    id: z.string(),
    type: z.string(),
    label: z.string(),
    start: z.string(),
    end: z.string(),
    cutoffStart: z.string(),
    cutoffEnd: z.string(),
    deadlines: z.object({ national: z.string(), province: z.string(), district: z.string(), commune: z.string() }),
  })
  .openapi('PeriodInfo')

const LEVELS = UnitLevelSchema.options

async function planLevel(c: Context<AppEnv>, planId: string) {
  const plan = await c.var.store.plans.get(planId)
  const scope = planScopeUnitId(plan)
  const unit = scope === undefined ? undefined : await c.var.store.units.find(scope)
  const level = planIssuerLevel(plan, new Map(unit ? [[unit.id, unit]] : []))
  return { plan, scope: scope ?? null, level }
}

function periodOut(c: Context<AppEnv>, p: StoredPeriod, issuerLevel: UnitLevel) {
  const deadlines = Object.fromEntries(LEVELS.map((l) => [l, deadlineAtLevel(p.code, p, l, issuerLevel)])) as Record<
    (typeof LEVELS)[number],
    string
  >
  return { ...p, label: periodLabel(p.code, c.var.locale), deadlines }
}

/** Reporting periods: their data cut-off windows and deadlines (Decree 09/2019/NĐ-CP by default). */
export const periodRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/periods/{periodId}',
      operationId: 'describePeriod',
      tags: ['periods'],
      summary: 'What a period id means by default: its span, cut-off window and deadlines by level',
      request: { params: z.object({ periodId: z.string().openapi({ param: { name: 'periodId', in: 'path' } }) }) },
      responses: {
        200: { description: 'The period', content: { 'application/json': { schema: PeriodInfoSchema } } },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    (c) => {
      requireAuth(c)
      const parsed = parsePeriod(c.req.valid('param').periodId)
      if (!parsed.ok) throw new ApiError('invalid', { reason: parsed.error.message })
      const { id, type, start, end } = parsed.period
      const window = cutoffWindow(id)
      const deadlines = Object.fromEntries(LEVELS.map((l) => [l, submissionDeadline(id, l)])) as Record<(typeof LEVELS)[number], string>
      return c.json(
        { id, type, label: periodLabel(id, c.var.locale), start, end, cutoffStart: window.start, cutoffEnd: window.end, deadlines },
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/periods',
      operationId: 'listPlanPeriods',
      tags: ['periods'],
      summary: "A plan's reporting periods with windows and each level's deadline",
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'Periods', content: { 'application/json': { schema: z.array(PeriodOutSchema) } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { scope, level } = await planLevel(c, id)
      await authorizeRead(c, 'plan.read', scope, new StoreError('not-found', `no plan ${id}`, { planId: id }))
      const periods = await c.var.store.periods.list(id)
      return c.json(
        periods.map((p) => periodOut(c, p, level)),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/periods',
      operationId: 'openPlanPeriod',
      tags: ['periods'],
      summary: 'Open a reporting period; windows and deadline default to the plan rules',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: NewPeriodSchema } } },
      },
      responses: {
        201: { description: 'Opened', content: { 'application/json': { schema: PeriodOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { periodId, ...overrides } = c.req.valid('json')
      const { scope, level } = await planLevel(c, id)
      await authorizeChange(c, 'period.manage', scope, 'plan.read', new StoreError('not-found', `no plan ${id}`, { planId: id }))
      const period = await c.var.store.periods.open(id, periodId, overrides, changeOf(c))
      return c.json(periodOut(c, period, level), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/plans/{id}/periods/{periodId}',
      operationId: 'updatePlanPeriod',
      tags: ['periods'],
      summary: "Change a period's window, deadline or grace days, or lock it (naming the version last read)",
      request: {
        params: PlanPeriodParamsSchema,
        body: { required: true, content: { 'application/json': { schema: PeriodPatchSchema } } },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: PeriodOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id, periodId } = c.req.valid('param')
      const { scope, level } = await planLevel(c, id)
      await authorizeChange(c, 'period.manage', scope, 'plan.read', new StoreError('not-found', `no plan ${id}`, { planId: id }))
      const { version, ...patch } = c.req.valid('json')
      const period = await c.var.store.periods.update(id, periodId, patch, changeOf(c), version)
      return c.json(periodOut(c, period, level), 200)
    },
  )
