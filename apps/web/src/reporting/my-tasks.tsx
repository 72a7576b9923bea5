import { createResource, For, Show } from 'solid-js'
import { Async } from '../components/async'
import { useI18n } from '../i18n/i18n-context'
import { useSession } from '../session/session-context'
import { ReportForm } from './report-form'
import { loadMyTasks, type PlanWithPeriods } from './reporting-data'

/**
 * "My tasks this period": one report form per task the user's unit leads. A task asked for by
 * address (`?task=`) that is not the unit's gets a notice and no form.
 */
export function MyTasks(props: { plans: PlanWithPeriods[]; periodId: string; focusTaskId?: string }) {
  const { t } = useI18n()
  const session = useSession()
  const [tasks, { refetch }] = createResource(
    () => {
      const unitId = session.homeUnitId()
      return unitId === undefined ? undefined : { unitId, periodId: props.periodId }
    },
    ({ unitId, periodId }) => loadMyTasks(session.api, props.plans, unitId, periodId),
  )

  return (
    <section aria-labelledby="my-tasks-title" class="page">
      <h2 id="my-tasks-title">{t('reporting.myTasks')}</h2>
      <Async of={tasks} retry={refetch}>
        {(list) => (
          <>
            <Show when={props.focusTaskId !== undefined && !list.some((x) => x.task.id === props.focusTaskId)}>
              <p class="notice" data-testid="no-form">
                {t('reporting.noForm')}
              </p>
            </Show>
            <Show when={list.length > 0} fallback={<p class="muted">{t('reporting.noTasks')}</p>}>
              <p class="muted">{t('reporting.taskCount', { count: list.length })}</p>
              <For each={list.filter((x) => props.focusTaskId === undefined || x.task.id === props.focusTaskId || !list.some((y) => y.task.id === props.focusTaskId))}>
                {(item, i) => (
                  <ReportForm
                    initiallyOpen={i() === 0 || item.task.id === props.focusTaskId}
                    task={item.task}
                    unitId={item.report?.unitId ?? (session.homeUnitId() as string)}
                    periodId={props.periodId}
                    report={item.report}
                    save={(input) => session.api.saveReport(input)}
                    submit={(id, version) => session.api.submitReport(id, version)}
                    reload={async () => {
                      const unitId = session.homeUnitId() as string
                      const found = await session.api.reports({ planId: item.plan.id, periodId: props.periodId, unitId, taskId: item.task.id })
                      return found.find((r) => r.taskId === item.task.id && r.unitId === unitId)
                    }}
                  />
                )}
              </For>
            </Show>
          </>
        )}
      </Async>
    </section>
  )
}
