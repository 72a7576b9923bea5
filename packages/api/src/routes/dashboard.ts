import { createRoute, z } from '@hono/zod-openapi'
import { can, organisationDayOf, PeriodIdSchema, sumReportingStats, TaskOutcomeSchema, WorkStatusSchema } from '@papi/domain'
import { errorResponses } from '../api-error'
import { AsOfSchema, ReportingStatsSchema } from '../schemas'
import { authorize } from '../authorize'
import { streamedJson } from '../json-stream'
import { createRouter } from '../router'

const OutcomesSchema = z.record(TaskOutcomeSchema, z.number().int())

const TaskProgressSchema = z.object({
  taskId: z.string(),
  code: z.string(),
  title: z.string(),
  weight: z.number(),
  progress: z.number().nullable(),
  dueDate: z.string().optional(),
  completedOn: z.string().optional(),
  outcome: TaskOutcomeSchema,
  units: z.array(
    z.object({
      unitId: z.string(),
      progress: z.number(),
      workStatus: WorkStatusSchema.nullable(),
      completedOn: z.string().optional(),
      periodId: z.string().optional(),
    }),
  ),
})

const DashboardSchema = z
  .object({
    unitId: z.string(),
    periodId: z.string(),
    asOf: z.string(),
    totals: ReportingStatsSchema.omit({ unitId: true }),
    plans: z.array(
      z.object({
        planId: z.string(),
        number: z.string(),
        title: z.string(),
        periodId: z.string(),
        cutoffStart: z.string(),
        cutoffEnd: z.string(),
        dueOn: z.string(),
        asOf: z.string().openapi({
          description: 'The day this plan’s figures are judged on (the asOf asked for, else its deadline plus grace once past, else today)',
        }),
        reporting: ReportingStatsSchema,
        progress: z.number().nullable(),
        outcomes: OutcomesSchema,
        sections: z.array(
          z.object({
            sectionId: z.string(),
            code: z.string(),
            title: z.string(),
            weight: z.number(),
            progress: z.number().nullable(),
            outcomes: OutcomesSchema,
            tasks: z.array(TaskProgressSchema),
          }),
        ),
        units: z.array(ReportingStatsSchema.extend({ unitName: z.string(), parentId: z.string().nullable() })),
      }),
    ),
  })
  .openapi('Dashboard')

/** Completeness, timeliness and progress of a unit's subtree for one period. */
export const dashboardRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/dashboard',
    operationId: 'getDashboard',
    tags: ['dashboard'],
    summary: "Completeness, timeliness and progress for a unit's subtree in a period, by plan, section and unit",
    request: {
      query: z.object({
        unitId: z.string().min(1),
        periodId: PeriodIdSchema,
        planId: z.string().optional(),
        asOf: AsOfSchema.optional().openapi({
          description:
            'Judge the figures as of this day. By default a past period is judged as of its deadline (plus grace), the current one as of now.',
        }),
      }),
    },
    responses: {
      200: { description: 'The dashboard', content: { 'application/json': { schema: DashboardSchema } } },
      ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'invalid'),
    },
  }),
  async (c) => {
    const { unitId, periodId, planId, asOf } = c.req.valid('query')
    const { auth } = await authorize(c, 'dashboard.read', unitId)
    // A past period is counted with the organisation it had (units moved or merged since stay where they were).
    const day = organisationDayOf(periodId)
    const tree = await c.var.store.units.tree(day === undefined ? {} : { asOf: day })
    const dashboard = await c.var.store.dashboard(tree, {
      unitId,
      periodId,
      now: c.var.now(),
      ...(asOf !== undefined && { asOf }),
      ...(planId && { planId }),
    })
    // Only plans the caller may read, though a unit of theirs may be assigned to another's.
    const readable = new Set(
      (await c.var.store.plans.list()).filter((p) => can(auth.user, 'plan.read', p.scopeUnitId ?? null, tree)).map((p) => p.id),
    )
    const plans = dashboard.plans.filter((p) => readable.has(p.planId))
    // The totals count the plans shown, no more (a count is data too, #10 hole 1).
    const { unitId: _root, ...totals } = sumReportingStats(
      plans.map((p) => p.reporting),
      dashboard.unitId,
    )
    // Streamed: the national answer is ~8.5 MB of JSON, never held whole (the server's peak memory, #11).
    return streamedJson(c, { ...dashboard, plans, totals }, 200)
  },
)
