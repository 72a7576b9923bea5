import { createRoute, z } from '@hono/zod-openapi'
import {
  can,
  evaluateTarget,
  PlanSchema,
  planScopeUnitId,
  reportedObservation,
  resultObservation,
  TargetSchema,
  TargetStateSchema,
  type Target,
  unitsWhere,
} from '@papi/domain'
import { StoreError, type StoredPlan } from '@papi/store'
import type { Context } from 'hono'
import { errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { authorize, authorizeChange, authorizeRead, changeOf } from '../authorize'
import { createRouter } from '../router'
import { component, IdParamSchema, PlanSummarySchema, StoredPlanSchema } from '../schemas'
import { requireAuth } from '../session'

const VersionSchema = z
  .object({ version: z.number().int().min(0).openapi({ description: 'The version last read; a stale one answers 409' }) })
  .openapi('VersionCheck')

const PlanUpdateSchema = PlanSchema.extend({
  /** The version last read: required, a stale one answers 409. */
  version: z.number().int().min(0),
}).openapi('PlanUpdate')

const AssignmentSchema = z
  .object({
    taskId: z.string(),
    taskCode: z.string(),
    taskTitle: z.string(),
    sectionCode: z.string(),
    unitId: z.string(),
    unitName: z.string(),
    role: z.enum(['lead', 'coordinator']),
    assigneeText: z.string(),
  })
  .openapi('Assignment')

const EvaluatedTargetSchema = TargetSchema.extend({
  taskId: z.string().nullable(),
  taskCode: z.string().nullable(),
  state: TargetStateSchema,
  observed: z.object({ value: z.number().optional(), rank: z.number().optional(), year: z.number().optional() }),
}).openapi('EvaluatedTarget')

/** The plan, once the caller may read it. */
async function readablePlan(c: Context<AppEnv>, id: string): Promise<StoredPlan> {
  const plan = await c.var.store.plans.get(id)
  await authorizeRead(c, 'plan.read', planScopeUnitId(plan) ?? null, new StoreError('not-found', `no plan ${id}`, { planId: id }))
  return plan
}

/** Plans with sections, tasks and their resolved assignees; created, edited and published by planners. */
export const planRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans',
      operationId: 'listPlans',
      tags: ['plans'],
      summary: 'The plans the caller may read',
      responses: {
        200: { description: 'Plans, newest first', content: { 'application/json': { schema: z.array(PlanSummarySchema) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    async (c) => {
      const auth = requireAuth(c)
      const tree = await c.var.store.units.tree()
      const plans = await c.var.store.plans.list()
      return c.json(
        plans.filter((p) => can(auth.user, 'plan.read', p.scopeUnitId ?? null, tree)),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans',
      operationId: 'createPlan',
      tags: ['plans'],
      summary: 'Store a plan (JSON) as a draft; assignees resolve to units inside its scope',
      request: { body: { required: true, content: { 'application/json': { schema: component(PlanSchema, 'Plan') } } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: StoredPlanSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid', 'too-large'),
      },
    }),
    async (c) => {
      const plan = c.req.valid('json')
      await authorize(c, 'plan.manage', planScopeUnitId(plan) ?? null)
      return c.json(await c.var.store.plans.create(plan, changeOf(c)), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}',
      operationId: 'getPlan',
      tags: ['plans'],
      summary: 'One plan with sections, tasks and their resolved assignees',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The plan', content: { 'application/json': { schema: StoredPlanSchema } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => c.json(await readablePlan(c, c.req.valid('param').id), 200),
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/plans/{id}',
      operationId: 'replacePlan',
      tags: ['plans'],
      summary: 'Replace a plan: in full while a draft, its header once published',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: PlanUpdateSchema } } },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: StoredPlanSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { version, ...plan } = c.req.valid('json')
      // Read for its scope (the permission check): not its tasks' resolved assignees.
      const before = await c.var.store.plans.get(id, { assignees: false })
      await authorizeChange(
        c,
        'plan.manage',
        planScopeUnitId(before) ?? null,
        'plan.read',
        new StoreError('not-found', `no plan ${id}`, { planId: id }),
      )
      await authorize(c, 'plan.manage', planScopeUnitId(plan) ?? null)
      return c.json(await c.var.store.plans.update(id, plan, changeOf(c), version), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/plans/{id}/publish',
      operationId: 'publishPlan',
      tags: ['plans'],
      summary: 'Publish a draft plan and open its reporting periods',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: VersionSchema } } },
      },
      responses: {
        200: { description: 'Published', content: { 'application/json': { schema: StoredPlanSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const before = await c.var.store.plans.get(id)
      await authorizeChange(
        c,
        'plan.publish',
        planScopeUnitId(before) ?? null,
        'plan.read',
        new StoreError('not-found', `no plan ${id}`, { planId: id }),
      )
      return c.json(await c.var.store.plans.publish(id, changeOf(c), c.req.valid('json').version), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/assignments',
      operationId: 'listPlanAssignments',
      tags: ['plans'],
      summary: 'Who does what: every task × unit, classes resolved; `unitId` narrows to one unit',
      request: { params: IdParamSchema, query: z.object({ unitId: z.string().optional() }) },
      responses: {
        200: { description: 'Assignments', content: { 'application/json': { schema: z.array(AssignmentSchema) } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const plan = await readablePlan(c, c.req.valid('param').id)
      const { unitId } = c.req.valid('query')
      const rows = plan.sections.flatMap((s) =>
        s.tasks.flatMap((t) =>
          t.assignees
            .filter((a) => unitId === undefined || a.unitId === unitId)
            .map((a) => ({ taskId: t.id, taskCode: t.code, taskTitle: t.title, sectionCode: s.code, ...a })),
        ),
      )
      return c.json(rows, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/targets',
      operationId: 'listPlanTargets',
      tags: ['targets'],
      summary: 'The plan and task targets, evaluated against published scores and reported KPI values',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'Targets', content: { 'application/json': { schema: z.array(EvaluatedTargetSchema) } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const plan = await readablePlan(c, c.req.valid('param').id)
      const scopeUnitId = planScopeUnitId(plan)
      const scores = scopeUnitId ? await c.var.store.scores.list({ unitId: scopeUnitId, index: plan.index }) : []
      // Only the reports the caller may read: a reporter sees its own unit's KPI values, not another's.
      const readable = unitsWhere(requireAuth(c).user, 'report.read', await c.var.store.units.tree())
      const reports = await c.var.store.reports.list({ planId: plan.id, unitIds: [...readable] })
      const evaluate = (t: Target, task: { id: string; code: string } | null) => {
        // Plan targets speak of the index results of the plan's own unit; task targets of the
        // KPI values its units file.
        const observation =
          task === null
            ? resultObservation(t, scores, plan.years.to)
            : reportedObservation(
                t,
                reports.filter((r) => r.taskId === task.id),
              )
        const { baselineValue: _baseline, ...observed } = observation
        return {
          ...t,
          taskId: task?.id ?? null,
          taskCode: task?.code ?? null,
          state: evaluateTarget(t, observation),
          observed,
        }
      }
      return c.json(
        [
          ...plan.targets.map((t) => evaluate(t, null)),
          ...plan.sections.flatMap((s) => s.tasks.flatMap((task) => task.targets.map((t) => evaluate(t, task)))),
        ],
        200,
      )
    },
  )
