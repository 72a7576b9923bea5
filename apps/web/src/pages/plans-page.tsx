import { A } from '@solidjs/router'
import { createResource, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import type { PlanSummary } from '../api/types'
import { Async } from '../components/async'
import { DataTable } from '../components/data-table'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'

/** Every plan the user may read, newest first; sortable and filterable. */
export default function PlansPage() {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [plans, { refetch }] = createResource(() => unwrap(session.api.plans.$get()))
  return (
    <section class="page">
      <div class="page-head">
        <h1>{t('plans.title')}</h1>
        <Show when={session.can('plan.manage', session.overseenUnitId())}>
          <A href="/plans/import" class="button-link" data-testid="plan-import-link">
            {t('plans.import')}
          </A>
        </Show>
      </div>
      <div class="card">
        <Async of={plans} retry={refetch}>
          {(list) => (
            <DataTable<PlanSummary>
              rows={list}
              empty={t('plans.empty')}
              testId="plans-table"
              stackOnPhone
              initialSort={{ key: 'issuedOn', direction: 'desc' }}
              columns={[
                {
                  key: 'number',
                  header: t('plans.number'),
                  cell: (p) => (
                    <A href={`/plans/${encodeURIComponent(p.id)}`} aria-label={t('plans.open', { number: p.number })}>
                      {p.number}
                    </A>
                  ),
                  sortValue: (p) => p.number,
                  filterText: (p) => p.number,
                },
                { key: 'title', header: t('plans.planTitle'), cell: (p) => p.title, sortValue: (p) => p.title, filterText: (p) => p.title },
                {
                  key: 'issuer',
                  header: t('plans.issuer'),
                  cell: (p) => p.issuer,
                  sortValue: (p) => p.issuer,
                  filterText: (p) => p.issuer,
                },
                { key: 'issuedOn', header: t('plans.issuedOn'), cell: (p) => fmt.date(p.issuedOn), sortValue: (p) => p.issuedOn },
                {
                  key: 'index',
                  header: t('plans.index'),
                  cell: (p) => <span title={fmt.label('indexKind', p.index)}>{p.index.toUpperCase()}</span>,
                  sortValue: (p) => p.index,
                  filterText: (p) => fmt.label('indexKind', p.index),
                },
                { key: 'years', header: t('plans.years'), cell: (p) => fmt.years(p.years), sortValue: (p) => p.years.from },
                {
                  key: 'tasks',
                  header: t('plans.task'),
                  numeric: true,
                  cell: (p) => fmt.number(p.taskCount),
                  sortValue: (p) => p.taskCount,
                },
                {
                  key: 'status',
                  header: t('plans.status'),
                  cell: (p) => <span class={`badge ${p.status === 'published' ? 'ok' : ''}`}>{fmt.label('planStatus', p.status)}</span>,
                  sortValue: (p) => p.status,
                  filterText: (p) => fmt.label('planStatus', p.status),
                },
              ]}
            />
          )}
        </Async>
      </div>
    </section>
  )
}
