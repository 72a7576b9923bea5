import type { Locale } from '@papi/domain'
import type { InferRequestType } from 'hono/client'
import type { WebClient } from './papi-client'

type TaskTableQuery = InferRequestType<WebClient['plans'][':id']['exports']['task-table']['$get']>['query']

/** File formats the API exports plans and reports in. */
export type ExportFormat = NonNullable<TaskTableQuery['format']>
export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv'] as const satisfies readonly ExportFormat[]

// Downloads are plain links (the browser fetches them with the session cookie and shows its own
// progress), so their addresses come from the typed client's `$path`: the route and its query
// are checked at compile time like every other call. A link sends no Accept-Language, so the
// document's language goes in `lang`.

/**
 * Address of a plan's task table as a file; `periodId` adds each task's status in that period.
 *
 * @example
 * taskTableUrl(api, 'p-1', { format: 'xlsx', lang: 'vi' }) // '/api/v1/plans/p-1/exports/task-table?format=xlsx&lang=vi'
 */
export function taskTableUrl(api: WebClient, planId: string, options: { format: ExportFormat; lang: Locale; periodId?: string }): string {
  return api.plans[':id'].exports['task-table'].$path({
    param: { id: planId },
    query: { format: options.format, lang: options.lang, ...(options.periodId === undefined ? {} : { periodId: options.periodId }) },
  })
}

/**
 * Address of a plan's consolidated report for a period as a file: progress, outcomes, the units
 * late or missing, targets. `asOf` (YYYY-MM-DD) judges it on that day, as the page beside the link
 * does; without it the API judges a past period as of its deadline.
 *
 * @example
 * periodReportUrl(api, 'p-1', { periodId: '2018S1', format: 'docx', lang: 'en' }) // '/api/v1/plans/p-1/exports/report?periodId=2018S1&format=docx&lang=en'
 */
export function periodReportUrl(
  api: WebClient,
  planId: string,
  options: { periodId: string; format: ExportFormat; lang: Locale; asOf?: string },
): string {
  return api.plans[':id'].exports.report.$path({
    param: { id: planId },
    query: {
      periodId: options.periodId,
      format: options.format,
      lang: options.lang,
      ...(options.asOf === undefined ? {} : { asOf: options.asOf }),
    },
  })
}
