import { z } from 'zod'
import type { Plan, PlanStatus } from './plan'

/**
 * A plan's life: it is drafted (imported, edited, re-scoped freely), then published once. Publishing
 * opens its reporting periods; from then on units file reports on its tasks, so its structure —
 * sections, tasks and who they are assigned to — is frozen against wholesale replacement (a
 * re-import revises it in place, task by task, with `revisePlan`), and it never moves to another
 * province (its rows, and the reports on them, are keyed by province). There is no way back to
 * draft: reports hang on a published plan.
 */

/** The screens and endpoints that list plans, each showing the statuses it works with. */
export const PlanViewSchema = z.enum([
  'plans', // the plan list and plan pages: drafts too, for planners to finish
  'reporting', // filing reports: the reporting page, "my tasks"
  'dashboard', // the period's figures: completeness, timeliness, progress
])
export type PlanView = z.infer<typeof PlanViewSchema>

/** Which plan statuses each view lists: only a published plan has periods, reports and figures. */
export const PLAN_VIEW_STATUSES: Readonly<Record<PlanView, readonly PlanStatus[]>> = {
  plans: ['draft', 'published'],
  reporting: ['published'],
  dashboard: ['published'],
}

/**
 * Whether `view` lists a plan in `status`.
 *
 * @example
 * listedIn('reporting', 'draft') // false
 * plans.filter((p) => listedIn('reporting', p.status))
 */
export function listedIn(view: PlanView, status: PlanStatus): boolean {
  return PLAN_VIEW_STATUSES[view].includes(status)
}

export const PlanLifecycleErrorCodeSchema = z.enum([
  'not-published', // reports are filed on published plans only
  'already-published', // a plan is published once
  'structure-frozen', // a published plan's sections and tasks are not replaced wholesale
  'province-change', // a published plan (or one with reports) stays in its province
])
export type PlanLifecycleErrorCode = z.infer<typeof PlanLifecycleErrorCodeSchema>

export interface PlanLifecycleError {
  code: PlanLifecycleErrorCode
  message: string
}

/**
 * Why reports may not be filed on a plan, or `undefined` when they may: only a published plan
 * has reporting periods open.
 *
 * @example
 * reportingError({ status: 'draft' }) // { code: 'not-published', message: 'reports are filed on published plans only' }
 */
export function reportingError(plan: Pick<Plan, 'status'>): PlanLifecycleError | undefined {
  if (listedIn('reporting', plan.status)) return undefined
  return { code: 'not-published', message: 'reports are filed on published plans only' }
}

/**
 * Why a plan may not be published, or `undefined` when it may: a plan is published once.
 *
 * @example
 * publishError({ status: 'published' }) // { code: 'already-published', … }
 */
export function publishError(plan: Pick<Plan, 'status'>): PlanLifecycleError | undefined {
  if (plan.status === 'draft') return undefined
  return { code: 'already-published', message: 'the plan is already published' }
}

/**
 * Why a plan may not move to another province, or `undefined` when it may: only a draft nobody
 * has reported on moves (its rows are written again under the new province).
 *
 * @example
 * provinceChangeError({ status: 'draft' }, { hasReports: false }) // undefined
 * provinceChangeError({ status: 'published' }) // { code: 'province-change', … }
 */
export function provinceChangeError(plan: Pick<Plan, 'status'>, options: { hasReports?: boolean } = {}): PlanLifecycleError | undefined {
  if (plan.status === 'draft' && !options.hasReports) return undefined
  return {
    code: 'province-change',
    message: `the plan is ${plan.status === 'draft' ? 'reported on' : plan.status}; its scope cannot move to another province`,
  }
}

/**
 * Why `next` may not replace `before` wholesale, or `undefined` when it may. A draft changes in
 * full (or moves province); a published plan only in its header (title, goals, targets, reporting
 * rules…): its sections and tasks — codes, titles, assignees — are frozen, since reports hang on
 * them. (A re-import revises a published plan in place instead, keeping task ids.)
 *
 * @example
 * replacementError(published, { ...published, title: 'Kế hoạch (sửa đổi)' }, { provinceChanged: false }) // undefined
 * replacementError(published, withoutTask21, { provinceChanged: false }) // { code: 'structure-frozen', … }
 */
export function replacementError(
  before: Pick<Plan, 'status' | 'sections'>,
  next: Pick<Plan, 'sections'>,
  options: { provinceChanged: boolean },
): PlanLifecycleError | undefined {
  if (before.status === 'draft') return undefined
  if (options.provinceChanged) return provinceChangeError(before)
  if (JSON.stringify(structureOf(next)) !== JSON.stringify(structureOf(before))) {
    return {
      code: 'structure-frozen',
      message: 'a published plan keeps its sections, tasks and scope; only its header may change',
    }
  }
  return undefined
}

/** What of a plan's sections and tasks a published plan keeps. */
function structureOf(plan: Pick<Plan, 'sections'>) {
  // Fields named one by one: a stored plan comes back from jsonb with its keys in another order.
  const assignee = (a: Plan['sections'][number]['tasks'][number]['lead'][number]) => [a.text, a.name, a.unitClass, a.unitId]
  return plan.sections.map((s) => ({
    code: s.code,
    title: s.title,
    tasks: s.tasks.map((t) => ({ code: t.code, title: t.title, lead: t.lead.map(assignee), coordinators: t.coordinators.map(assignee) })),
  }))
}
