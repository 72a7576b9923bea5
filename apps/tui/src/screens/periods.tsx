/** @jsxRuntime automatic */
import { formatDate } from '@papi/domain'
import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import { usePlans } from './plan-picker'
import type { ScreenProps } from './screen'

export interface PeriodRow {
  code: string
  label: string
  cutoffStart: string
  cutoffEnd: string
  dueOn: string
  locked: boolean
  /** The version read: a lock or deadline move names it, so a change made meanwhile is refused (409). */
  version: number
  deadlines: { province: string; district: string; commune: string }
}

/** Periods: each plan's windows and deadlines per level; lock, unlock, move a deadline. */
export function PeriodsScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const { plan, step } = usePlans(ui)
  const [periods, setPeriods] = useState<PeriodRow[]>([])
  const reload = useCallback(
    () =>
      ui.act(async () => {
        setPeriods(plan ? await ok(api.api.v1.plans[':id'].periods.$get({ param: { id: plan.id } }), locale) : [])
      }),
    [api, plan?.id],
  )
  useEffect(() => void reload(), [reload])
  const d = (iso: string) => formatDate(iso, locale)

  const onKey = (name: string, period: PeriodRow | undefined) =>
    ui.act(async () => {
      const k = KEYS.periods
      if (name === '[' || name === ']') {
        step(name === '[' ? -1 : 1)
        return
      }
      if (!plan || !period) return
      const param = { id: plan.id, periodId: period.code }
      if (matchesName(k.lock, name)) {
        if (!(await ui.confirm(m.lockToggle(period.code, period.locked)))) return m.cancelled
        await ok(
          api.api.v1.plans[':id'].periods[':periodId'].$patch({ param, json: { locked: !period.locked, version: period.version } }),
          locale,
        )
        await reload()
        return m.done
      }
      if (matchesName(k.deadline, name)) {
        const dueOn = await ui.ask(m.deadlineOn, { initial: period.dueOn })
        if (!dueOn) return
        await ok(
          api.api.v1.plans[':id'].periods[':periodId'].$patch({ param, json: { dueOn: dueOn.trim(), version: period.version } }),
          locale,
        )
        await reload()
        return m.done
      }
    })

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.period, width: 8, value: (p) => p.code },
        { title: m.window, width: 23, value: (p) => `${d(p.cutoffStart)} – ${d(p.cutoffEnd)}` },
        { title: m.dueAt.commune, width: 12, value: (p) => d(p.deadlines.commune) },
        { title: m.dueAt.district, width: 13, value: (p) => d(p.deadlines.district) },
        { title: m.dueAt.province, width: 12, value: (p) => d(p.deadlines.province) },
        { title: m.locked, value: (p) => (p.locked ? '🔒' : '') },
      ]}
      rows={periods}
      searchText={(p) => `${p.code} ${p.label}`}
      heading={plan ? `${m.plan}: ${plan.number} — ${plan.title}  [ ]` : m.noPlans}
      onKey={(name, row) => void onKey(name, row)}
      onReload={() => void reload()}
    />
  )
}
