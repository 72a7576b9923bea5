import { z } from 'zod'
import { IndexKindSchema } from './index-kind'
import { IsoDateSchema } from './iso-date'
import { ReportingRulesSchema } from './period'
import { TargetSchema } from './target'
import { TimeframeSchema } from './timeframe'
import { AssigneeSchema, type Unit, type UnitLevel } from './unit'

/**
 * How large a plan may be. Real plans hold tens of tasks (Kiên Giang 97/KH-UBND: 6 sections, 31
 * tasks); a ministry's or a whole country's programme may hold thousands, and papi imports a
 * generated 5,000-task plan (the benchmark's). The limits keep one hostile request from holding
 * the database (and, on PGlite, the whole server) for minutes (#10 hole 5).
 */
export const PLAN_LIMITS = {
  sections: 200,
  tasks: 5_000,
  /** Lead or coordinating units named on one task. */
  assignees: 200,
} as const

export const TaskSchema = z.object({
  id: z.string().min(1).optional(),
  /** Code as numbered in the plan: "1.1", "3.2". */
  code: z.string().min(1),
  title: z.string().min(1),
  lead: z.array(AssigneeSchema).max(PLAN_LIMITS.assignees).default([]),
  coordinators: z.array(AssigneeSchema).max(PLAN_LIMITS.assignees).default([]),
  timeframe: TimeframeSchema,
  targets: z.array(TargetSchema).default([]),
  /** Relative weight in progress rollups (Decidim); equal weights when unset. */
  weight: z.number().positive().optional(),
})
export type Task = z.infer<typeof TaskSchema>

export const SectionSchema = z.object({
  id: z.string().min(1).optional(),
  /** Code as numbered in the plan: "1", "II". */
  code: z.string().min(1),
  title: z.string().min(1),
  /** Key of the framework dimension the section works on ("participation"), when it says so. */
  dimension: z.string().min(1).optional(),
  weight: z.number().positive().optional(),
  tasks: z.array(TaskSchema).max(PLAN_LIMITS.tasks).default([]),
})
export type Section = z.infer<typeof SectionSchema>

export const PlanStatusSchema = z.enum(['draft', 'published'])
export type PlanStatus = z.infer<typeof PlanStatusSchema>

/** An action plan as issued: "Kế hoạch 97/KH-UBND ngày 18/05/2018 của UBND tỉnh Kiên Giang". */
export const PlanSchema = z.object({
  id: z.string().min(1).optional(),
  /** Document number: "97/KH-UBND". */
  number: z.string().min(1),
  title: z.string().min(1),
  /** Issuing body as written: "Ủy ban nhân dân tỉnh Kiên Giang". */
  issuer: z.string().min(1),
  issuerUnitId: z.string().min(1).optional(),
  place: z.string().optional(),
  issuedOn: IsoDateSchema,
  signer: z.string().optional(),
  index: IndexKindSchema,
  frameworkId: z.string().optional(),
  years: z
    .object({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) })
    .refine((y) => y.from <= y.to, 'years.from must not be after years.to'),
  /** The plan this one implements (a commune plan cascades a province plan). */
  parentPlanId: z.string().min(1).optional(),
  parentPlanNumber: z.string().min(1).optional(),
  /** Unit whose subtree the plan covers; classes resolve inside it. */
  scopeUnitId: z.string().min(1).optional(),
  standingAgency: AssigneeSchema.optional(),
  goals: z.array(z.string()).default([]),
  targets: z.array(TargetSchema).default([]),
  reporting: ReportingRulesSchema.optional(),
  status: PlanStatusSchema.default('draft'),
  sections: z
    .array(SectionSchema)
    .max(PLAN_LIMITS.sections)
    .default([])
    .refine((sections) => taskCount({ sections }) <= PLAN_LIMITS.tasks, {
      message: `a plan holds at most ${PLAN_LIMITS.tasks} tasks`,
    }),
})
export type Plan = z.infer<typeof PlanSchema>

/**
 * The number of tasks over all sections of a plan.
 *
 * @example
 * taskCount({ sections: [{ tasks: [{}, {}] }, { tasks: [{}] }] }) // 3
 */
export function taskCount(plan: { sections: readonly { tasks: readonly unknown[] }[] }): number {
  return plan.sections.reduce((n, s) => n + s.tasks.length, 0)
}

/**
 * The unit whose subtree a plan covers, where its unit classes resolve and its permissions are
 * checked: its scope unit, else its issuer unit (a plan for its own issuer's area names no scope).
 *
 * @example
 * planScopeUnitId({ issuerUnitId: 'kien-giang' }) // 'kien-giang'
 * planScopeUnitId({ scopeUnitId: 'duc-hop', issuerUnitId: 'kim-dong' }) // 'duc-hop'
 */
export function planScopeUnitId(plan: { scopeUnitId?: string | null; issuerUnitId?: string | null }): string | undefined {
  // Stored rows say null where a parsed Plan leaves the field out; both mean "not named".
  return plan.scopeUnitId ?? plan.issuerUnitId ?? undefined
}

/**
 * The level a plan's own deadlines are stated for — the `issuerLevel` of `submissionDeadline`:
 * the level of the unit it covers ({@link planScopeUnitId}), looked up in `units` (a unit tree's
 * `byId`, or any map by id). Province when that unit is unknown: the governance indices rank
 * provinces, and a plan that names no unit is read as the province's.
 *
 * @example
 * planIssuerLevel({ scopeUnitId: 'duc-hop' }, tree.byId) // 'commune' (Đức Hợp 2023)
 * planIssuerLevel({}, tree.byId) // 'province'
 */
export function planIssuerLevel(
  plan: Pick<Plan, 'scopeUnitId' | 'issuerUnitId'>,
  units: { get(unitId: string): Pick<Unit, 'level'> | undefined },
): UnitLevel {
  const unitId = planScopeUnitId(plan)
  return (unitId === undefined ? undefined : units.get(unitId)?.level) ?? 'province'
}

/**
 * Section and task codes a plan uses more than once. Reports, imports and revisions find a task
 * by its code, so within one plan each section code and each task code must be unique.
 *
 * @example
 * duplicateCodes({ sections: [{ code: '1', tasks: [{ code: '1.1' }, { code: '1.1' }] }] }) // ['task 1.1']
 */
export function duplicateCodes(plan: { sections: readonly { code: string; tasks: readonly { code: string }[] }[] }): string[] {
  // One pass with a set: a hostile plan may carry a hundred thousand tasks (indexOf made it quadratic).
  const repeated = (codes: string[]) => {
    const seen = new Set<string>()
    const twice = new Set<string>()
    for (const code of codes) (seen.has(code) ? twice : seen).add(code)
    return [...twice]
  }
  return [
    ...repeated(plan.sections.map((s) => s.code)).map((code) => `section ${code}`),
    ...repeated(plan.sections.flatMap((s) => s.tasks.map((t) => t.code))).map((code) => `task ${code}`),
  ]
}
