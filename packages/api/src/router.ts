import { OpenAPIHono } from '@hono/zod-openapi'
import { ApiError } from './api-error'
import type { AppEnv } from './app-env'

export const VERSION_MISSING = {
  vi: 'Thiếu phiên bản dữ liệu đã đọc (version): hãy tải lại rồi gửi thay đổi kèm phiên bản.',
  en: 'The version last read (version) is missing: reload and send the change with it.',
}

/**
 * The 422 of a write that names no version where the schema cannot require it (a field needed
 * only sometimes, such as a table import's `version` outside a dry run): worded as the router words it.
 */
export function versionMissing(path: string): ApiError {
  return new ApiError(
    'invalid',
    { reason: 'version-missing', issues: [{ path: [path], code: 'invalid_type', message: 'Required' }] },
    VERSION_MISSING,
  )
}

type Issue = { code: string; path: PropertyKey[]; errors?: Issue[][] }

/** Whether an issue is a missing `version` (for a union such as one result or many: a branch that lacks only that). */
function missesVersion(issue: Issue): boolean {
  if (issue.code === 'invalid_union' && issue.errors?.length)
    return issue.errors.some((branch) => branch.length > 0 && branch.every(missesVersion))
  return issue.code === 'invalid_type' && issue.path.at(-1) === 'version'
}

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
        const issues = result.error.issues.map((i) => ({ path: i.path.map(String), code: i.code, message: i.message }))
        // A write that does not name the version it was based on: say so in the caller's language.
        const versionMissing = result.error.issues.some(missesVersion)
        throw new ApiError(
          'invalid',
          { ...(versionMissing && { reason: 'version-missing' }), issues },
          versionMissing ? VERSION_MISSING : undefined,
        )
      }
    },
  })
}
