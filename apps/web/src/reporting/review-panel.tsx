import { listedReportState, type SubmissionState, unitsToRemind } from '@papi/domain'
import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import { periodReportUrl } from '../api/export-links'
import { unwrap } from '../api/papi-client'
import type { PeriodDto, ReportDto, TaskDto, UnitStats } from '../api/types'
import { Async } from '../components/async'
import { DataTable } from '../components/data-table'
import { DownloadLinks } from '../components/download-links'
import { Kpi } from '../components/kpi'
import { useI18n } from '../i18n/i18n-context'
import { today } from '../lib/today'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'
import { ReviewActions, type ReviewAction } from './review-actions'

/**
 * The standing agency's view of a period: completeness by unit with the consolidated report to
 * download, the reports waiting for review (accept or return with a comment), the accepted ones
 * (reopen with a comment), and the units still missing, to remind.
 */
export function ReviewPanel(props: { periodId: string }) {
  const { t, locale } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const source = () => {
    const unitId = session.overseenUnitId()
    // The review desk counts what has come in by today, late reports as late: judged as of the
    // period's deadline (the default for a past period), a report filed now would read "missing"
    // while it sits in the queue below.
    return unitId === undefined ? undefined : { unitId, periodId: props.periodId, asOf: today() }
  }
  const [dashboard, dash] = createResource(source, (query) => unwrap(session.api.dashboard.$get({ query })))
  const [queue, queueActions] = createResource(source, (q) =>
    unwrap(session.api.reports.$get({ query: { periodId: q.periodId, status: 'submitted' } })),
  )
  const [accepted, acceptedActions] = createResource(source, (q) =>
    unwrap(session.api.reports.$get({ query: { periodId: q.periodId, status: 'accepted' } })),
  )
  const [handled, setHandled] = createSignal<Record<string, ReportDto>>({})

  // Task codes and titles of the listed reports, from their plans (only those plans are loaded).
  const planIds = createMemo(() =>
    [...new Set([...(queue.latest ?? []), ...(accepted.latest ?? [])].map((r) => r.planId))].sort().join(' '),
  )
  const [tasks] = createResource(planIds, async (ids) => {
    const plans = await Promise.all(
      ids
        .split(' ')
        .filter(Boolean)
        .map((id) => unwrap(session.api.plans[':id'].$get({ param: { id } }))),
    )
    return new Map<string, TaskDto>(plans.flatMap((p) => p.sections.flatMap((s) => s.tasks)).map((task) => [task.id, task]))
  })
  // The period as each listed report's plan opened it: its deadlines by level and its grace days.
  const [periods] = createResource(planIds, async (ids) => {
    const lists = await Promise.all(
      ids
        .split(' ')
        .filter(Boolean)
        .map(async (id) => [id, await unwrap(session.api.plans[':id'].periods.$get({ param: { id } }))] as const),
    )
    return new Map<string, PeriodDto | undefined>(lists.map(([id, list]) => [id, list.find((p) => p.code === props.periodId)]))
  })
  /** On time or late by the day it was filed (the domain's listedReportState): a 2018 report filed today is late. */
  const timelinessOf = (report: ReportDto): SubmissionState | undefined => {
    const period = periods.latest?.get(report.planId)
    const level = session.units.latest?.find((u) => u.id === report.unitId)?.level
    if (period === undefined || level === undefined) return undefined
    return listedReportState({ report, deadline: period.deadlines[level], asOf: today(), graceDays: period.graceDays })
  }
  const unitName = (id: string) => session.units.latest?.find((u) => u.id === id)?.name ?? id
  const percent = (n: number | null) => fmt.percent(n, { decimals: 0 })

  // A function, so the headers follow a change of language.
  const unitColumns = () => [
    {
      key: 'unit',
      header: t('common.unit'),
      cell: (u: UnitStats) => u.unitName,
      sortValue: (u: UnitStats) => u.unitName,
      filterText: (u: UnitStats) => u.unitName,
    },
    {
      key: 'expected',
      header: t('overview.expected'),
      numeric: true,
      cell: (u: UnitStats) => fmt.number(u.expected),
      sortValue: (u: UnitStats) => u.expected,
    },
    {
      key: 'submitted',
      header: t('overview.submitted'),
      numeric: true,
      cell: (u: UnitStats) => fmt.number(u.submitted),
      sortValue: (u: UnitStats) => u.submitted,
    },
    {
      key: 'accepted',
      header: t('overview.accepted'),
      numeric: true,
      cell: (u: UnitStats) => fmt.number(u.accepted),
      sortValue: (u: UnitStats) => u.accepted,
    },
    {
      key: 'late',
      header: t('overview.late'),
      numeric: true,
      cell: (u: UnitStats) => fmt.number(u.late),
      sortValue: (u: UnitStats) => u.late,
    },
    {
      key: 'missing',
      header: t('overview.missing'),
      numeric: true,
      cell: (u: UnitStats) => fmt.number(u.missing),
      sortValue: (u: UnitStats) => u.missing,
    },
    {
      key: 'completeness',
      header: t('overview.completeness'),
      numeric: true,
      cell: (u: UnitStats) => percent(u.completeness),
      sortValue: (u: UnitStats) => u.completeness,
    },
    {
      key: 'timeliness',
      header: t('overview.timeliness'),
      numeric: true,
      cell: (u: UnitStats) => percent(u.timeliness),
      sortValue: (u: UnitStats) => u.timeliness,
    },
  ]

  const perform = (r: ReportDto, action: ReviewAction, comment?: string) => {
    const param = { id: r.id }
    switch (action) {
      case 'accept':
        return unwrap(session.api.reports[':id'].accept.$post({ param, json: { version: r.version } }))
      case 'return':
        return unwrap(session.api.reports[':id'].return.$post({ param, json: { version: r.version, comment: comment ?? '' } }))
      case 'reopen':
        return unwrap(session.api.reports[':id'].reopen.$post({ param, json: { version: r.version, comment: comment ?? '' } }))
    }
  }

  const onReviewed = (r: ReportDto) => {
    setHandled((h) => ({ ...h, [r.id]: r }))
    void dash.refetch()
  }

  const ReportList = (listProps: { reports: ReportDto[]; empty: string }) => (
    <Show when={listProps.reports.length > 0} fallback={<p class="muted">{listProps.empty}</p>}>
      <ul class="review-list">
        <For each={listProps.reports}>
          {(report) => {
            const current = () => handled()[report.id] ?? report
            const task = () => tasks.latest?.get(report.taskId)
            return (
              <li class="review-item" data-testid={`review-${task()?.code ?? report.taskId}`}>
                <div class="review-head">
                  <strong>
                    {task()?.code}. {task()?.title ?? report.taskId}
                  </strong>
                  <span class="muted">
                    {unitName(report.unitId)} · {t('reporting.submittedAt')} {fmt.dateTime(report.submittedAt)}
                  </span>
                  <Show when={timelinessOf(report)}>
                    {(state) => (
                      <span class={`badge ${state() === 'late' ? 'bad' : 'ok'}`} data-testid="review-timeliness">
                        {fmt.label('submissionState', state())}
                      </span>
                    )}
                  </Show>
                  <span class="badge">{fmt.label('workStatus', current().workStatus)}</span>
                  <span class="badge">{fmt.percent(current().progress)}</span>
                  <span
                    class={`badge ${current().status === 'accepted' ? 'ok' : current().status === 'returned' ? 'bad' : 'warn'}`}
                    data-testid="review-status"
                  >
                    {fmt.label('reportStatus', current().status)}
                  </span>
                </div>
                <Show when={report.narrative}>
                  <p class="narrative">{report.narrative}</p>
                </Show>
                <Show when={current().reviewComment}>
                  <p class="muted">{t('reporting.reviewComment', { comment: current().reviewComment ?? '' })}</p>
                </Show>
                <Show when={session.can('report.review', report.unitId)}>
                  <ReviewActions report={current()} perform={perform} onDone={onReviewed} />
                </Show>
              </li>
            )
          }}
        </For>
      </ul>
    </Show>
  )

  return (
    <>
      <section class="card" aria-labelledby="completeness-title" data-testid="completeness">
        <h2 id="completeness-title">{t('reporting.completeness')}</h2>
        <Async of={dashboard} retry={dash.refetch}>
          {(d) => (
            <Show when={d.plans.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
              <div class="kpis">
                <Kpi label={t('overview.completeness')} value={percent(d.totals.completeness)} testId="kpi-completeness" />
                <Kpi label={t('overview.timeliness')} value={percent(d.totals.timeliness)} />
                <Kpi
                  label={t('overview.submitted')}
                  value={`${fmt.number(d.totals.submitted)}/${fmt.number(d.totals.expected)}`}
                  testId="kpi-submitted"
                />
                <Kpi label={t('overview.accepted')} value={fmt.number(d.totals.accepted)} testId="kpi-accepted" />
              </div>
              <For each={d.plans}>
                {(plan) => (
                  <>
                    <h3>
                      {plan.number} — {plan.title}
                    </h3>
                    <DownloadLinks
                      label={t('exports.periodReport', { period: fmt.period(props.periodId) })}
                      // The document says what the figures above say: judged on the same day.
                      href={(format) =>
                        periodReportUrl(session.api, plan.planId, {
                          periodId: props.periodId,
                          format,
                          lang: locale(),
                          asOf: source()?.asOf,
                        })
                      }
                      testId={`export-report-${plan.planId}`}
                    />
                    <DataTable rows={plan.units} columns={unitColumns()} rowKey={(u) => u.unitId} testId={`units-${plan.planId}`} />
                    <h3>{t('reporting.missingUnits')}</h3>
                    <Show when={unitsToRemind(plan.units, d.unitId).length > 0} fallback={<p class="muted">{t('reporting.noMissing')}</p>}>
                      <ul data-testid="missing-units">
                        <For each={unitsToRemind(plan.units, d.unitId)}>
                          {(u) => (
                            <li>
                              {u.unitName} — {fmt.number(u.expected - u.submitted)}/{fmt.number(u.expected)}{' '}
                              <span class={`badge ${u.missing > 0 ? 'bad' : 'warn'}`}>
                                {u.missing > 0 ? t('overview.missing') : t('overview.pending')}
                              </span>
                            </li>
                          )}
                        </For>
                      </ul>
                    </Show>
                  </>
                )}
              </For>
            </Show>
          )}
        </Async>
      </section>
      <section class="card" aria-labelledby="queue-title" data-testid="review-queue">
        <h2 id="queue-title">{t('reporting.reviewQueue')}</h2>
        <Async of={queue} retry={queueActions.refetch}>
          {(list) => <ReportList reports={list} empty={t('reporting.noQueue')} />}
        </Async>
      </section>
      <section class="card" aria-labelledby="accepted-title" data-testid="accepted-reports">
        <h2 id="accepted-title">{t('reporting.acceptedList')}</h2>
        <Async of={accepted} retry={acceptedActions.refetch}>
          {(list) => <ReportList reports={list} empty={t('reporting.noAccepted')} />}
        </Async>
      </section>
    </>
  )
}
