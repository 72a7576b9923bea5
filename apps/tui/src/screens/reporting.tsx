/** @jsxRuntime automatic */
import { formatPercent } from '@papi/domain'
import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import { usePlans } from './plan-picker'
import type { ScreenProps } from './screen'

interface UnitStats {
  unitId: string
  unitName: string
  expected: number
  submitted: number
  onTime: number
  missing: number
  completeness: number | null
}

/** The units still missing reports, one line each, to paste into a reminder. */
export function reminderLines(units: readonly UnitStats[]): string[] {
  return units.filter((u) => u.missing > 0).map((u) => `- ${u.unitName}: ${u.missing}/${u.expected}`)
}

/** Reporting status: completeness per unit for a plan's period; the missing units as a reminder list. */
export function ReportingScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const { plan, step } = usePlans(ui)
  const [periodId, setPeriodId] = useState<string | undefined>()
  const [units, setUnits] = useState<UnitStats[]>([])
  const reload = useCallback(
    () =>
      ui.act(async () => {
        if (!plan) return setUnits([])
        const full = await ok(api.api.v1.plans[':id'].$get({ param: { id: plan.id } }), locale)
        const periods = await ok(api.api.v1.plans[':id'].periods.$get({ param: { id: plan.id } }), locale)
        const period = periodId ?? periods[0]?.code
        if (!period || !periodId) setPeriodId(period)
        const unitId = full.scopeUnitId ?? full.issuerUnitId
        if (!period || !unitId) return setUnits([])
        const board = await ok(api.api.v1.dashboard.$get({ query: { unitId, periodId: period, planId: plan.id } }), locale)
        setUnits(board.plans.find((p) => p.planId === plan.id)?.units ?? [])
      }),
    [api, plan?.id, periodId],
  )
  useEffect(() => void reload(), [reload])

  const onKey = (name: string) =>
    ui.act(async () => {
      const k = KEYS.reporting
      if (name === '[') return step(-1)
      if (name === ']') return step(1)
      if (!plan) return
      if (matchesName(k.period, name)) {
        const periods = await ok(api.api.v1.plans[':id'].periods.$get({ param: { id: plan.id } }), locale)
        const chosen = await ui.choose(
          m.period,
          periods.map((p) => ({ value: p.code, label: `${p.code}  ${p.label}` })),
        )
        if (chosen) setPeriodId(chosen)
      } else if (matchesName(k.reminder, name)) {
        const lines = reminderLines(units)
        await ui.panel(m.reminder(periodId ?? ''), lines.length ? lines : [m.allIn])
      }
    })

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.unit, value: (u) => u.unitName },
        { title: m.expected, width: 8, align: 'right', value: (u) => String(u.expected) },
        { title: m.submitted, width: 8, align: 'right', value: (u) => String(u.submitted) },
        { title: m.onTime, width: 8, align: 'right', value: (u) => String(u.onTime) },
        { title: m.missing, width: 9, align: 'right', value: (u) => String(u.missing) },
        {
          title: m.completeness,
          width: 8,
          align: 'right',
          value: (u) => (u.completeness === null ? '—' : formatPercent(u.completeness, locale)),
        },
      ]}
      rows={units}
      searchText={(u) => u.unitName}
      heading={plan ? `${m.plan}: ${plan.number} · ${m.period}: ${periodId ?? '—'}  [ ] p` : m.noPlans}
      onKey={(name) => void onKey(name)}
      onReload={() => void reload()}
    />
  )
}
