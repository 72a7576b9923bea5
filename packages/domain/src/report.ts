import { z } from 'zod'
import { calendarDayAt, VIETNAM_UTC_OFFSET_MINUTES } from './internal/calendar'
import { PeriodIdSchema } from './period'

export const ReportStatusSchema = z.enum(['draft', 'submitted', 'accepted', 'returned'])
export type ReportStatus = z.infer<typeof ReportStatusSchema>

/** Implementation status of a task as the unit reports it for the period. */
export const WorkStatusSchema = z.enum(['not-started', 'in-progress', 'done'])
export type WorkStatus = z.infer<typeof WorkStatusSchema>

/**
 * A value a unit reports for a target of its task: `targetId` names the target (its metric may be
 * reworded by a revision); `metric` stays for people reading the report.
 */
export const KpiValueSchema = z.object({ targetId: z.string().min(1).optional(), metric: z.string().min(1), value: z.number() })
export type KpiValue = z.infer<typeof KpiValueSchema>

export const EvidenceSchema = z.object({ name: z.string().min(1), url: z.string().optional() })
export type Evidence = z.infer<typeof EvidenceSchema>

/** One unit's report on one task for one period. Kept apart from the task's structure. */
export const ReportSchema = z.object({
  id: z.string().min(1).optional(),
  taskId: z.string().min(1),
  unitId: z.string().min(1),
  periodId: PeriodIdSchema,
  status: ReportStatusSchema.default('draft'),
  workStatus: WorkStatusSchema.default('in-progress'),
  /** Percent complete, 0–100. */
  progress: z.number().min(0).max(100).default(0),
  narrative: z.string().max(20_000).default(''),
  kpiValues: z.array(KpiValueSchema).default([]),
  evidence: z.array(EvidenceSchema).default([]),
  /** Optimistic-concurrency version; a write must name the version it read. */
  version: z.number().int().min(0).default(0),
  submittedAt: z.iso.datetime({ offset: true }).optional(),
  /** Day the task was completed, when workStatus is done. */
  completedOn: z.iso.date().optional(),
  reviewedAt: z.iso.datetime({ offset: true }).optional(),
  reviewComment: z.string().optional(),
})
export type Report = z.infer<typeof ReportSchema>

/** The Government Office's four outcomes for an assigned task. */
export const TaskOutcomeSchema = z.enum(['done-on-time', 'done-late', 'not-yet-due', 'overdue'])
export type TaskOutcome = z.infer<typeof TaskOutcomeSchema>

/** Whether a unit's report for a period came in on time, late, or not at all. */
export const SubmissionTimelinessSchema = z.enum(['on-time', 'late', 'missing'])
export type SubmissionTimeliness = z.infer<typeof SubmissionTimelinessSchema>

/**
 * What `submissionTimeliness` answers: the three published states plus `pending` — nothing filed
 * yet, but the deadline (plus grace) has not passed, so the report is not missing. Kept apart from
 * `SubmissionTimelinessSchema` so stored and published values never carry a transient state.
 */
export const SubmissionStateSchema = z.enum([...SubmissionTimelinessSchema.options, 'pending'])
export type SubmissionState = z.infer<typeof SubmissionStateSchema>

export { VIETNAM_UTC_OFFSET_MINUTES } from './internal/calendar'

/**
 * The calendar day on which an instant falls in Viet Nam. Deadlines are calendar days
 * ("trước ngày 03/6"), so a report sent at 01:00 on 1 July Hà Nội time is late for a 30 June
 * deadline even though it is still 30 June in UTC. A plain `YYYY-MM-DD` is returned unchanged; a
 * date-time without `Z` or an offset is already local and is taken as written.
 *
 * @example
 * localDateOf('2018-06-30T18:30:00Z') // '2018-07-01'
 * localDateOf('2018-06-30') // '2018-06-30'
 */
export function localDateOf(instant: string, offsetMinutes: number = VIETNAM_UTC_OFFSET_MINUTES): string {
  const day = calendarDayAt(instant, offsetMinutes)
  // A malformed instant is a caller bug (schemas validate every stored one), not an expected failure.
  if (day === undefined) throw new TypeError(`not an ISO date or datetime: ${instant}`)
  return day
}
