import { createRoute, z } from '@hono/zod-openapi'
import { mayWritePeriodNarrative, NARRATIVE_PART_MAX, PeriodIdSchema, planScopeUnitId } from '@papi/domain'
import { StoreError, type StoredPeriodNarrative } from '@papi/store'
import type { Context } from 'hono'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { authorizeRead, changeOf } from '../authorize'
import { createRouter } from '../router'

const PlanPeriodParamsSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
  periodId: PeriodIdSchema.meta({}).openapi({ param: { name: 'periodId', in: 'path' } }),
})

const part = (what: string) =>
  z
    .string()
    .max(NARRATIVE_PART_MAX)
    .openapi({ description: `${what}; at most ${NARRATIVE_PART_MAX} characters, empty when not written` })

const parts = {
  results: part('1. Results achieved in the period (Kết quả đạt được)'),
  limits: part('2. Limits, shortcomings and their causes (Tồn tại, hạn chế và nguyên nhân)'),
  nextTasks: part('3. Main tasks of the next period (Nhiệm vụ trọng tâm kỳ tới)'),
  proposals: part('4. Proposals to superiors (Đề xuất, kiến nghị)'),
}

const PeriodNarrativeOutSchema = z
  .object({
    planId: z.string(),
    periodId: z.string(),
    ...parts,
    version: z.number().int().openapi({ description: '0 until first saved; send it back with the next save' }),
    updatedAt: z.string().nullable(),
    updatedBy: z.string().nullable(),
    editable: z.boolean().openapi({ description: 'Whether the caller may write it (the plan’s standing agency)' }),
  })
  .openapi('PeriodNarrative')

const PeriodNarrativeInSchema = z
  .object({
    results: parts.results.optional(),
    limits: parts.limits.optional(),
    nextTasks: parts.nextTasks.optional(),
    proposals: parts.proposals.optional(),
    version: z.number().int().min(0).openapi({ description: 'The version last read (0 before the first save); a stale one answers 409' }),
  })
  .openapi('PeriodNarrativeUpdate')

const WHO =
  'Read by whoever may read the plan; written by its standing agency — a planner over the plan’s unit or over the unit it names as standing agency (the domain’s mayWritePeriodNarrative).'

/** The plan, once the caller may read it (404 otherwise, as for a plan that does not exist). */
async function readablePlan(c: Context<AppEnv>, id: string) {
  const plan = await c.var.store.plans.get(id)
  const { auth, tree } = await authorizeRead(
    c,
    'plan.read',
    planScopeUnitId(plan) ?? null,
    new StoreError('not-found', `no plan ${id}`, { planId: id }),
  )
  return { plan, editable: mayWritePeriodNarrative(auth.user, plan, tree) }
}

const out = (narrative: StoredPeriodNarrative, editable: boolean) => ({ ...narrative, editable })

/**
 * The plan's own report for a period, in words: what its standing agency writes around the
 * generated tables of the period report (.docx).
 */
export const periodNarrativeRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/periods/{periodId}/narrative',
      operationId: 'getPeriodNarrative',
      tags: ['periods'],
      summary: 'The written parts of the plan’s report for a period: results, limits and causes, next tasks, proposals',
      description: WHO,
      request: { params: PlanPeriodParamsSchema },
      responses: {
        200: {
          description: 'The texts (empty, version 0, before anyone wrote them)',
          content: { 'application/json': { schema: PeriodNarrativeOutSchema } },
        },
        ...errorResponses('unauthenticated', 'not-found', 'invalid'),
      },
    }),
    async (c) => {
      const { id, periodId } = c.req.valid('param')
      const { editable } = await readablePlan(c, id)
      return c.json(out(await c.var.store.periods.narrative(id, periodId), editable), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}/periods/{periodId}/narrative',
      operationId: 'savePeriodNarrative',
      tags: ['periods'],
      summary: 'Write the parts of the plan’s report for a period (a part left out is saved empty)',
      description: `${WHO} Audited; \`version\` must be the one last read (409 otherwise).`,
      request: {
        params: PlanPeriodParamsSchema,
        body: { required: true, content: { 'application/json': { schema: PeriodNarrativeInSchema } } },
      },
      responses: {
        200: { description: 'Saved', content: { 'application/json': { schema: PeriodNarrativeOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id, periodId } = c.req.valid('param')
      const { version, ...texts } = c.req.valid('json')
      const { plan, editable } = await readablePlan(c, id)
      if (!editable) {
        throw new ApiError(
          'forbidden',
          { planId: id, action: 'period-narrative.write' },
          {
            vi: 'Chỉ cơ quan thường trực của kế hoạch mới được viết báo cáo kỳ này.',
            en: 'Only the plan’s standing agency writes its report for the period.',
          },
        )
      }
      if (plan.status !== 'published') {
        throw new ApiError(
          'invalid',
          { planId: id, status: plan.status },
          {
            vi: 'Kế hoạch chưa ban hành: chưa có kỳ báo cáo để viết.',
            en: 'The plan is not published: it has no period to report on yet.',
          },
        )
      }
      return c.json(out(await c.var.store.periods.saveNarrative(id, periodId, texts, changeOf(c), version), true), 200)
    },
  )
