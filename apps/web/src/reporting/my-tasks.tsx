import { createResource, For, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import type { MyTask } from '../api/types'
import { Async } from '../components/async'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'
import { ReportForm } from './report-form'

/** Lead units named in a coordinated task's line; a class like "UBND cấp xã" leads in every commune (145 in Kiên Giang). */
const LEADS_SHOWN = 5

/**
 * "My tasks this period": one report form per task the user's units lead, from one request
 * (`GET /api/v1/my-tasks`). A task asked for by address (`?task=`) that is not the unit's gets a
 * notice and no form.
 */
export function MyTasks(props: { periodId: string; focusTaskId?: string }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [data, { refetch }] = createResource(
    () => props.periodId,
    (periodId) => unwrap(session.api['my-tasks'].$get({ query: { periodId } })),
  )
  const isFocus = (item: MyTask, list: readonly MyTask[]) =>
    props.focusTaskId === undefined || item.task.id === props.focusTaskId || !list.some((x) => x.task.id === props.focusTaskId)

  return (
    <section aria-labelledby="my-tasks-title" class="page">
      <h2 id="my-tasks-title">
        {t('reporting.myTasks')}
        <Show when={data.latest}>
          {(answer) => <small class="muted"> ({t('reporting.taskCount', { count: answer().tasks.length })})</small>}
        </Show>
      </h2>
      <Async of={data} retry={refetch}>
        {(answer) => (
          <>
            <Show when={props.focusTaskId !== undefined && !answer.tasks.some((x) => x.task.id === props.focusTaskId)}>
              <p class="notice" data-testid="no-form">
                {t('reporting.noForm')}
              </p>
            </Show>
            <Show when={answer.tasks.length > 0} fallback={<p class="muted">{t('reporting.noTasks')}</p>}>
              <For each={answer.tasks.filter((x) => isFocus(x, answer.tasks))}>
                {(item, i) => (
                  <ReportForm
                    initiallyOpen={i() === 0 || item.task.id === props.focusTaskId}
                    task={item.task}
                    unitId={item.unit.id}
                    periodId={props.periodId}
                    report={item.report ?? undefined}
                    context={
                      <>
                        {item.plan.number} · {item.section.code}. {item.section.title}
                        <Show when={answer.units.length > 1}> · {item.unit.name}</Show> ·{' '}
                        {t('reporting.deadline', { date: fmt.date(item.period.deadline) })}
                        {/* Filed after the deadline and the grace days (the API judges it: listedReportState). */}
                        <Show when={item.submission === 'late'}>
                          {' '}
                          <span class="badge bad" data-testid="submission-late">
                            {fmt.label('submissionState', 'late')}
                          </span>
                        </Show>
                      </>
                    }
                    save={(input) => unwrap(session.api.reports.$put({ json: input }))}
                    submit={(id, version) => unwrap(session.api.reports[':id'].submit.$post({ param: { id }, json: { version } }))}
                    reload={async () => {
                      const query = { planId: item.plan.id, periodId: props.periodId, unitId: item.unit.id, taskId: item.task.id }
                      const found = await unwrap(session.api.reports.$get({ query }))
                      return found.find((r) => r.taskId === item.task.id && r.unitId === item.unit.id)
                    }}
                  />
                )}
              </For>
            </Show>
            <Show when={answer.coordinating.length > 0}>
              <section class="card" aria-labelledby="coordinating-title" data-testid="coordinating">
                <h3 id="coordinating-title">{t('reporting.coordinating', { count: answer.coordinating.length })}</h3>
                <p class="muted">{t('reporting.coordinatingNote')}</p>
                <ul class="coordinating">
                  <For each={answer.coordinating}>
                    {(item) => (
                      <li>
                        <strong>
                          {item.task.code}. {item.task.title}
                        </strong>
                        <br />
                        <small class="muted">
                          {item.plan.number} · {item.section.code}. {item.section.title}
                          <Show when={answer.units.length > 1}> · {item.unit.name}</Show> ·{' '}
                          {item.leads.length > LEADS_SHOWN
                            ? t('reporting.ledByMore', {
                                units: item.leads
                                  .slice(0, LEADS_SHOWN)
                                  .map((l) => l.name)
                                  .join(', '),
                                count: item.leads.length - LEADS_SHOWN,
                              })
                            : t('reporting.ledBy', { units: item.leads.map((l) => l.name).join(', ') || '—' })}
                        </small>
                      </li>
                    )}
                  </For>
                </ul>
              </section>
            </Show>
          </>
        )}
      </Async>
    </section>
  )
}
