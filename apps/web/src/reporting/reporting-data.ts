import { currentPeriod } from '@papi/domain'
import { unwrap, type WebClient } from '../api/papi-client'
import type { PeriodDto, PlanSummary } from '../api/types'

/** Published plans (the ones that report) and every period they have opened. */
export interface PlansAndPeriods {
  plans: PlanSummary[]
  periods: PeriodDto[]
}

/** The published plans the user may read and their reporting periods (no plan details). */
export async function loadPlansAndPeriods(api: WebClient): Promise<PlansAndPeriods> {
  const plans = (await unwrap(api.plans.$get())).filter((p) => p.status === 'published')
  const periods = await Promise.all(
    plans.map((p) => unwrap(api.plans[':id'].periods.$get({ param: { id: p.id } })).catch(() => [] as PeriodDto[])),
  )
  return { plans, periods: periods.flat() }
}

/**
 * The period codes any plan reports on, newest first, and the one to open by default on `today`
 * (the domain's `currentPeriod`: the first whose deadline has not passed, else the latest). A code
 * several plans share counts with its latest deadline: it is still being collected until then.
 */
export function periodChoices(periods: readonly PeriodDto[], today: string): { codes: string[]; current?: string } {
  const byCode = new Map<string, { id: string; deadline: string }>()
  for (const p of periods) {
    const seen = byCode.get(p.code)
    if (seen === undefined || seen.deadline < p.dueOn) byCode.set(p.code, { id: p.code, deadline: p.dueOn })
  }
  const all = [...byCode.values()]
  const current = currentPeriod(all, today)?.id
  const codes = all.sort((a, b) => (a.deadline === b.deadline ? b.id.localeCompare(a.id) : b.deadline.localeCompare(a.deadline))).map((p) => p.id)
  return { codes, ...(current === undefined ? {} : { current }) }
}
