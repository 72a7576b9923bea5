import { z } from 'zod'
import type { Locale } from './label'
import type { Action } from './permission'
import {
  EvidenceSchema,
  KpiValueSchema,
  localDateOf,
  ReportStatusSchema,
  WorkStatusSchema,
  type Report,
  type ReportStatus,
  type WorkStatus,
} from './report'

/**
 * The report workflow: a unit saves and submits; the standing agency (Sở Nội vụ, the commune
 * office) accepts or returns; an accepted report is locked until the standing agency reopens it
 * (DHIS2 approval and locking). Every write names the version it read, so a submitted report is
 * never overwritten silently.
 */
export const ReportActionTypeSchema = z.enum(['save', 'submit', 'accept', 'return', 'reopen'])
export type ReportActionType = z.infer<typeof ReportActionTypeSchema>

/** Who performs an action. Scope checks (own unit, own subtree) live with the caller. */
export const ReportActorSchema = z.enum(['unit', 'standing-agency'])
export type ReportActor = z.infer<typeof ReportActorSchema>

/**
 * Why a work status and a progress cannot stand together, naming the field to fix (`progress`):
 * work not started is at 0 %, work done at 100 %. Undefined when they agree. In-progress work may
 * stand anywhere from 0 to 100 % (begun today, or finished but not yet signed off).
 *
 * @example
 * workProgressIssue('not-started', 80) // { field: 'progress', text: { vi: 'Tiến độ phải là 0% …', en: … } }
 * workProgressIssue('done', 100) // undefined
 */
export function workProgressIssue(
  workStatus: WorkStatus,
  progress: number,
): { field: 'progress'; text: Readonly<Record<Locale, string>> } | undefined {
  if (workStatus === 'not-started' && progress !== 0) {
    return {
      field: 'progress',
      text: {
        vi: `Tiến độ phải là 0% khi nhiệm vụ chưa bắt đầu (đang ghi ${progress}%).`,
        en: `progress must be 0% when the work has not started (it says ${progress}%).`,
      },
    }
  }
  if (workStatus === 'done' && progress !== 100) {
    return {
      field: 'progress',
      text: {
        vi: `Tiến độ phải là 100% khi nhiệm vụ đã hoàn thành (đang ghi ${progress}%).`,
        en: `progress must be 100% when the work is done (it says ${progress}%).`,
      },
    }
  }
  return undefined
}

/** The per-period fields a unit may change. Keys left out keep their value. */
export const ReportContentSchema = z
  .object({
    workStatus: WorkStatusSchema.optional(),
    progress: z.number().min(0).max(100).optional(),
    narrative: z.string().max(20_000).optional(),
    kpiValues: z.array(KpiValueSchema).optional(),
    evidence: z.array(EvidenceSchema).optional(),
    completedOn: z.iso.date().optional(),
  })
  .superRefine((content, ctx) => {
    // Both given: the pair must agree (a form checks before it sends). One given: checked against
    // the stored report by applyReportAction.
    if (content.workStatus === undefined || content.progress === undefined) return
    const issue = workProgressIssue(content.workStatus, content.progress)
    if (issue) ctx.addIssue({ code: 'custom', path: [issue.field], message: issue.text.en, params: { text: issue.text } })
  })
export type ReportContent = z.infer<typeof ReportContentSchema>

// Comments are optional in the schema so a missing one answers `comment-required`, a code the
// form can show next to the field, instead of a generic validation error.
export const ReportActionSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('save'), changes: ReportContentSchema }),
  z.object({ type: z.literal('submit'), changes: ReportContentSchema.optional() }),
  z.object({ type: z.literal('accept'), comment: z.string().optional() }),
  z.object({ type: z.literal('return'), comment: z.string().optional() }),
  z.object({ type: z.literal('reopen'), comment: z.string().optional() }),
])
export type ReportAction = z.infer<typeof ReportActionSchema>

export interface ReportTransition {
  /** Statuses the action may start from. */
  readonly from: readonly ReportStatus[]
  /** Status after the action; `null` keeps the current one (a save). */
  readonly to: ReportStatus | null
  readonly by: ReportActor
  readonly commentRequired: boolean
  /** Whether the action may change the report's content. */
  readonly editsContent: boolean
}

/** The state machine as data, so the dashboard, the API and the docs read the same table. */
export const REPORT_TRANSITIONS: Readonly<Record<ReportActionType, ReportTransition>> = {
  save: { from: ['draft', 'returned'], to: null, by: 'unit', commentRequired: false, editsContent: true },
  submit: { from: ['draft', 'returned'], to: 'submitted', by: 'unit', commentRequired: false, editsContent: true },
  accept: { from: ['submitted'], to: 'accepted', by: 'standing-agency', commentRequired: false, editsContent: false },
  return: { from: ['submitted'], to: 'returned', by: 'standing-agency', commentRequired: true, editsContent: false },
  reopen: { from: ['accepted'], to: 'returned', by: 'standing-agency', commentRequired: true, editsContent: false },
}

/**
 * Statuses whose content is frozen. A submitted report is under review: letting the unit save over
 * it would change what the reviewer is reading, so it must be returned first. An accepted report
 * is locked until reopened (DHIS2).
 */
const LOCKED: Partial<Record<ReportStatus, string>> = {
  submitted: 'the report is under review; ask the standing agency to return it before editing',
  accepted: 'the report is accepted and locked; ask the standing agency to reopen it before editing',
}

export const ReportWorkflowErrorCodeSchema = z.enum([
  'version-conflict',
  'invalid-transition',
  'comment-required',
  'locked',
  'invalid-content',
])
export type ReportWorkflowErrorCode = z.infer<typeof ReportWorkflowErrorCodeSchema>

export interface ReportWorkflowError {
  code: ReportWorkflowErrorCode
  message: string
  /** The field to fix, when one is at fault ("progress"). */
  field?: string
  /** The message in each language, when the rule words it for people. */
  text?: Readonly<Record<Locale, string>>
}

export type ReportActionResult = { ok: true; report: Report } | { ok: false; error: ReportWorkflowError }

export interface ReportActionContext {
  /** When the action happens, ISO datetime with offset (the server's clock, read by the caller). */
  at: string
  /** The version the client read. When given and stale, the write is refused. */
  expectedVersion?: number
  /**
   * The report's period is locked (Envisio / ClearPoint): none of its reports changes — no save,
   * no submission, no review — until the standing agency unlocks the period.
   */
  periodLocked?: boolean
}

/**
 * Whether `action` may start from `status`.
 *
 * @example
 * canTransition('submitted', 'accept') // true
 * canTransition('accepted', 'save') // false — reopen first
 */
export function canTransition(status: ReportStatus, action: ReportActionType): boolean {
  return REPORT_TRANSITIONS[action].from.includes(status)
}

/**
 * The actions `actor` may take on a report in `status` — the buttons a screen shows.
 *
 * @example
 * availableActions('submitted', 'standing-agency') // ['accept', 'return']
 */
export function availableActions(status: ReportStatus, actor?: ReportActor): ReportActionType[] {
  return ReportActionTypeSchema.options.filter(
    (a) => canTransition(status, a) && (actor === undefined || REPORT_TRANSITIONS[a].by === actor),
  )
}

/**
 * The permission each actor acts under, checked against the report's unit: the unit files its
 * own reports (`report.write`); the standing agency reviews those of its subtree (`report.review`).
 */
export const ACTOR_PERMISSIONS: Readonly<Record<ReportActor, Action>> = {
  unit: 'report.write',
  'standing-agency': 'report.review',
}

/**
 * The permission a caller needs on the report's unit to take `action`: the one of the actor the
 * workflow table names for it.
 *
 * @example
 * reportActionPermission('submit') // 'report.write'
 * reportActionPermission('reopen') // 'report.review'
 */
export function reportActionPermission(action: ReportActionType): Action {
  return ACTOR_PERMISSIONS[REPORT_TRANSITIONS[action].by]
}

const fail = (code: ReportWorkflowErrorCode, message: string, field?: string): ReportActionResult => ({
  ok: false,
  error: { code, message, ...(field !== undefined && { field }) },
})

/**
 * Applies one workflow action to a report and answers the new report (version + 1, timestamps
 * set) or a coded error. Checks run in this order: version, lock (of the period, then of the
 * report), transition, comment, content —
 * a stale client learns first that it is stale, since its other mistakes may come from that.
 *
 * Rules beyond the table: the work status and the progress agree (`workProgressIssue`: not
 * started at 0 %, done at 100 %; a progress given alone on work not started moves it to in
 * progress); a report that says `done` must name the day it was done (`completedOn`)
 * before it is submitted; that day may not be after the day of the write; `completedOn` is dropped
 * when the work is no longer `done`. `submittedAt` is the latest submission, so a report returned
 * and re-filed after the deadline is late — the review round-trip is part of the record.
 *
 * @example
 * applyReportAction(report, { type: 'submit' }, { at: '2018-06-10T09:00:00+07:00', expectedVersion: 3 })
 * // { ok: true, report: { ...report, status: 'submitted', submittedAt: '2018-06-10T09:00:00+07:00', version: 4 } }
 */
export function applyReportAction(report: Report, action: ReportAction, ctx: ReportActionContext): ReportActionResult {
  if (ctx.expectedVersion !== undefined && ctx.expectedVersion !== report.version) {
    return fail(
      'version-conflict',
      `the report changed since it was read (version ${ctx.expectedVersion}, now ${report.version}); reload and try again`,
    )
  }
  if (ctx.periodLocked) {
    return fail('locked', `period ${report.periodId} is locked: its reports change only once the standing agency unlocks it`)
  }
  const rule = REPORT_TRANSITIONS[action.type]
  const lockMessage = LOCKED[report.status]
  if (rule.editsContent && lockMessage !== undefined) return fail('locked', lockMessage)
  if (!canTransition(report.status, action.type)) {
    return fail('invalid-transition', `cannot ${action.type} a report that is ${report.status}`)
  }

  const version = report.version + 1
  switch (action.type) {
    case 'save':
    case 'submit': {
      const changes = action.changes ?? {}
      const parsed = ReportContentSchema.safeParse(changes)
      if (!parsed.success) {
        const [first] = parsed.error.issues
        const text = (first?.code === 'custom' ? first.params?.text : undefined) as Record<Locale, string> | undefined
        const field = typeof first?.path[0] === 'string' ? first.path[0] : undefined
        return {
          ok: false,
          error: {
            code: 'invalid-content',
            message: parsed.error.issues.map((i) => i.message).join('; '),
            ...(field !== undefined && { field }),
            ...(text !== undefined && { text }),
          },
        }
      }
      const next: Report = { ...report, ...stripUndefined(parsed.data), version }
      // Progress above 0 on work not started, the status left unsaid: the work has begun.
      if (parsed.data.workStatus === undefined && next.workStatus === 'not-started' && next.progress > 0) {
        next.workStatus = 'in-progress'
      }
      const mismatch = workProgressIssue(next.workStatus, next.progress)
      if (mismatch) {
        return { ok: false, error: { code: 'invalid-content', message: mismatch.text.en, field: mismatch.field, text: mismatch.text } }
      }
      if (next.workStatus !== 'done') delete next.completedOn
      const today = localDateOf(ctx.at)
      if (next.completedOn !== undefined && next.completedOn > today) {
        return fail('invalid-content', `completedOn ${next.completedOn} is after the day of the report (${today})`, 'completedOn')
      }
      if (action.type === 'save') return { ok: true, report: next }
      if (next.workStatus === 'done' && next.completedOn === undefined) {
        return fail('invalid-content', 'a report that says the work is done must give the day it was done (completedOn)', 'completedOn')
      }
      return { ok: true, report: { ...next, status: 'submitted', submittedAt: ctx.at } }
    }
    case 'accept': {
      const comment = action.comment?.trim()
      const next: Report = { ...report, status: 'accepted', reviewedAt: ctx.at, version }
      // The review comment belongs to the latest review; an old return reason must not linger.
      if (comment) next.reviewComment = comment
      else delete next.reviewComment
      return { ok: true, report: next }
    }
    case 'return':
    case 'reopen': {
      const comment = action.comment?.trim()
      if (!comment) {
        return fail('comment-required', `say why the report is ${action.type === 'return' ? 'returned' : 'reopened'}`)
      }
      return { ok: true, report: { ...report, status: 'returned', reviewedAt: ctx.at, reviewComment: comment, version } }
    }
  }
}

/** What a save the request alone decides writes (see {@link decidedSave}). */
export interface DecidedSave {
  /** The statuses of a stored report the save may change; it keeps the status. */
  statuses: ReportStatus[]
  /** The version it writes (the one read + 1). */
  version: number
  /** Always written. */
  workStatus: WorkStatus
  progress: number
  /** Written as given (`undefined`: none). */
  completedOn: string | undefined
  /** Written when the request sends them; left out, the stored values stay. */
  narrative?: string
  kpiValues?: Report['kpiValues']
  evidence?: Report['evidence']
}

/**
 * A save whose outcome the request alone decides, so a store can write it without reading the
 * report first: a save (not a submit) that sends the work status and the progress, and the day the
 * work was done when it is done — then no rule of the workflow reads a stored field the request
 * leaves out. {@link applyReportAction} on any stored report at `version` in one of `statuses`
 * gives that report with what this writes (report-workflow.test.ts holds them equal); in any other
 * status it refuses. `undefined` when the outcome depends on the stored report (apply the workflow
 * to it), or the request is refused whatever is stored.
 *
 * @example
 * decidedSave({ type: 'save', changes: { workStatus: 'in-progress', progress: 40 } }, 3, at)
 * // { statuses: ['draft', 'returned'], version: 4, workStatus: 'in-progress', progress: 40, completedOn: undefined }
 */
export function decidedSave(action: ReportAction, version: number, at: string): DecidedSave | undefined {
  if (action.type !== 'save') return undefined
  const changes = action.changes ?? {}
  if (changes.workStatus === undefined || changes.progress === undefined) return undefined
  if (changes.workStatus === 'done' && changes.completedOn === undefined) return undefined
  const probe: Report = {
    taskId: '-',
    unitId: '-',
    periodId: '2018',
    status: 'draft',
    workStatus: 'not-started',
    progress: 0,
    narrative: '',
    kpiValues: [],
    evidence: [],
    version,
  }
  const statuses: ReportStatus[] = []
  let next: Report | undefined
  for (const status of ReportStatusSchema.options) {
    const result = applyReportAction({ ...probe, status }, action, { at, expectedVersion: version })
    if (result.ok && result.report.status === status) {
      statuses.push(status)
      next = result.report
    }
  }
  if (!next) return undefined
  return {
    statuses,
    version: next.version,
    workStatus: next.workStatus,
    progress: next.progress,
    completedOn: next.completedOn,
    ...(changes.narrative !== undefined && { narrative: next.narrative }),
    ...(changes.kpiValues !== undefined && { kpiValues: next.kpiValues }),
    ...(changes.evidence !== undefined && { evidence: next.evidence }),
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
