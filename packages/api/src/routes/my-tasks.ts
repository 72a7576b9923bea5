import { createRoute, z } from '@hono/zod-openapi'
import {
  can,
  deadlineAtLevel,
  DueReasonSchema,
  dueTasks,
  coordinatedTasks,
  expectedReports,
  grantedUnitIds,
  listedIn,
  listedReportState,
  organisationDayOf,
  periodLabel,
  PeriodIdSchema,
  periodAsOf,
  permissionsOf,
  planIssuerLevel,
  SubmissionStateSchema,
  UnitLevelSchema,
} from '@papi/domain'
import { asDomainPlan } from '@papi/store'
import { errorResponses } from '../api-error'
import { createRouter } from '../router'
import { AsOfSchema, StoredReportSchema, StoredTaskSchema } from '../schemas'
import { requireAuth } from '../session'

const MyTaskSchema = z
  .object({
    plan: z.object({ id: z.string(), number: z.string(), title: z.string() }),
    period: z.object({
      code: z.string(),
      cutoffStart: z.string(),
      cutoffEnd: z.string(),
      /** The unit's own deadline: communes report before the province consolidates. */
      deadline: z.string(),
      locked: z.boolean(),
    }),
    section: z.object({ id: z.string(), code: z.string(), title: z.string() }),
    task: StoredTaskSchema,
    /** Why the task is on this period's report (ongoing, window, milestone…). */
    reason: DueReasonSchema,
    unit: z.object({ id: z.string(), name: z.string(), level: UnitLevelSchema }),
    /** The unit's report on the task for the period, or null while none is saved. */
    report: z.union([StoredReportSchema, z.null()]),
    /** How the report stands against the unit's deadline and the period's grace days: a filed one on time or late by the day it was filed; one not filed pending or missing as of `asOf`. */
    submission: SubmissionStateSchema,
    /** The day it is judged on: the asOf asked for, else the deadline once past, else today (`periodAsOf`). */
    asOf: z.string(),
  })
  .openapi('MyTask')

const CoordinatedTaskSchema = z
  .object({
    plan: z.object({ id: z.string(), number: z.string(), title: z.string() }),
    section: z.object({ id: z.string(), code: z.string(), title: z.string() }),
    task: z.object({ id: z.string(), code: z.string(), title: z.string() }),
    unit: z.object({ id: z.string(), name: z.string() }),
    /** The units that lead it and report on it. */
    leads: z.array(z.object({ id: z.string(), name: z.string() })),
  })
  .openapi('CoordinatedTask')

const MyTasksSchema = z
  .object({
    periodId: z.string(),
    /** The period's name in the request's language ("6 tháng đầu năm 2018"). */
    label: z.string(),
    /** The units the caller files reports for. */
    units: z.array(z.object({ id: z.string(), name: z.string(), level: UnitLevelSchema })),
    tasks: z.array(MyTaskSchema),
    /** Tasks due in the period that the caller's units coordinate without leading: read, no report owed. */
    coordinating: z.array(CoordinatedTaskSchema),
  })
  .openapi('MyTasks')

/**
 * "My tasks this period": what the caller's units must report on, in one request. A unit owes a
 * report on each task it leads that is due in the period (the domain's `dueTasks`), in every
 * published plan that has the period open; coordinators report through the lead, as the dashboard
 * counts it.
 */
export const myTaskRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/my-tasks',
    operationId: 'listMyTasks',
    tags: ['reports'],
    summary: "The tasks the caller's units must report on in a period, with each unit's report so far",
    request: {
      query: z.object({
        periodId: PeriodIdSchema,
        asOf: AsOfSchema.optional().openapi({
          description: 'Judge each report as of this day. By default a past period as of the unit’s deadline, the current one as of now.',
        }),
      }),
    },
    responses: {
      200: { description: 'Tasks due, by plan, section and task', content: { 'application/json': { schema: MyTasksSchema } } },
      ...errorResponses('unauthenticated', 'invalid'),
    },
  }),
  async (c) => {
    const auth = requireAuth(c)
    const { periodId, asOf } = c.req.valid('query')
    const now = c.var.now().toISOString()
    const { store } = c.var
    // The organisation of the period: a commune moved under a new province since still reports its old tasks.
    const day = organisationDayOf(periodId)
    const tree = await store.units.tree(day === undefined ? {} : { asOf: day })
    // Units the caller reports for: the ones its roles name for report.write (a system-wide
    // admin grant names none: an admin files no unit's reports by default).
    const unitIds = new Set(grantedUnitIds(permissionsOf(auth.user), 'report.write').filter((id) => tree.byId.has(id)))
    const units = [...unitIds].map((id) => {
      const u = tree.byId.get(id)
      return { id, name: u?.name ?? id, level: u?.level ?? 'commune' }
    })
    const tasks: z.infer<typeof MyTaskSchema>[] = []
    const coordinating: z.infer<typeof CoordinatedTaskSchema>[] = []
    if (units.length > 0) {
      const reports = await store.reports.list({ periodId, unitIds: [...unitIds] })
      const summaries = (await store.plans.list()).filter(
        (p) => listedIn('reporting', p.status) && can(auth.user, 'plan.read', p.scopeUnitId ?? null, tree),
      )
      for (const summary of summaries) {
        const period = await store.periods.find(summary.id, periodId)
        if (!period) continue
        const plan = await store.plans.get(summary.id)
        const issuerLevel = planIssuerLevel(plan, tree.byId)
        const stored = new Map(plan.sections.flatMap((s) => s.tasks.map((t) => [t.id, { section: s, task: t }] as const)))
        const due = dueTasks(asDomainPlan(plan), periodId)
        const assignments = plan.sections.flatMap((s) =>
          s.tasks.flatMap((t) => t.assignees.map((a) => ({ taskId: t.id, unitId: a.unitId, role: a.role }))),
        )
        const owed = new Set(
          expectedReports(
            assignments,
            due.map((d) => d.task.id as string),
          ).map((p) => `${p.taskId}\u0000${p.unitId}`),
        )
        for (const pair of coordinatedTasks(
          assignments,
          due.map((d) => d.task.id as string),
        )) {
          const hit = stored.get(pair.taskId)
          const unit = units.find((u) => u.id === pair.unitId)
          if (hit === undefined || unit === undefined) continue
          const { section, task } = hit
          coordinating.push({
            plan: { id: plan.id, number: plan.number, title: plan.title },
            section: { id: section.id, code: section.code, title: section.title },
            task: { id: task.id, code: task.code, title: task.title },
            unit: { id: unit.id, name: unit.name },
            leads: task.assignees.filter((a) => a.role === 'lead').map((a) => ({ id: a.unitId, name: a.unitName })),
          })
        }
        for (const { task: dueTask, reason } of due) {
          const hit = stored.get(dueTask.id as string)
          if (hit === undefined) continue
          const { section, task } = hit
          for (const unit of units) {
            if (!owed.has(`${task.id}\u0000${unit.id}`)) continue
            const deadline = deadlineAtLevel(period.code, period, unit.level, issuerLevel)
            const report = reports.find((r) => r.taskId === task.id && r.unitId === unit.id) ?? null
            const judgedOn = asOf ?? periodAsOf(deadline, now, period.graceDays)
            tasks.push({
              plan: { id: plan.id, number: plan.number, title: plan.title },
              period: {
                code: period.code,
                cutoffStart: period.cutoffStart,
                cutoffEnd: period.cutoffEnd,
                deadline,
                locked: period.locked,
              },
              section: { id: section.id, code: section.code, title: section.title },
              task,
              reason,
              unit,
              report,
              // A report filed today for a 2018 period is late, not "missing as of 2018" (listedReportState).
              submission: listedReportState({
                ...(report !== null && { report }),
                deadline,
                asOf: judgedOn,
                graceDays: period.graceDays,
              }),
              asOf: judgedOn,
            })
          }
        }
      }
    }
    return c.json({ periodId, label: periodLabel(periodId, c.var.locale), units, tasks, coordinating }, 200)
  },
)
