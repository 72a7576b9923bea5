import { IndexKindSchema, targetRank, type IndexKind } from '@papi/domain'
import { useSearchParams } from '@solidjs/router'
import { createMemo, createResource, For, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import { Async } from '../components/async'
import { UnitSelect } from '../components/unit-select'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { today } from '../lib/today'
import { PeriodStatus } from '../overview/period-status'
import { ScoresCard } from '../overview/scores-card'
import { loadPlansAndPeriods, periodChoices } from '../reporting/reporting-data'
import { useSession } from '../session/session-context'

/**
 * Where a unit stands: index results over the years, dimensions against last year, the weakest
 * ones and the points to the plan's target rank; then the current period's progress,
 * completeness, timeliness, overdue tasks and late units.
 */
export default function OverviewPage() {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [params, setParams] = useSearchParams<{ unit?: string; index?: string }>()
  const unitId = () => params.unit ?? session.overseenUnitId()
  const unitName = () => session.units.latest?.find((u) => u.id === unitId())?.name

  const [scores, scoresActions] = createResource(unitId, (id) => unwrap(session.api.scores.$get({ query: { unitId: id } })))
  // The years the unit was listed but not ranked in: shown as such in the year table.
  const [notRanked] = createResource(unitId, (id) =>
    unwrap(session.api.scores['not-ranked'].$get({ query: { unitId: id } })).catch(() => []),
  )
  const [plans, plansActions] = createResource(() => loadPlansAndPeriods(session.api))

  const indices = createMemo<IndexKind[]>(() => {
    const present = new Set((scores.latest ?? []).map((s) => s.index))
    const list = IndexKindSchema.options.filter((i) => present.has(i))
    return list.length > 0 ? list : ['papi']
  })
  const index = () => (IndexKindSchema.safeParse(params.index).data ?? indices()[0]) as IndexKind
  const results = createMemo(() => (scores.latest ?? []).filter((s) => s.index === index()))
  const latest = () => [...results()].sort((a, b) => a.year - b.year).at(-1)

  const [yearResults] = createResource(
    () => {
      const l = latest()
      return l === undefined ? undefined : { frameworkId: l.frameworkId, year: l.year }
    },
    (q) => unwrap(session.api.scores.$get({ query: { frameworkId: q.frameworkId, year: String(q.year) } })).catch(() => []),
  )

  /** The unit's plan for this index: the newest published one; its targets give the target rank. */
  const planId = createMemo(
    () =>
      (plans.latest?.plans ?? [])
        .filter((p) => p.index === index())
        .sort((a, b) => b.issuedOn.localeCompare(a.issuedOn))
        .at(0)?.id,
  )
  const [plan] = createResource(planId, (id) => unwrap(session.api.plans[':id'].$get({ param: { id } })).catch(() => undefined))
  const periodId = createMemo(() => (plans.latest === undefined ? undefined : periodChoices(plans.latest.periods, today()).current))
  // One request per unit and period: the query is a memo compared by value, so a navigation that
  // leaves both as they were (the unit written into the address) asks nothing again — the national
  // dashboard is ~8.5 MB of JSON to compute and send (#11).
  const dashboardQuery = createMemo(
    () => {
      const id = unitId()
      const pid = periodId()
      return id === undefined || pid === undefined ? undefined : { unitId: id, periodId: pid }
    },
    undefined,
    { equals: (a, b) => a?.unitId === b?.unitId && a?.periodId === b?.periodId },
  )
  const [dashboard, dashActions] = createResource(dashboardQuery, (query) => unwrap(session.api.dashboard.$get({ query })))

  return (
    <section class="page">
      <div class="page-head">
        <h1>
          {t('overview.title')}
          <Show when={unitName()}> — {unitName()}</Show>
        </h1>
        <div class="row">
          <UnitSelect id="overview-unit" value={unitId()} onChange={(id) => setParams({ unit: id })} />
          <Show when={indices().length > 1}>
            <div class="field">
              <label for="overview-index">{t('plans.index')}</label>
              <select id="overview-index" value={index()} onChange={(e) => setParams({ index: e.currentTarget.value })}>
                <For each={indices()}>
                  {(i) => (
                    <option value={i} selected={i === index()}>
                      {fmt.label('indexKind', i)}
                    </option>
                  )}
                </For>
              </select>
            </div>
          </Show>
        </div>
      </div>
      <Async of={scores} retry={scoresActions.refetch}>
        {() => (
          <Show when={unitId()}>
            {(id) => (
              <ScoresCard
                unitId={id()}
                index={index()}
                results={results()}
                yearResults={yearResults.latest ?? []}
                notRanked={(notRanked.latest ?? []).filter((n) => n.index === index())}
                targetRank={targetRank(plan.latest?.targets ?? [])}
              />
            )}
          </Show>
        )}
      </Async>
      <Async of={plans} retry={plansActions.refetch}>
        {() => (
          <Show when={periodId()} fallback={<p class="muted">{t('common.empty')}</p>}>
            <Async of={dashboard} retry={dashActions.refetch}>
              {(d) => <PeriodStatus dashboard={d} />}
            </Async>
          </Show>
        )}
      </Async>
    </section>
  )
}
