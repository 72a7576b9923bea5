import { mayWritePeriodNarrative, planScopeUnitId, type Assignee, type Target, type TargetState } from '@papi/domain'
import { A, useParams } from '@solidjs/router'
import { createMemo, createResource, createSignal, For, lazy, Show } from 'solid-js'
import { taskTableUrl } from '../api/export-links'
import { unwrap } from '../api/papi-client'
import type { EvaluatedTarget, PlanDetail, TaskDto } from '../api/types'
import { Async } from '../components/async'
import { DataTable } from '../components/data-table'
import { DownloadLinks } from '../components/download-links'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { assignmentMatrix, leadsAlready, unitsOfAssignee, type AssignmentRole } from '../plans/assignment-matrix'
import { TimeframeText } from '../plans/timeframe-text'
import { useSession } from '../session/session-context'

/**
 * One plan: its facts, goals and targets with their state, every task by section with its lead
 * and coordinating assignees (classes with the units they resolve to) and timeframe, and the
 * tasks × units assignment matrix.
 */
export default function PlanPage() {
  const params = useParams<{ id: string }>()
  const session = useSession()
  // What the planner's last change did; kept here because the plan's view is drawn again with the
  // plan read back. It names the plan it was said of: another plan's page (the same component,
  // another :id) does not show it.
  const [notice, setNotice] = createSignal<{ planId: string; message: string }>()
  const [plan, { refetch }] = createResource(
    () => params.id,
    (id) => unwrap(session.api.plans[':id'].$get({ param: { id } })),
  )
  return (
    <section class="page">
      <Async of={plan} retry={refetch}>
        {(p) => (
          <PlanView
            plan={p}
            notice={noticeOf(notice(), p.id)}
            onChanged={(message) => {
              setNotice({ planId: p.id, message })
              void refetch()
            }}
          />
        )}
      </Async>
    </section>
  )
}

/** The last notice, when it was said of `planId`. */
export function noticeOf(notice: { planId: string; message: string } | undefined, planId: string): string | undefined {
  return notice?.planId === planId ? notice.message : undefined
}

// The planner's tools load only for planners, and only when a plan page asks for them.
const PlanAdmin = lazy(() => import('../planning/plan-admin'))
// The plans that implement this one: most plans have none, so the block loads when asked for.
const ChildPlans = lazy(() => import('../plans/child-plans'))
// The period report's texts: for the plan's standing agency only, so loaded when one opens it.
const PeriodReport = lazy(() => import('../planning/period-report'))

function PlanView(props: { plan: PlanDetail; notice: string | undefined; onChanged: (message: string) => void }) {
  const { t, locale } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [tab, setTab] = createSignal<'tasks' | 'matrix'>('tasks')
  // Who writes the period report is the API's rule (the domain's mayWritePeriodNarrative): the
  // plan's own planners and the planners of its standing agency.
  const writesNarrative = () => {
    const tree = session.tree()
    const me = session.me()
    return tree !== undefined && me !== undefined && mayWritePeriodNarrative(me, props.plan, tree)
  }
  // States come from the API, which evaluates targets (the domain's evaluateTarget) against
  // published scores and reported KPI values.
  const [evaluated] = createResource(
    () => props.plan.id,
    (id) => unwrap(session.api.plans[':id'].targets.$get({ param: { id } })).catch(() => [] as EvaluatedTarget[]),
  )
  const stateOf = (target: Target, taskId: string | null): TargetState =>
    evaluated.latest?.find(
      (e) => e.taskId === taskId && e.metric === target.metric && e.comparator === target.comparator && e.value === target.value,
    )?.state ?? 'unknown'

  const targetText = (target: Target) => fmt.target(target)

  const tabId = (name: string) => `plan-tab-${name}`
  /** Arrow keys move between the tabs: the other tab is shown and takes the focus. */
  const moveTab = (to: 'tasks' | 'matrix') => {
    setTab(to)
    document.getElementById(tabId(to))?.focus()
  }
  return (
    <>
      <div class="page-head">
        <h1>
          {props.plan.number} — {props.plan.title}
        </h1>
      </div>
      <div class="card">
        <dl class="facts">
          <dt>{t('plans.issuer')}</dt>
          <dd>{props.plan.issuer}</dd>
          <dt>{t('plans.issuedOn')}</dt>
          <dd>{fmt.date(props.plan.issuedOn)}</dd>
          <Show when={props.plan.signer}>
            <dt>{t('plans.signer')}</dt>
            <dd>{props.plan.signer}</dd>
          </Show>
          <dt>{t('plans.index')}</dt>
          <dd>{fmt.label('indexKind', props.plan.index)}</dd>
          <dt>{t('plans.years')}</dt>
          <dd>{fmt.years(props.plan.years)}</dd>
          <dt>{t('plans.status')}</dt>
          <dd>{fmt.label('planStatus', props.plan.status)}</dd>
          <Show when={props.plan.parentPlanId ?? props.plan.parentPlanNumber}>
            <dt>{t('plans.parent')}</dt>
            <dd>
              <Show when={props.plan.parentPlanId} fallback={props.plan.parentPlanNumber}>
                {(id) => <A href={`/plans/${encodeURIComponent(id())}`}>{props.plan.parentPlanNumber ?? id()}</A>}
              </Show>
            </dd>
          </Show>
          <Show when={props.plan.standingAgency}>
            {(a) => (
              <>
                <dt>{t('plans.standingAgency')}</dt>
                <dd>{a().text}</dd>
              </>
            )}
          </Show>
        </dl>
        <DownloadLinks
          label={t('exports.taskTable')}
          href={(format) => taskTableUrl(session.api, props.plan.id, { format, lang: locale() })}
          testId="export-task-table"
        />
      </div>
      <ChildPlans planId={props.plan.id} />
      <Show when={session.can('plan.manage', planScopeUnitId(props.plan))}>
        <PlanAdmin plan={props.plan} notice={props.notice} onChanged={props.onChanged} />
      </Show>
      <Show when={props.plan.status === 'published' && writesNarrative()}>
        <section class="card planning" aria-labelledby="period-report-title">
          <PeriodReport plan={props.plan} />
        </section>
      </Show>
      <div class="grid-2">
        <Show when={props.plan.goals.length > 0}>
          <section class="card" aria-labelledby="goals-title">
            <h2 id="goals-title">{t('plans.goals')}</h2>
            <ul>
              <For each={props.plan.goals}>{(g) => <li>{g}</li>}</For>
            </ul>
          </section>
        </Show>
        <Show when={props.plan.targets.length > 0}>
          <section class="card" aria-labelledby="targets-title">
            <h2 id="targets-title">{t('plans.targets')}</h2>
            <ul class="targets" data-testid="plan-targets">
              <For each={props.plan.targets}>
                {(target) => {
                  const state = () => stateOf(target, null)
                  return (
                    <li>
                      {targetText(target)} <TargetBadge state={state()} />
                    </li>
                  )
                }}
              </For>
            </ul>
          </section>
        </Show>
      </div>
      <div class="card">
        <div class="tabs" role="tablist" aria-label={props.plan.number}>
          <button
            type="button"
            role="tab"
            id={tabId('tasks')}
            aria-selected={tab() === 'tasks'}
            aria-controls="plan-panel-tasks"
            onClick={() => setTab('tasks')}
            tabIndex={tab() === 'tasks' ? 0 : -1}
            onKeyDown={(e) => e.key === 'ArrowRight' && moveTab('matrix')}
          >
            {t('plans.tabTasks')}
          </button>
          <button
            type="button"
            role="tab"
            id={tabId('matrix')}
            aria-selected={tab() === 'matrix'}
            aria-controls="plan-panel-matrix"
            onClick={() => setTab('matrix')}
            tabIndex={tab() === 'matrix' ? 0 : -1}
            onKeyDown={(e) => e.key === 'ArrowLeft' && moveTab('tasks')}
          >
            {t('plans.tabMatrix')}
          </button>
        </div>
        <Show when={tab() === 'tasks'}>
          <div role="tabpanel" id="plan-panel-tasks" aria-labelledby={tabId('tasks')}>
            <For each={props.plan.sections}>
              {(section) => (
                <section class="plan-section" aria-labelledby={`section-${section.id}`}>
                  <h2 id={`section-${section.id}`}>
                    {section.code}. {section.title} <small class="muted">({t('plans.tasks', { count: section.tasks.length })})</small>
                  </h2>
                  <DataTable<TaskDto>
                    rows={section.tasks}
                    testId={`tasks-${section.code}`}
                    stackOnPhone
                    columns={[
                      {
                        key: 'code',
                        header: t('plans.code'),
                        cell: (task) => task.code,
                        sortValue: (task) => task.code,
                        filterText: (task) => task.code,
                      },
                      {
                        key: 'title',
                        header: t('plans.task'),
                        cell: (task) => (
                          <>
                            {task.title}
                            <Show when={task.targets.length > 0}>
                              <ul class="task-targets">
                                <For each={task.targets}>
                                  {(tg) => (
                                    <li class="muted">
                                      {targetText(tg)} <TargetBadge state={stateOf(tg, task.id)} />
                                    </li>
                                  )}
                                </For>
                              </ul>
                            </Show>
                          </>
                        ),
                        filterText: (task) => task.title,
                      },
                      {
                        key: 'lead',
                        header: t('plans.lead'),
                        cell: (task) => <Assignees task={task} role="lead" list={task.lead} />,
                        filterText: (task) =>
                          task.assignees
                            .filter((a) => a.role === 'lead')
                            .map((a) => `${a.assigneeText} ${a.unitName}`)
                            .join(' '),
                      },
                      {
                        key: 'coordinators',
                        header: t('plans.coordinators'),
                        cell: (task) => <Assignees task={task} role="coordinator" list={task.coordinators} />,
                        filterText: (task) => task.coordinators.map((a) => a.text).join(' '),
                      },
                      {
                        key: 'timeframe',
                        header: t('plans.timeframe'),
                        cell: (task) => <TimeframeText timeframe={task.timeframe} />,
                        sortValue: (task) => task.timeframe.end ?? task.timeframe.start,
                        filterText: (task) => task.timeframe.text,
                      },
                    ]}
                  />
                </section>
              )}
            </For>
          </div>
        </Show>
        <Show when={tab() === 'matrix'}>
          <div role="tabpanel" id="plan-panel-matrix" aria-labelledby={tabId('matrix')}>
            <Matrix plan={props.plan} />
          </div>
        </Show>
      </div>
    </>
  )
}

function TargetBadge(props: { state: TargetState }) {
  const fmt = useFormat()
  return (
    <span class={`badge ${props.state === 'met' ? 'ok' : props.state === 'not-met' ? 'bad' : ''}`}>
      {fmt.label('targetState', props.state)}
    </span>
  )
}

/** Assignees as the plan wrote them; a class or a name shows the units it resolved to. */
function Assignees(props: { task: TaskDto; role: AssignmentRole; list: Assignee[] }) {
  const { t } = useI18n()
  const fmt = useFormat()
  return (
    <ul class="assignees">
      <For each={props.list}>
        {(a) => {
          const units = () => unitsOfAssignee(props.task, props.role, a)
          const isSelf = () => units().length === 1 && units()[0]?.name === a.text
          return (
            <li>
              <span title={a.unitClass ? fmt.label('unitClass', a.unitClass) : undefined}>{a.text}</span>
              <Show when={!isSelf()}>
                <Show
                  when={units().length > 0}
                  fallback={
                    props.role === 'coordinator' && leadsAlready(props.task, a) ? (
                      <small class="badge">{t('plans.alsoLead')}</small>
                    ) : (
                      <small class="badge warn">{t('plans.unresolved')}</small>
                    )
                  }
                >
                  <details class="resolved">
                    <summary>
                      <small>{t('plans.resolvesTo', { units: String(units().length) })}</small>
                    </summary>
                    <small>
                      {units()
                        .map((u) => u.name)
                        .join(', ')}
                    </small>
                  </details>
                </Show>
              </Show>
            </li>
          )
        }}
      </For>
    </ul>
  )
}

function Matrix(props: { plan: PlanDetail }) {
  const { t } = useI18n()
  const matrix = createMemo(() => assignmentMatrix(props.plan))
  return (
    <div class="table-wrap">
      <table class="matrix" data-testid="assignment-matrix">
        <caption>{t('plans.matrixCaption')}</caption>
        <thead>
          <tr>
            <th scope="col" class="sticky">
              {t('plans.task')}
            </th>
            <For each={matrix().units}>
              {(u) => (
                <th scope="col" class="unit" title={u.name}>
                  {u.name}
                </th>
              )}
            </For>
          </tr>
        </thead>
        <tbody>
          <For each={matrix().rows}>
            {(row) => (
              <tr>
                <th scope="row" class="sticky" title={row.task.title}>
                  {row.task.code}. {row.task.title.length > 60 ? `${row.task.title.slice(0, 57)}…` : row.task.title}
                </th>
                <For each={matrix().units}>
                  {(u) => {
                    const role = row.roles.get(u.id)
                    return (
                      <td
                        class={`cell ${role === 'lead' ? 'lead' : role === 'coordinator' ? 'coord' : ''}`}
                        aria-label={role === undefined ? '' : `${u.name}: ${role === 'lead' ? t('plans.lead') : t('plans.coordinators')}`}
                      >
                        {role === 'lead' ? t('plans.leadShort') : role === 'coordinator' ? t('plans.coordinatorShort') : ''}
                      </td>
                    )
                  }}
                </For>
              </tr>
            )}
          </For>
        </tbody>
      </table>
    </div>
  )
}
