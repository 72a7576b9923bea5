// Request and response schemas of the API, built from the domain's schemas so the OpenAPI
// document, the typed client and the domain speak one language.
import { z } from '@hono/zod-openapi'
import {
  ActionSchema,
  AssigneeSchema,
  GrantScopeSchema,
  IndexResultSchema,
  KeptTaskSchema,
  PlanChangesSchema,
  PlanSchema,
  ReportSchema,
  RoleGrantSchema,
  SectionSchema,
  TaskSchema,
  UnitSchema,
} from '@papi/domain'

/**
 * Names a domain schema as an OpenAPI component. The domain's schemas may be built before
 * @hono/zod-openapi adds `.openapi()` to zod, so name a derived copy (`.meta()`), which has it.
 */
export function component<T extends z.ZodType>(schema: T, name: string): T {
  return (schema.meta({}) as unknown as { openapi(name: string): T }).openapi(name)
}

/** A day (2018-06-18) or an instant (2018-06-18T09:00:00+07:00) figures are judged on. */
export const AsOfSchema = z.union([z.iso.date(), z.iso.datetime({ offset: true })])

/** A unit's (or a plan's, without unitId) reports for a period: the domain's UnitReportingStats. */
export const ReportingStatsSchema = z.object({
  unitId: z.string(),
  expected: z.number().int().openapi({ description: 'Reports due in the period' }),
  submitted: z.number().int(),
  accepted: z.number().int(),
  onTime: z.number().int(),
  late: z.number().int(),
  missing: z.number().int(),
  pending: z.number().int(),
  completeness: z.number().nullable(),
  timeliness: z.number().nullable(),
})

/** The answer of calls that only confirm (`/api/health`, log-out). */
export const StatusOkSchema = z.object({ status: z.literal('ok') }).openapi('StatusOk')

/** A document uploaded as a multipart form with one `file` field. */
export const FileUploadSchema = z
  .object({ file: z.any().openapi({ type: 'string', format: 'binary', description: 'The document' }) })
  .openapi('FileUpload')

/**
 * The version a write is based on: every state-changing write names the version it last read
 * (0 where nothing is stored yet), and a stale one answers 409 — of two writers that read the
 * same version exactly one wins, the other rereads.
 */
export const VersionFieldSchema = z
  .number()
  .int()
  .min(0)
  .openapi({ description: 'The version last read (0: nothing stored yet); a stale one answers 409, a missing one 422' })

export const IdParamSchema = z.object({
  id: z
    .string()
    .min(1)
    .openapi({ param: { name: 'id', in: 'path' } }),
})

export const UnitOutSchema = component(UnitSchema, 'Unit')

export const UserOutSchema = z
  .object({
    id: z.string(),
    username: z.string(),
    displayName: z.string(),
    disabled: z.boolean(),
    roles: z.array(RoleGrantSchema),
    version: z.number().int(),
  })
  .openapi('User')

export const PermissionSchema = z
  .object({ action: ActionSchema, scope: GrantScopeSchema, unitId: z.string().nullable() })
  .openapi('Permission')

export const TaskAssigneeSchema = z
  .object({
    unitId: z.string(),
    unitName: z.string(),
    role: z.enum(['lead', 'coordinator']),
    assigneeText: z.string(),
  })
  .openapi('TaskAssignee')

export const StoredTaskSchema = TaskSchema.extend({
  id: z.string(),
  sectionId: z.string(),
  assignees: z.array(TaskAssigneeSchema),
}).openapi('StoredTask')

export const StoredSectionSchema = SectionSchema.extend({
  id: z.string(),
  tasks: z.array(StoredTaskSchema),
}).openapi('StoredSection')

export const StoredPlanSchema = PlanSchema.safeExtend({
  id: z.string(),
  provinceId: z.string(),
  version: z.number().int(),
  publishedAt: z.string().optional(),
  sections: z.array(StoredSectionSchema),
  unresolved: z.array(z.object({ taskCode: z.string(), text: z.string() })),
}).openapi('StoredPlan')

/** What storing an imported plan did (`store.plans.import`). */
const RevisedAssignmentSchema = z.object({ taskId: z.string(), taskCode: z.string(), role: z.enum(['lead', 'coordinator']) })

/** What re-importing a stored plan changes, task by task and unit by unit, and the version it was worked out from. */
export const PlanRevisionSchema = z
  .object({
    basedOn: z.object({
      version: z.number().int().openapi({ description: 'Send it back as `version` to confirm: a plan changed since answers 409' }),
      status: z.enum(['draft', 'published', 'archived']),
    }),
    tasks: z.array(
      z.object({
        id: z.string().optional(),
        sectionCode: z.string(),
        code: z.string(),
        title: z.string(),
        change: z
          .enum(['added', 'updated', 'removed', 'kept'])
          .openapi({ description: '`kept`: the text dropped it, reports were filed on it' }),
      }),
    ),
    units: z.array(
      z.object({
        unitId: z.string(),
        unitName: z.string(),
        gained: z.array(RevisedAssignmentSchema),
        lost: z.array(RevisedAssignmentSchema),
        /** Assignments the text drops, kept because the unit reported on the task. */
        kept: z.array(RevisedAssignmentSchema),
      }),
    ),
    unmatched: z
      .array(
        z.object({
          key: z.string().openapi({ description: 'The folded name: the key of a pick (`picks`)' }),
          text: z.string(),
          uses: z.array(z.object({ sectionCode: z.string(), taskCode: z.string(), role: z.enum(['lead', 'coordinators']) })),
        }),
      )
      .openapi({
        description:
          'Names the revised plan still assigns to no unit of its scope (units picked for them before are kept): pick one with `picks`',
      }),
  })
  .openapi('PlanRevision')

export const PlanImportResultSchema = z
  .object({
    id: z.string(),
    outcome: z.enum(['created', 'updated', 'unchanged']),
    changes: component(PlanChangesSchema, 'PlanChanges'),
    /** Tasks the document no longer lists, kept because reports were filed on them. */
    kept: z.array(component(KeptTaskSchema, 'KeptTask')),
    /** For a plan already stored: the revision, task by task and unit by unit. */
    revision: PlanRevisionSchema.optional(),
  })
  .openapi('PlanImportResult')

export const PlanSummarySchema = z
  .object({
    id: z.string(),
    number: z.string(),
    title: z.string(),
    issuer: z.string(),
    issuedOn: z.string(),
    index: PlanSchema.shape.index,
    years: z.object({ from: z.number(), to: z.number() }),
    status: PlanSchema.shape.status.unwrap(),
    scopeUnitId: z.string().optional(),
    parentPlanId: z.string().optional().openapi({ description: 'The stored plan this one implements, when linked' }),
    provinceId: z.string(),
    version: z.number().int(),
    taskCount: z.number().int(),
  })
  .openapi('PlanSummary')

export const StoredReportSchema = ReportSchema.extend({
  id: z.string(),
  planId: z.string(),
  provinceId: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string().nullable(),
}).openapi('StoredReport')

export const PeriodOutSchema = z
  .object({
    id: z.string(),
    planId: z.string(),
    code: z.string(),
    label: z.string(),
    cutoffStart: z.string(),
    cutoffEnd: z.string(),
    dueOn: z.string(),
    locked: z.boolean(),
    /** Days of tolerance after `dueOn` before a report counts as late; a past period is judged at `dueOn` + these. */
    graceDays: z.number().int(),
    version: z.number().int(),
    /** The deadline of each level: communes before districts and departments. */
    deadlines: z.object({ national: z.string(), province: z.string(), district: z.string(), commune: z.string() }),
  })
  .openapi('Period')

export const StoredScoreSchema = IndexResultSchema.extend({ id: z.string(), index: z.string(), version: z.number().int() }).openapi('Score')

export const AuditEntrySchema = z
  .object({
    id: z.string(),
    provinceId: z.string(),
    at: z.string(),
    actorId: z.string().nullable(),
    action: z.string(),
    entity: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
    requestId: z.string().nullable(),
  })
  .openapi('AuditEntry')

export { AssigneeSchema }
