import { canTransition, parseVietnameseNumber, ReportContentSchema, type KpiValue, type ReportStatus, type WorkStatus } from '@papi/domain'
import type { ReportDto, SaveReportInput } from '../api/types'

/** What the report form holds while a user types: strings as typed, parsed on save. */
export interface ReportDraft {
  workStatus: WorkStatus
  progress: string
  narrative: string
  /** KPI value per metric, as typed (decimal comma or point). */
  kpi: Record<string, string>
  completedOn: string
}

/** A target a unit reports a value for: its metric (the form's key) and its id (what the value names). */
export type KpiTarget = string | { id?: string; metric: string }

const metricOf = (t: KpiTarget) => (typeof t === 'string' ? t : t.metric)

/** The form's starting point: the saved report, or an empty one. */
export function draftFromReport(report: ReportDto | undefined, targets: readonly KpiTarget[] = []): ReportDraft {
  const kpi: Record<string, string> = Object.fromEntries(targets.map((t) => [metricOf(t), '']))
  for (const v of report?.kpiValues ?? []) {
    // A value names its target by id; the target's metric may have been reworded since.
    const target = v.targetId === undefined ? undefined : targets.find((t) => typeof t !== 'string' && t.id === v.targetId)
    kpi[target === undefined ? v.metric : metricOf(target)] = String(v.value)
  }
  return {
    workStatus: report?.workStatus ?? 'in-progress',
    progress: report === undefined ? '' : String(report.progress),
    narrative: report?.narrative ?? '',
    kpi,
    completedOn: report?.completedOn ?? '',
  }
}

/**
 * Reads a number typed the Vietnamese way ("12,5") or the English way ("12.5"): the domain's
 * `parseVietnameseNumber` with a dot read as a decimal point — "1.000" in a form field would be
 * ambiguous, so dots never group thousands here. An empty field is `undefined`, words are NaN.
 *
 * @example
 * parseTypedNumber('12,5') // 12.5
 * parseTypedNumber('') // undefined
 */
export function parseTypedNumber(text: string): number | undefined {
  if (text.trim() === '') return undefined
  return parseVietnameseNumber(text, { dotIsDecimal: true }) ?? Number.NaN
}

export type DraftFieldErrors = Partial<Record<'workStatus' | 'progress' | 'narrative' | 'kpiValues' | 'completedOn', string>>

export type DraftCheck = { ok: true; input: SaveReportInput } | { ok: false; errors: DraftFieldErrors }

/**
 * Turns the draft into the body of `PUT /api/v1/reports`, checked against @papi/domain's
 * `ReportContentSchema` so the form says the same as the API would, before a round trip.
 */
export function draftToInput(
  draft: ReportDraft,
  key: { taskId: string; unitId: string; periodId: string; version?: number },
  targets: readonly KpiTarget[] = [],
): DraftCheck {
  const idOf = (metric: string) => {
    const target = targets.find((t) => typeof t !== 'string' && t.metric === metric && t.id !== undefined)
    return typeof target === 'string' ? undefined : target?.id
  }
  const progress = parseTypedNumber(draft.progress) ?? 0
  const kpiValues: KpiValue[] = []
  const errors: DraftFieldErrors = {}
  for (const [metric, text] of Object.entries(draft.kpi)) {
    const value = parseTypedNumber(text)
    if (value === undefined) continue
    if (Number.isNaN(value)) errors.kpiValues = metric
    else {
      const targetId = idOf(metric)
      kpiValues.push({ ...(targetId !== undefined && { targetId }), metric, value })
    }
  }
  const content = {
    workStatus: draft.workStatus,
    progress,
    narrative: draft.narrative,
    kpiValues,
    ...(draft.workStatus === 'done' && draft.completedOn !== '' ? { completedOn: draft.completedOn } : {}),
  }
  const parsed = ReportContentSchema.safeParse(content)
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = issue.path[0]
      if (typeof field === 'string' && !(field in errors)) errors[field as keyof DraftFieldErrors] = issue.message
    }
  }
  if (Number.isNaN(parseTypedNumber(draft.progress))) errors.progress = 'NaN'
  if (Object.keys(errors).length > 0) return { ok: false, errors }
  return {
    ok: true,
    input: {
      taskId: key.taskId,
      unitId: key.unitId,
      periodId: key.periodId,
      workStatus: draft.workStatus,
      progress,
      narrative: draft.narrative,
      kpiValues,
      ...(content.completedOn === undefined ? {} : { completedOn: content.completedOn }),
      ...(key.version === undefined ? {} : { version: key.version }),
    },
  }
}

/** Whether the unit may still change a report in this status (draft or returned). */
export function isEditable(status: ReportStatus | undefined): boolean {
  return status === undefined || canTransition(status, 'save')
}

/** Whether two drafts say the same thing (nothing to save). */
export function sameDraft(a: ReportDraft, b: ReportDraft): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}
