import { createRoute, z } from '@hono/zod-openapi'
import {
  PeriodIdSchema,
  ReportContentSchema,
  ReportStatusSchema,
  reportActionPermission,
  unitsWhere,
  WorkStatusSchema,
  type ReportAction,
} from '@papi/domain'
import { StoreError } from '@papi/store'
import type { Context } from 'hono'
import { errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { authorize, authorizeChange, authorizeRead, changeOf, requestTree } from '../authorize'
import { createRouter } from '../router'
import { IdParamSchema, StoredReportSchema } from '../schemas'
import { confirmSession, noSession, requireAuth } from '../session'

const ReportWriteSchema = z
  .object({
    taskId: z.string().min(1),
    unitId: z.string().min(1),
    periodId: PeriodIdSchema,
    /**
     * The work's status (`not-started`, `in-progress`, `done`), or the report's: `draft` saves,
     * `submitted` saves and submits in one step.
     */
    status: z.union([WorkStatusSchema, z.enum(['draft', 'submitted'])]).optional(),
    // The per-period fields a unit may change, as the domain's workflow checks them.
    ...ReportContentSchema.shape,
    /** The version last read; omit (or 0) for a report that does not exist yet. */
    version: z.number().int().min(0).optional(),
  })
  .openapi('ReportWrite')

// The version the caller read: an action on a version it never saw (a resubmission) must fail.
const VersionBodySchema = z.object({ version: z.number().int().min(0) }).openapi('ReportSubmit')
const AcceptSchema = z.object({ version: z.number().int().min(0), comment: z.string().max(5000).optional() }).openapi('ReportAccept')
const CommentSchema = z.object({ version: z.number().int().min(0), comment: z.string().trim().min(1).max(5000) }).openapi('ReportReturn')

const ReportVersionSchema = z
  .object({
    version: z.number().int(),
    action: z.string(),
    status: z.string(),
    snapshot: StoredReportSchema,
    actorId: z.string().nullable(),
    at: z.string(),
  })
  .openapi('ReportVersion')

const ReportQuerySchema = z.object({
  planId: z.string().optional(),
  periodId: z.string().optional(),
  unitId: z.string().optional(),
  taskId: z.string().optional(),
  status: ReportStatusSchema.optional(),
})

async function act(c: Context<AppEnv>, id: string, action: ReportAction, version: number) {
  const report = await c.var.store.reports.get(id)
  await authorizeChange(
    c,
    reportActionPermission(action.type),
    report.unitId,
    'report.read',
    new StoreError('not-found', `no report ${id}`, { reportId: id }),
  )
  return c.var.store.reports.act(id, action, changeOf(c), version)
}

const actionRoute = <P extends string, S extends z.ZodType>(path: P, operationId: string, summary: string, schema: S) =>
  createRoute({
    method: 'post',
    path,
    operationId,
    tags: ['reports'],
    summary,
    request: { params: IdParamSchema, body: { required: true, content: { 'application/json': { schema } } } },
    responses: {
      200: { description: 'The report after the action', content: { 'application/json': { schema: StoredReportSchema } } },
      ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
    },
  })

/** Periodic reports: filed by a unit, submitted, then accepted or returned by the standing agency. */
export const reportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports',
      operationId: 'listReports',
      tags: ['reports'],
      summary: 'Reports the caller may read',
      request: { query: ReportQuerySchema },
      responses: {
        200: { description: 'Reports', content: { 'application/json': { schema: z.array(StoredReportSchema) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    async (c) => {
      const auth = requireAuth(c)
      const { unitId, ...query } = c.req.valid('query')
      const readable = unitsWhere(auth.user, 'report.read', await requestTree(c))
      const unitIds = unitId === undefined ? [...readable] : readable.has(unitId) ? [unitId] : []
      return c.json(await c.var.store.reports.list({ ...query, unitIds }), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'put',
      path: '/reports',
      operationId: 'saveReport',
      tags: ['reports'],
      summary: 'Create or update the report of one unit on one task for one period (version-checked)',
      request: { body: { required: true, content: { 'application/json': { schema: ReportWriteSchema } } } },
      responses: {
        200: { description: 'The saved report', content: { 'application/json': { schema: StoredReportSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid', 'too-large'),
      },
    }),
    async (c) => {
      const { status, workStatus, ...body } = c.req.valid('json')
      const isWorkStatus = status !== undefined && WorkStatusSchema.safeParse(status).success
      const input = {
        ...body,
        ...(isWorkStatus ? { workStatus: status as z.infer<typeof WorkStatusSchema> } : {}),
        ...(workStatus !== undefined && { workStatus }),
        submit: status === 'submitted',
      }
      // The session may come from this process's cache (session.ts): the save's own read checks it
      // still holds (else SessionChangedError, nothing written). A cached session is refused
      // nothing on its word alone: on any failure the session is read and the save decided anew.
      const save = async () => {
        await authorize(c, 'report.write', body.unitId)
        return c.get('store').reports.save(input, changeOf(c), c.get('sessionCheck'))
      }
      const saved = await save().catch(async (error: unknown) => {
        if (!c.get('sessionCheck')) throw error
        if (!(await confirmSession(c))) throw noSession()
        return save()
      })
      return c.json(saved, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/{id}',
      operationId: 'getReport',
      tags: ['reports'],
      summary: 'One report',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The report', content: { 'application/json': { schema: StoredReportSchema } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const report = await c.var.store.reports.get(id)
      await authorizeRead(c, 'report.read', report.unitId, new StoreError('not-found', `no report ${id}`, { reportId: id }))
      return c.json(report, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/reports/{id}/versions',
      operationId: 'listReportVersions',
      tags: ['reports'],
      summary: 'Every version the report went through',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'Versions, oldest first', content: { 'application/json': { schema: z.array(ReportVersionSchema) } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const report = await c.var.store.reports.get(id)
      await authorizeRead(c, 'report.read', report.unitId, new StoreError('not-found', `no report ${id}`, { reportId: id }))
      return c.json(await c.var.store.reports.versions(id), 200)
    },
  )
  .openapi(actionRoute('/reports/{id}/submit', 'submitReport', 'Submit a report to the standing agency', VersionBodySchema), async (c) => {
    const { version } = c.req.valid('json')
    return c.json(await act(c, c.req.valid('param').id, { type: 'submit' }, version), 200)
  })
  .openapi(actionRoute('/reports/{id}/accept', 'acceptReport', 'Accept a submitted report (locks it)', AcceptSchema), async (c) => {
    const { version, comment } = c.req.valid('json')
    return c.json(await act(c, c.req.valid('param').id, { type: 'accept', comment }, version), 200)
  })
  .openapi(
    actionRoute('/reports/{id}/return', 'returnReport', 'Return a submitted report to its unit, with a comment', CommentSchema),
    async (c) => {
      const { version, comment } = c.req.valid('json')
      return c.json(await act(c, c.req.valid('param').id, { type: 'return', comment }, version), 200)
    },
  )
  .openapi(actionRoute('/reports/{id}/reopen', 'reopenReport', 'Reopen an accepted report, with a comment', CommentSchema), async (c) => {
    const { version, comment } = c.req.valid('json')
    return c.json(await act(c, c.req.valid('param').id, { type: 'reopen', comment }, version), 200)
  })
