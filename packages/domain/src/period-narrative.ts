import { z } from 'zod'
import { can, type RoleHolder } from './permission'
import { planScopeUnitId } from './plan'
import type { UnitTree } from './unit-tree'

/**
 * The four written parts of a plan's periodic report (Decree 30/2020/NĐ-CP report layout), in the
 * order the report prints them: results achieved ("Kết quả đạt được"), limits and their causes
 * ("Tồn tại, hạn chế và nguyên nhân"), the main tasks of the next period ("Nhiệm vụ trọng tâm kỳ
 * tới") and proposals to superiors ("Đề xuất, kiến nghị").
 */
export const NARRATIVE_PARTS = ['results', 'limits', 'nextTasks', 'proposals'] as const
export type NarrativePart = (typeof NARRATIVE_PARTS)[number]

/** Longest text one part may hold: some ten printed pages, more than any period report writes. */
export const NARRATIVE_PART_MAX = 20_000

const part = z
  .string()
  .max(NARRATIVE_PART_MAX, { message: `at most ${NARRATIVE_PART_MAX} characters` })
  .transform((text) => text.replace(/\r\n?/g, '\n').trim())
  .default('')

/**
 * What the planner writes for a plan's report of one period. An empty part prints as a
 * placeholder the official replaces before signing.
 */
export const PeriodNarrativeSchema = z.object({
  results: part,
  limits: part,
  nextTasks: part,
  proposals: part,
})
export type PeriodNarrative = z.infer<typeof PeriodNarrativeSchema>

/** Whether nothing has been written yet. */
export function isNarrativeEmpty(narrative: Partial<Record<NarrativePart, string>>): boolean {
  return NARRATIVE_PARTS.every((p) => (narrative[p] ?? '').trim() === '')
}

/** What {@link mayWritePeriodNarrative} reads of a plan: the unit it covers and its standing agency. */
export interface NarrativePlan {
  scopeUnitId?: string | null
  issuerUnitId?: string | null
  standingAgency?: { unitId?: string | undefined } | null
}

/**
 * Who writes a plan's report for a period: its standing agency ("cơ quan thường trực", the
 * Department of Home Affairs for a province plan, the commune office for a commune plan) — a
 * planner over the plan's own unit, or a planner of the unit the plan names as its standing
 * agency. Reporters and viewers of the plan read the report; they do not write it.
 *
 * @example
 * mayWritePeriodNarrative({ roles: [{ role: 'planner', unitId: 'kien-giang' }] }, { scopeUnitId: 'kien-giang' }, tree) // true
 * mayWritePeriodNarrative({ roles: [{ role: 'planner', unitId: 'kg-so-noi-vu' }] },
 *   { scopeUnitId: 'kien-giang', standingAgency: { unitId: 'kg-so-noi-vu' } }, tree) // true
 * mayWritePeriodNarrative({ roles: [{ role: 'reporter', unitId: 'kien-giang' }] }, { scopeUnitId: 'kien-giang' }, tree) // false
 */
export function mayWritePeriodNarrative(user: RoleHolder, plan: NarrativePlan, tree: UnitTree): boolean {
  const scope = planScopeUnitId(plan) ?? null
  if (can(user, 'plan.manage', scope, tree)) return true
  const agency = plan.standingAgency?.unitId
  return agency !== undefined && can(user, 'plan.manage', agency, tree)
}
