import { createRoute, z } from '@hono/zod-openapi'
import { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, type ExportFormat } from '@papi/documents/schemas'
import { LocaleSchema, PeriodIdSchema, periodAsOf, planScopeUnitId, unitsWhere, type Locale, type PeriodId } from '@papi/domain'
import { StoreError } from '@papi/store'
import type { Context } from 'hono'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { authorizeRead } from '../authorize'
import { attachment } from '../content-disposition'
import { createRouter } from '../router'
import { AsOfSchema, IdParamSchema } from '../schemas'
import { requireAuth } from '../session'

const BinarySchema = z.string().openapi({ type: 'string', format: 'binary' })

const FormatSchema = z.enum(EXPORT_FORMATS).default('xlsx').openapi({ description: 'File format; .xlsx when not given' })
const AsOfQuerySchema = AsOfSchema.optional().openapi({
  description: 'The day the document is dated and judged on. By default a past period’s deadline, else today.',
})
const LangSchema = LocaleSchema.meta({})
  .optional()
  .openapi({ description: 'Language of the document; Accept-Language (Vietnamese by default) when not given' })

/** The bytes of a document in each format, as the OpenAPI document describes the download. */
const downloadContent = Object.fromEntries(
  EXPORT_FORMATS.map((format) => [EXPORT_MEDIA_TYPES[format].split(';')[0] as string, { schema: BinarySchema }]),
)

// Who sees what: the plan itself is read under `plan.read` (a commune reads the province plan it
// carries out); units and reports inside the document under `report.read` — a reporter's copy
// holds its own unit's lines only, a viewer's its subtree, a planner's the plan's whole scope.
const SCOPE_NOTE =
  'The plan must be readable by the caller (403 otherwise). Units and reports are limited to those the caller may read: a reporter’s copy holds its own unit only, a viewer’s its subtree.'

/**
 * Draws up and answers one of a plan's documents, once the caller may read the plan and the
 * period (when one is asked for) is open on it.
 */
async function download(
  c: Context<AppEnv>,
  planId: string,
  format: ExportFormat,
  lang: Locale | undefined,
  request: { kind: 'tasks'; periodId?: PeriodId } | { kind: 'report'; periodId: PeriodId },
  asOf: string | undefined,
) {
  const auth = requireAuth(c)
  const store = c.var.store
  const stored = await store.plans.get(planId)
  const { tree } = await authorizeRead(
    c,
    'plan.read',
    planScopeUnitId(stored) ?? null,
    new StoreError('not-found', `no plan ${stored.id}`, { planId: stored.id }),
  )
  const periodId = request.periodId
  const data = await store.plans.exportData(planId, periodId === undefined ? {} : { periodId })
  if (periodId !== undefined && data.period === undefined) {
    const open = (await store.periods.list(planId)).map((p) => p.code)
    throw new ApiError(
      'invalid',
      { periodId, openPeriods: open },
      {
        vi: `Kỳ báo cáo ${periodId} chưa được mở cho kế hoạch này.`,
        en: `Reporting period ${periodId} is not open on this plan.`,
      },
    )
  }
  const now = c.var.now().toISOString()
  const options = {
    // The day printed on the document and its figures judged on: the one asked for; else a past
    // period's deadline plus its grace days (a 2018 report printed today reads as it stood then), else today.
    asOf: asOf ?? (data.period === undefined ? now : periodAsOf(data.period.dueOn, now, data.period.graceDays)),
    locale: lang ?? c.var.locale,
    // Status and reports come from units; without a period the caller reads the plan alone.
    ...(periodId !== undefined && { visibleUnitIds: unitsWhere(auth.user, 'report.read', tree) }),
  }
  // The writers (exceljs, docx) load with the first export, not with the server.
  const { exportFileName, planExport, writePlanExport } = await import('@papi/documents')
  const doc = request.kind === 'tasks' ? planExport(data, { ...options, ...request }) : planExport(data, { ...options, ...request })
  const bytes = await writePlanExport(doc, format)
  // The writers answer a plain Uint8Array; Hono wants one over an ArrayBuffer (never shared here).
  return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
    'content-type': EXPORT_MEDIA_TYPES[format],
    'content-disposition': attachment(exportFileName(doc, format)),
    'cache-control': 'private, no-store',
  })
}

/** A plan's documents to download: its task table and the consolidated report of a period. */
export const planExportRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/exports/task-table',
      operationId: 'exportPlanTaskTable',
      tags: ['exports'],
      summary: 'Download the plan’s task table (Biểu tổng hợp nhiệm vụ); with periodId, each task’s status',
      description: SCOPE_NOTE,
      request: {
        params: IdParamSchema,
        query: z.object({
          format: FormatSchema,
          periodId: PeriodIdSchema.meta({})
            .optional()
            .openapi({ description: 'Adds each task’s outcome and progress; must be open on the plan' }),
          lang: LangSchema,
          asOf: AsOfQuerySchema,
        }),
      },
      responses: {
        200: { description: 'The file, as an attachment', content: downloadContent },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'invalid'),
      },
    }),
    async (c) => {
      const { format, periodId, lang, asOf } = c.req.valid('query')
      return download(c, c.req.valid('param').id, format, lang, { kind: 'tasks', ...(periodId !== undefined && { periodId }) }, asOf)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/plans/{id}/exports/report',
      operationId: 'exportPlanReport',
      tags: ['exports'],
      summary: 'Download the consolidated report of a period: progress, outcomes, units late or missing, targets',
      description: SCOPE_NOTE,
      request: {
        params: IdParamSchema,
        query: z.object({
          periodId: PeriodIdSchema.meta({}).openapi({ description: 'The period, open on the plan (2018Q2, 2018S1, 2018)' }),
          format: FormatSchema,
          lang: LangSchema,
          asOf: AsOfQuerySchema,
        }),
      },
      responses: {
        200: { description: 'The file, as an attachment', content: downloadContent },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'invalid'),
      },
    }),
    async (c) => {
      const { format, periodId, lang, asOf } = c.req.valid('query')
      return download(c, c.req.valid('param').id, format, lang, { kind: 'report', periodId }, asOf)
    },
  )
