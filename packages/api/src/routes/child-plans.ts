import { createRoute, z } from '@hono/zod-openapi'
import { childPlanAccess, localDateOf, organisationDayOf, PeriodIdSchema, planScopeUnitId } from '@papi/domain'
import { shownPeriodOf } from '@papi/domain'
import { StoreError } from '@papi/store'
import { errorResponses } from '../api-error'
import { authorizeRead } from '../authorize'
import { createRouter } from '../router'
import { AsOfSchema, IdParamSchema, ReportingStatsSchema } from '../schemas'

const ChildPlanProgressSchema = z
  .object({
    planId: z.string(),
    number: z.string(),
    title: z.string(),
    issuer: z.string(),
    issuedOn: z.string(),
    status: z.enum(['draft', 'published']),
    scopeUnitId: z.string().nullable(),
    periodId: z
      .string()
      .nullable()
      .openapi({ description: 'The period shown: the one asked for when open on the child, else its last one due, else its first' }),
    dueOn: z.string().nullable(),
    asOf: z.string().nullable(),
    reporting: ReportingStatsSchema.omit({ unitId: true }).nullable().openapi({
      description: 'Null when the caller may not read the child’s dashboard, or it has no period open',
    }),
    progress: z.number().nullable(),
  })
  .openapi('ChildPlanProgress')

/** A parent plan's dashboard: how each plan that implements it is doing (issue #13, Đức Hợp under 07/KH-UBND). */
export const childPlanRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/plans/{id}/children',
    operationId: 'listChildPlanProgress',
    tags: ['dashboard'],
    summary: 'The plans that implement this one, each with its reports due, filed, accepted and late in a period, and its progress',
    description:
      'Lists the child plans the caller may read (plan.read on their unit); figures only where the caller may read that unit’s dashboard (dashboard.read), as the domain’s childPlanAccess says. The figures are the dashboard’s (the domain’s periodFigures).',
    request: {
      params: IdParamSchema,
      query: z.object({
        periodId: PeriodIdSchema.meta({})
          .optional()
          .openapi({ description: 'The period to show; a child that does not run it shows its own last one due' }),
        asOf: AsOfSchema.optional().openapi({
          description: 'Judge the figures as of this day (a past period: its deadline plus grace by default)',
        }),
      }),
    },
    responses: {
      200: { description: 'The child plans, by number', content: { 'application/json': { schema: z.array(ChildPlanProgressSchema) } } },
      ...errorResponses('unauthenticated', 'not-found', 'invalid'),
    },
  }),
  async (c) => {
    const { id } = c.req.valid('param')
    const { periodId, asOf } = c.req.valid('query')
    const store = c.var.store
    const parent = await store.plans.get(id)
    const { auth, tree } = await authorizeRead(
      c,
      'plan.read',
      planScopeUnitId(parent) ?? null,
      new StoreError('not-found', `no plan ${id}`, { planId: id }),
    )
    const now = c.var.now()
    const children = (await store.plans.list()).filter((p) => p.parentPlanId === id).sort((a, b) => a.number.localeCompare(b.number, 'vi'))
    const rows = []
    for (const child of children) {
      const unitId = child.scopeUnitId ?? null
      const access = childPlanAccess(auth.user, unitId, tree)
      if (access === 'none') continue
      const periods = await store.periods.list(child.id)
      const shown = shownPeriodOf(periods, localDateOf(asOf ?? now.toISOString()), periodId)
      const period = periods.find((p) => p.code === shown)
      const base = {
        planId: child.id,
        number: child.number,
        title: child.title,
        issuer: child.issuer,
        issuedOn: child.issuedOn,
        status: child.status,
        scopeUnitId: unitId,
        periodId: shown ?? null,
        dueOn: period?.dueOn ?? null,
      }
      if (access === 'listed' || unitId === null || shown === undefined || child.status !== 'published') {
        rows.push({ ...base, asOf: null, reporting: null, progress: null })
        continue
      }
      const day = organisationDayOf(shown)
      const dashboard = await store.dashboard(day === undefined ? tree : await store.units.tree({ asOf: day }), {
        unitId,
        periodId: shown,
        planId: child.id,
        now,
        ...(asOf !== undefined && { asOf }),
      })
      const figures = dashboard.plans[0]
      const { unitId: _unit, ...reporting } = figures?.reporting ?? { unitId, ...dashboard.totals }
      rows.push({ ...base, asOf: figures?.asOf ?? dashboard.asOf, reporting, progress: figures?.progress ?? null })
    }
    return c.json(rows, 200)
  },
)
