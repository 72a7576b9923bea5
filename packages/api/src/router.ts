import { OpenAPIHono } from '@hono/zod-openapi'
import { ApiError } from './api-error'
import type { AppEnv } from './app-env'

/**
 * A router whose request validation failures all answer 422 with the zod issues, in the one
 * error shape (the defaultHook of @hono/zod-openapi is per instance, so every sub-app needs it).
 *
 * @example
 * export const unitRoutes = createRouter().openapi(listUnitsRoute, async (c) => c.json(…, 200))
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) {
        throw new ApiError('invalid', {
          issues: result.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message })),
        })
      }
    },
  })
}
