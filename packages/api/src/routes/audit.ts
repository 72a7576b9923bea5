import { createRoute, z } from '@hono/zod-openapi'
import { mayReadAuditEntry, permissionsOf, permits } from '@papi/domain'
import { ApiError, errorResponses } from '../api-error'
import { authorize } from '../authorize'
import { createRouter } from '../router'
import { AuditEntrySchema } from '../schemas'
import { requireAuth } from '../session'

/** The audit log: who changed what, when, from what to what. */
export const auditRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/audit',
    operationId: 'listAuditEntries',
    tags: ['audit'],
    summary: 'Audit entries, newest first; planners read their province (`provinceId`), admins everything',
    request: {
      query: z.object({
        provinceId: z.string().optional(),
        entity: z.string().optional(),
        entityId: z.string().optional(),
        actorId: z.string().optional(),
        action: z.string().optional(),
        before: z.iso.datetime({ offset: true }).optional(),
        limit: z.coerce.number().int().min(1).max(1000).optional(),
      }),
    },
    responses: {
      200: { description: 'Entries', content: { 'application/json': { schema: z.array(AuditEntrySchema) } } },
      ...errorResponses('unauthenticated', 'forbidden', 'invalid'),
    },
  }),
  async (c) => {
    const { before, ...query } = c.req.valid('query')
    const auth = requireAuth(c)
    // Only a system-wide grant reads every province's audit; others name the province they read.
    if (!permits(permissionsOf(auth.user), 'audit.read', null)) {
      if (query.provinceId === undefined) {
        throw new ApiError('forbidden', { reason: 'name the provinceId whose audit you may read' })
      }
      await authorize(c, 'audit.read', query.provinceId)
    }
    const entries = await c.var.store.audit.list({ ...query, ...(before && { before: new Date(before) }) })
    // An entry of the caller's province may still name a unit outside their reach (a report of
    // another province's unit assigned before assignees were held to the plan's province).
    const tree = await c.var.store.units.tree()
    return c.json(
      entries.filter((e) => mayReadAuditEntry(auth.user, e, tree)),
      200,
    )
  },
)
