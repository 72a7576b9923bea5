import { listedIn, periodChoices as choicesOf } from '@papi/domain'
import { unwrap, type WebClient } from '../api/papi-client'
import type { PeriodDto, PlanSummary } from '../api/types'

/** Published plans (the ones that report) and every period they have opened. */
export interface PlansAndPeriods {
  plans: PlanSummary[]
  periods: PeriodDto[]
}

/** The published plans the user may read and their reporting periods (no plan details). */
export async function loadPlansAndPeriods(api: WebClient): Promise<PlansAndPeriods> {
  const plans = (await unwrap(api.plans.$get())).filter((p) => listedIn('reporting', p.status))
  const periods = await Promise.all(
    plans.map((p) => unwrap(api.plans[':id'].periods.$get({ param: { id: p.id } })).catch(() => [] as PeriodDto[])),
  )
  return { plans, periods: periods.flat() }
}

/**
 * The period codes the plans' opened periods offer, newest first, and the one to open by default
 * on `today` — the domain's `periodChoices` over each period's code and deadline.
 */
export function periodChoices(periods: readonly PeriodDto[], today: string): { codes: string[]; current?: string } {
  const { ids, current } = choicesOf(
    periods.map((p) => ({ id: p.code, deadline: p.dueOn })),
    today,
  )
  return { codes: ids, ...(current === undefined ? {} : { current }) }
}
