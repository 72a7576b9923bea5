import { useSearchParams } from '@solidjs/router'
import { createMemo, createResource, For, Show } from 'solid-js'
import { Async } from '../components/async'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { today } from '../lib/today'
import { loadPlansAndPeriods, periodChoices, type PlansAndPeriods } from '../reporting/reporting-data'
import { MyTasks } from '../reporting/my-tasks'
import { ReviewPanel } from '../reporting/review-panel'
import { useSession } from '../session/session-context'

/**
 * Reporting for a period. A reporter sees the tasks of their unit with a form each; a planner
 * (the standing agency) sees who has reported, reviews what came in and who is still missing.
 * Each part shows only when `/me` grants the matching permission.
 */
export default function ReportingPage() {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [params, setParams] = useSearchParams<{ period?: string; task?: string }>()
  const [data, { refetch }] = createResource(() => loadPlansAndPeriods(session.api))

  return (
    <section class="page">
      <Async of={data} retry={refetch}>
        {(d) => <ReportingBody data={d} />}
      </Async>
    </section>
  )

  function ReportingBody(props: { data: PlansAndPeriods }) {
    const choices = createMemo(() => periodChoices(props.data.periods, today()))
    const periodId = () => params.period ?? choices().current
    const period = () => props.data.periods.find((p) => p.code === periodId())
    /** The user's own deadline: communes report before the province consolidates. */
    const deadline = () => {
      const p = period()
      const level = session.tree()?.byId.get(session.homeUnitId() ?? '')?.level
      return p === undefined ? undefined : ((level === undefined ? undefined : p.deadlines[level]) ?? p.dueOn)
    }
    return (
      <>
        <div class="page-head">
          <h1>{t('reporting.title', { period: fmt.period(periodId()) })}</h1>
          <div class="field">
            <label for="period-select">{t('reporting.period')}</label>
            <select id="period-select" value={periodId() ?? ''} onChange={(e) => setParams({ period: e.currentTarget.value })}>
              <For each={choices().codes}>
                {(code) => (
                  <option value={code} selected={code === periodId()}>
                    {fmt.period(code)}
                  </option>
                )}
              </For>
            </select>
          </div>
        </div>
        <Show when={period()}>
          {(p) => (
            <p class="muted">
              {t('reporting.deadline', { date: fmt.date(deadline()) })} ·{' '}
              {t('reporting.window', { start: fmt.date(p().cutoffStart), end: fmt.date(p().cutoffEnd) })}
            </p>
          )}
        </Show>
        <Show when={periodId()} fallback={<p class="muted">{t('common.empty')}</p>}>
          {(pid) => (
            <>
              <Show when={session.can('report.review')}>
                <ReviewPanel periodId={pid()} />
              </Show>
              <Show when={session.can('report.write')}>
                <MyTasks periodId={pid()} focusTaskId={params.task} />
              </Show>
              <Show when={!session.can('report.write') && !session.can('report.review')}>
                <p class="notice" data-testid="view-only">
                  {t('reporting.viewOnly')}
                </p>
              </Show>
              <Show when={!session.can('report.write') && params.task !== undefined}>
                <p class="notice" data-testid="no-form">
                  {t('reporting.noForm')}
                </p>
              </Show>
            </>
          )}
        </Show>
      </>
    )
  }
}
