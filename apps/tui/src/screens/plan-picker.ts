import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import type { Ui } from '../context'
import type { PlanRow } from './plans'

/** The plans a screen works on, and which one it shows (`[` and `]` switch). */
export function usePlans(ui: Ui) {
  const [plans, setPlans] = useState<PlanRow[]>([])
  const [index, setIndex] = useState(0)
  const reload = useCallback(() => ui.act(async () => setPlans(await ok(ui.api.api.v1.plans.$get({ query: {} }), ui.locale))), [ui.api])
  useEffect(() => void reload(), [reload])
  const step = (by: number) => setIndex((i) => (plans.length ? (i + by + plans.length) % plans.length : 0))
  return { plans, plan: plans[index] as PlanRow | undefined, step }
}
