import type { SectionProgress, TaskProgress } from '@papi/domain'
import { createMemo, For, Show } from 'solid-js'
import type { Dashboard, UnitStats } from '../api/types'
import { DataTable } from '../components/data-table'
import { Kpi } from '../components/kpi'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'

/** A task of the dashboard that is overdue, with its plan and section. */
interface OverdueRow {
  plan: string
  section: string
  task: TaskProgress
}

/** Overdue tasks across the dashboard's plans (outcome counted by the domain's rollup). */
export function overdueTasks(d: Dashboard): OverdueRow[] {
  return d.plans.flatMap((p) =>
    p.sections.flatMap((s) => s.tasks.filter((t) => t.outcome === 'overdue').map((task) => ({ plan: p.number, section: s.code, task }))),
  )
}

/** Units with reports late or missing this period (not the root's own rollup line). */
export function lateUnits(d: Dashboard): (UnitStats & { plan: string })[] {
  return d.plans.flatMap((p) =>
    p.units.filter((u) => u.unitId !== d.unitId && (u.late > 0 || u.missing > 0)).map((u) => ({ ...u, plan: p.number })),
  )
}

/**
 * The current period for a unit's subtree: progress of each plan by section, completeness and
 * timeliness, the overdue tasks and the units late with their reports.
 */
export function PeriodStatus(props: { dashboard: Dashboard }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const overdue = createMemo(() => overdueTasks(props.dashboard))
  const late = createMemo(() => lateUnits(props.dashboard))
  const pct = (n: number | null | undefined) => fmt.percent(n, { decimals: 0 })

  return (
    <>
      <section class="card" aria-labelledby="period-status" data-testid="period-status">
        <h2 id="period-status">
          {t('overview.reportingNow')}: {fmt.period(props.dashboard.periodId)}
        </h2>
        <div class="kpis">
          <Kpi label={t('overview.completeness')} value={pct(props.dashboard.totals.completeness)} testId="kpi-completeness" />
          <Kpi label={t('overview.timeliness')} value={pct(props.dashboard.totals.timeliness)} />
          <Kpi
            label={t('overview.submitted')}
            value={`${fmt.number(props.dashboard.totals.submitted)}/${fmt.number(props.dashboard.totals.expected)}`}
          />
          <Kpi label={t('overview.late')} value={fmt.number(props.dashboard.totals.late)} />
          <Kpi label={t('overview.missing')} value={fmt.number(props.dashboard.totals.missing)} />
        </div>
      </section>
      <section class="card" aria-labelledby="plan-progress">
        <h2 id="plan-progress">{t('overview.planProgress')}</h2>
        <Show when={props.dashboard.plans.length > 0} fallback={<p class="muted">{t('common.empty')}</p>}>
          <For each={props.dashboard.plans}>
            {(plan) => (
              <div>
                <h3>
                  {plan.number}: {pct(plan.progress)}
                </h3>
                <For each={plan.sections}>{(s) => <ProgressBar section={s} />}</For>
              </div>
            )}
          </For>
        </Show>
      </section>
      <div class="grid-2">
        <section class="card" aria-labelledby="overdue-title">
          <h2 id="overdue-title">{t('overview.overdueTasks')}</h2>
          <DataTable
            rows={overdue()}
            empty={t('overview.noOverdue')}
            testId="overdue-tasks"
            stackOnPhone
            columns={[
              {
                key: 'code',
                header: t('plans.code'),
                cell: (r) => r.task.code,
                sortValue: (r) => r.task.code,
                filterText: (r) => r.task.code,
              },
              { key: 'task', header: t('plans.task'), cell: (r) => r.task.title, filterText: (r) => r.task.title },
              { key: 'due', header: t('overview.dueDate'), cell: (r) => fmt.date(r.task.dueDate), sortValue: (r) => r.task.dueDate },
              {
                key: 'progress',
                header: t('overview.progress'),
                numeric: true,
                cell: (r) => pct(r.task.progress),
                sortValue: (r) => r.task.progress,
              },
            ]}
          />
        </section>
        <section class="card" aria-labelledby="late-title">
          <h2 id="late-title">{t('overview.lateUnits')}</h2>
          <DataTable
            rows={late()}
            empty={t('overview.noLate')}
            testId="late-units"
            initialSort={{ key: 'missing', direction: 'desc' }}
            columns={[
              {
                key: 'unit',
                header: t('common.unit'),
                cell: (u) => u.unitName,
                sortValue: (u) => u.unitName,
                filterText: (u) => u.unitName,
              },
              { key: 'late', header: t('overview.late'), numeric: true, cell: (u) => fmt.number(u.late), sortValue: (u) => u.late },
              {
                key: 'missing',
                header: t('overview.missing'),
                numeric: true,
                cell: (u) => fmt.number(u.missing),
                sortValue: (u) => u.missing,
              },
              {
                key: 'completeness',
                header: t('overview.completeness'),
                numeric: true,
                cell: (u) => pct(u.completeness),
                sortValue: (u) => u.completeness,
              },
            ]}
          />
        </section>
      </div>
    </>
  )
}

function ProgressBar(props: { section: SectionProgress }) {
  const fmt = useFormat()
  const value = () => props.section.progress ?? 0
  return (
    <div class="bar-row">
      <span>
        {props.section.code}. {props.section.title}
      </span>
      <div class="bar" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={value()} aria-label={props.section.title}>
        <span style={{ width: `${Math.max(0, Math.min(100, value()))}%` }} />
      </div>
      <span class="num">{fmt.percent(props.section.progress, { decimals: 0 })}</span>
    </div>
  )
}
