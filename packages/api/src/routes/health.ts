import { createRoute } from '@hono/zod-openapi'
import { createRouter } from '../router'
import { StatusOkSchema } from '../schemas'

/** `GET /api/health`: the process is up (it does not touch the database, so it stays cheap). */
export const healthRoutes = createRouter().openapi(
  createRoute({
    method: 'get',
    path: '/health',
    operationId: 'getHealth',
    tags: ['system'],
    summary: 'Liveness check',
    security: [],
    responses: {
      200: {
        description: 'The API is up',
        content: { 'application/json': { schema: StatusOkSchema } },
      },
    },
  }),
  (c) => c.json({ status: 'ok' as const }, 200),
)
