import { createRoute, z } from '@hono/zod-openapi'
import { isPlanDocumentError, type PlanImport, PlanImportSchema } from '@papi/documents/schemas'
import {
  type AssigneePicks,
  AssigneePicksSchema,
  can,
  PlanSchema,
  planScopeUnitId,
  type Plan,
  standsForNoUnit,
  type UnitTree,
  withPickedUnits,
} from '@papi/domain'
import { ApiError, errorResponses } from '../api-error'
import { authorize, changeOf } from '../authorize'
import { documentError } from '../document-error'
import { authorizeBeforeBody } from '../authorize-before-body'
import { createRouter } from '../router'
import { FileUploadSchema, PlanImportResultSchema } from '../schemas'

/** The document, and the units a planner picked for names the importer matched to none. */
const PlanUploadSchema = FileUploadSchema.extend({
  picks: z.string().optional().openapi({
    description:
      'JSON object: folded name (an `unmatched[].key` of the dry run) → unit id. Applied to every assignee of that name that stands for no unit of the scope, in the dry run and the confirm alike.',
    example: '{"trung tam phat trien quy dat":"u-stnmt"}',
  }),
}).openapi('PlanUpload', { description: 'A plan document, with the units picked for names that matched none' })

const PICKS_INVALID = {
  vi: 'Danh sách đơn vị đã chọn (picks) không hợp lệ: cần một đối tượng JSON “tên → mã đơn vị” với các đơn vị có trong cây tổ chức.',
  en: 'The picked units (picks) are not valid: send a JSON object “name → unit id” naming units of the organisation tree.',
}

/** The planner's picks from the form, every unit known; `invalid` naming the field otherwise. */
function picksOf(text: unknown, tree: UnitTree): AssigneePicks {
  if (text === undefined || text === '') return {}
  let json: unknown
  try {
    json = typeof text === 'string' ? JSON.parse(text) : undefined
  } catch {
    json = undefined
  }
  const parsed = AssigneePicksSchema.safeParse(json)
  if (!parsed.success) throw new ApiError('invalid', { field: 'picks', reason: 'not a JSON object of name → unit id' }, PICKS_INVALID)
  const unknown = Object.values(parsed.data).filter((id) => !tree.byId.has(id))
  if (unknown.length > 0) throw new ApiError('invalid', { field: 'picks', reason: 'unknown units', unitIds: unknown }, PICKS_INVALID)
  return parsed.data
}

/** The revision a confirm would store, when the document's plan is stored already. */
const StoredRevisionSchema = PlanImportResultSchema.omit({ outcome: true }).extend({
  outcome: z.enum(['updated', 'unchanged']),
  /** The stored plan's number and title, to say which plan the document revises. */
  number: z.string(),
  title: z.string(),
})

const DryRunSchema = z
  .object({
    dryRun: z.literal(true),
    /** What the importer read, with the warnings a person should look at. */
    import: PlanImportSchema,
    /** The plan it would store, or null when the document lacks what a plan needs (see `problem`). */
    plan: PlanSchema.nullable(),
    problem: z.string().optional(),
    /**
     * When a plan with the document's number, issuer and date is stored (and the caller manages
     * it): what confirming would change, task by task and unit by unit. Nothing changes until the
     * planner confirms with `version` = `stored.revision.basedOn.version`.
     */
    stored: StoredRevisionSchema.optional(),
  })
  .openapi('PlanImportDryRun')

/**
 * Plan upload: a document (.txt, .docx, .xlsx, .csv) is read by the importer and shown as a dry
 * run; `confirm=true` stores it in one transaction (`store.plans.import`): a new plan as a draft
 * (201), or the plan already stored with the same number, issuer and date updated in place, its
 * task ids and reports kept (200, `updated` or `unchanged`). For a stored plan the dry run shows
 * the revision (`stored`: tasks added, changed, removed or kept because reported; units gaining or
 * losing work) and the confirm names the version it was reviewed against (`version`; a plan
 * changed since answers 409). The server keeps nothing between the two calls (it holds no state):
 * the client sends the file again, or posts the (edited) dry-run plan to `POST /api/v1/plans`.
 */
export const planImportRoutes = createRouter().openapi(
  createRoute({
    method: 'post',
    path: '/plans/import',
    operationId: 'importPlan',
    tags: ['plans'],
    summary: 'Upload a plan document: a dry run by default; confirm=true creates the plan or updates the stored one',
    description:
      'The caller must manage plans in `scopeUnitId` (checked before the upload is read). A document past the limits (unpacked size, paragraphs, rows, sections, tasks) answers 413 naming the limit.',
    // Who may upload is known from the query: refuse before reading (and parsing) the body.
    middleware: [authorizeBeforeBody('plan.manage', (c) => c.req.query('scopeUnitId') ?? null)] as const,
    request: {
      query: z.object({
        /** The unit whose subtree the plan covers: classes ("UBND cấp xã") resolve inside it. */
        scopeUnitId: z.string().min(1),
        confirm: z.enum(['true', 'false']).optional(),
        /** The stored plan's version the revision was reviewed against (the dry run's `stored.revision.basedOn.version`). */
        version: z.coerce.number().int().nonnegative().optional(),
      }),
      body: {
        required: true,
        content: {
          'multipart/form-data': { schema: PlanUploadSchema },
        },
      },
    },
    responses: {
      200: {
        description: 'Dry run; or, with confirm=true, the stored plan updated or found unchanged',
        content: { 'application/json': { schema: z.union([DryRunSchema, PlanImportResultSchema]).openapi('PlanImportAnswer') } },
      },
      201: { description: 'Stored as a new draft', content: { 'application/json': { schema: PlanImportResultSchema } } },
      ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid', 'too-large'),
    },
  }),
  async (c) => {
    const { scopeUnitId, confirm, version } = c.req.valid('query')
    const { auth, tree } = await authorize(c, 'plan.manage', scopeUnitId)
    const { file, picks: picksText } = c.req.valid('form') as { file: unknown; picks?: unknown }
    if (!(file instanceof File)) throw new ApiError('invalid', { reason: 'send the document as the form field "file"' })
    const picks = picksOf(picksText, tree)
    const units = await c.var.store.units.list()
    // Names as they were on the plan's date: a 2024 plan of Huế says "UBND tỉnh Thừa Thiên Huế".
    const versions = await c.var.store.units.versions()
    const data = new Uint8Array(await file.arrayBuffer())
    let imported: PlanImport
    try {
      // Read on a worker thread: a document at the limits takes seconds of parsing, and the server
      // keeps answering everyone else meanwhile. The readers load with the first document.
      const { readPlanDocumentInWorker } = await import('@papi/documents/reading')
      imported = await readPlanDocumentInWorker({ fileName: file.name, data }, { units, versions, scopeUnitId, locale: c.var.locale })
    } catch (error) {
      if (isPlanDocumentError(error)) throw documentError(error)
      throw error
    }
    let plan: Plan | null = null
    let problem: string | undefined
    try {
      const { toPlan } = await import('@papi/documents/reading')
      // The units picked for names that stand for no unit (the revision's `unmatched`), applied before
      // the plan is compared with the stored one: the revision shown is the one a confirm stores.
      plan = withPickedUnits({ ...toPlan(imported), scopeUnitId }, picks, standsForNoUnit(tree, scopeUnitId))
    } catch (error) {
      if (!isPlanDocumentError(error)) throw error
      problem = error.message
    }
    const storedId = plan ? await c.var.store.plans.findByNumber(plan) : undefined
    const storedPlan = storedId === undefined ? undefined : await c.var.store.plans.get(storedId)
    if (confirm !== 'true') {
      // The revision is shown to whoever may confirm it: a planner managing the stored plan's scope.
      const preview =
        plan && storedPlan && can(auth.user, 'plan.manage', planScopeUnitId(storedPlan) ?? null, tree)
          ? await c.var.store.plans.previewImport(plan)
          : undefined
      const stored =
        preview && storedPlan && preview.outcome !== 'created'
          ? { ...preview, outcome: preview.outcome, number: storedPlan.number, title: storedPlan.title }
          : undefined
      return c.json({ dryRun: true as const, import: imported, plan, ...(problem && { problem }), ...(stored && { stored }) }, 200)
    }
    if (!plan) throw new ApiError('invalid', { reason: 'incomplete-plan', message: problem, warnings: imported.warnings })
    // Updating a stored plan is managing it: the caller must hold its scope too, not only the new one.
    if (storedPlan) await authorize(c, 'plan.manage', planScopeUnitId(storedPlan) ?? null)
    const result = await c.var.store.plans.import(plan, changeOf(c), { ...(version !== undefined && { basedOnVersion: version }) })
    return result.outcome === 'created' ? c.json(result, 201) : c.json(result, 200)
  },
)
