import {
  indexYears,
  pointsNeeded,
  resultHistory,
  type HistoryYear,
  type IndexKind,
  type IndexResult,
  type NotRankedYear,
} from '@papi/domain'
import type { ChartConfiguration } from 'chart.js'
import { createMemo, For, Show } from 'solid-js'
import { LazyChart } from '../charts/lazy-chart'
import { wrapLabel } from '../charts/wrap-label'
import { DataTable } from '../components/data-table'
import { Kpi } from '../components/kpi'
import { useI18n } from '../i18n/i18n-context'
import { createMediaQuery } from '../lib/media-query'
import { useFormat } from '../lib/use-format'
import { dimensionBars, weakest } from './index-history'

/** Signed change with an arrow: "▲ 16" up, "▼ 2" down. Rank changes count places moved up. */
export function Change(props: { value: number | undefined; format: (n: number) => string }) {
  return (
    <Show when={props.value !== undefined} fallback="—">
      <span class={(props.value as number) > 0 ? 'up' : (props.value as number) < 0 ? 'down' : undefined}>
        {(props.value as number) > 0 ? '▲ ' : (props.value as number) < 0 ? '▼ ' : ''}
        {props.format(Math.abs(props.value as number))}
      </span>
    </Show>
  )
}

/**
 * Where a unit stands on one index: the latest total, band and rank with their change, every
 * year in a table, each dimension against the year before (chart + table), the weakest
 * dimensions, and the points still needed for the plan's target rank.
 */
export function ScoresCard(props: {
  unitId: string
  index: IndexKind
  results: IndexResult[]
  /** That latest year's results of every ranked unit, for the points needed. */
  yearResults?: IndexResult[]
  /** The years the unit was listed but not ranked in: rows of the year table saying so. */
  notRanked?: NotRankedYear[]
  targetRank?: number
}) {
  const { t, locale } = useI18n()
  const fmt = useFormat()
  const history = createMemo(() => resultHistory(props.results))
  const years = createMemo(() => indexYears(props.results, props.notRanked ?? []))
  const ranked = (r: HistoryYear) => ('notRanked' in r ? undefined : r)
  const latestRow = () => history().at(-1)
  const latest = () => [...props.results].sort((a, b) => a.year - b.year).at(-1)
  const previous = () => {
    const l = latest()
    return l === undefined ? undefined : props.results.find((r) => r.year === l.year - 1)
  }
  const bars = createMemo(() => {
    const l = latest()
    return l === undefined ? [] : dimensionBars(l, previous())
  })
  const weakestDims = createMemo(() => {
    const l = latest()
    return l === undefined ? [] : weakest(l, 3)
  })
  const needed = () => pointsNeeded(props.unitId, props.targetRank, props.yearResults ?? [])
  // On a phone the bars get the width and the dimension names wrap onto short lines.
  const narrow = createMediaQuery('(max-width: 560px)')
  const labels = createMemo(() => bars().map((b) => wrapLabel(b.name[locale()], narrow() ? 16 : 34)))
  const chartHeight = () => {
    const lines = labels().reduce((n, l) => n + Math.max(l.length, 1), 0)
    return Math.max(220, lines * (narrow() ? 15 : 16) + bars().length * (narrow() ? 14 : 18) + 70)
  }

  const chartConfig = (): ChartConfiguration => ({
    type: 'bar',
    data: {
      labels: labels(),
      datasets: [
        ...(previous() === undefined
          ? []
          : [{ label: String(previous()?.year), data: bars().map((b) => b.previousScore ?? null), backgroundColor: '#b9c0cb' }]),
        { label: String(latest()?.year ?? ''), data: bars().map((b) => b.score ?? null), backgroundColor: '#b3261e' },
      ],
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      indexAxis: 'y',
      scales: {
        x: { beginAtZero: true, ticks: { callback: (v) => fmt.number(Number(v)) } },
        y: { ticks: { autoSkip: false, font: { size: narrow() ? 11 : 12 } } },
      },
      plugins: {
        legend: { position: 'bottom' },
        tooltip: {
          callbacks: {
            title: (items) => bars()[items[0]?.dataIndex ?? 0]?.name[locale()] ?? '',
            label: (c) => `${c.dataset.label}: ${fmt.number(c.parsed.x as number)}`,
          },
        },
      },
    },
  })

  // A function, so the headers follow a change of language.
  const yearColumns = () => [
    { key: 'year', header: t('common.year'), cell: (r: HistoryYear) => String(r.year), sortValue: (r: HistoryYear) => r.year },
    {
      key: 'total',
      header: t('overview.total'),
      numeric: true,
      // A year the unit was listed but not ranked in says so (the table's note as a title), never a gap.
      cell: (r: HistoryYear) => {
        const y = ranked(r)
        if (y) return fmt.score(y.total, y.maxTotal)
        return (
          <span class="muted" title={'note' in r ? r.note : undefined} data-testid="not-ranked">
            {t('overview.notRankedYear')}
          </span>
        )
      },
      sortValue: (r: HistoryYear) => ranked(r)?.total,
    },
    {
      key: 'scoreChange',
      header: t('overview.scoreChange'),
      numeric: true,
      cell: (r: HistoryYear) => <Change value={ranked(r)?.scoreChange} format={(n) => fmt.number(n)} />,
      sortValue: (r: HistoryYear) => ranked(r)?.scoreChange,
    },
    {
      key: 'rank',
      header: t('overview.rank'),
      numeric: true,
      cell: (r: HistoryYear) => {
        const y = ranked(r)
        if (!y) return t('overview.notRankedYear')
        return y.rank === undefined ? '—' : y.rankOf === undefined ? String(y.rank) : t('overview.rankOf', { rank: y.rank, of: y.rankOf })
      },
      sortValue: (r: HistoryYear) => ranked(r)?.rank,
    },
    {
      key: 'rankChange',
      header: t('overview.rankChange'),
      numeric: true,
      cell: (r: HistoryYear) => <Change value={ranked(r)?.rankChange} format={(n) => String(n)} />,
      sortValue: (r: HistoryYear) => ranked(r)?.rankChange,
    },
    {
      key: 'band',
      header: t('overview.band'),
      cell: (r: HistoryYear) => {
        const band = ranked(r)?.band
        return band ? fmt.label('band', band) : '—'
      },
      sortValue: (r: HistoryYear) => ranked(r)?.band,
    },
  ]

  return (
    <section class="card" aria-labelledby={`scores-${props.index}`} data-testid="scores-card">
      <h2 id={`scores-${props.index}`}>
        {t('overview.indexResults')} — {fmt.label('indexKind', props.index)}
      </h2>
      <Show when={latestRow()} fallback={<p class="muted">{t('overview.noScores')}</p>}>
        {(row) => (
          <>
            <div class="kpis">
              <Kpi
                label={`${t('overview.total')} ${row().year}`}
                value={fmt.score(row().total, row().maxTotal)}
                detail={<Change value={row().scoreChange} format={(n) => fmt.number(n)} />}
              />
              <Kpi
                label={t('overview.rank')}
                value={
                  row().rank === undefined
                    ? '—'
                    : row().rankOf === undefined
                      ? String(row().rank)
                      : t('overview.rankOf', { rank: row().rank as number, of: row().rankOf as number })
                }
                detail={<Change value={row().rankChange} format={(n) => String(n)} />}
              />
              <Kpi label={t('overview.band')} value={row().band ? fmt.label('band', row().band as string) : '—'} />
            </div>
            <div class="grid-2">
              <div>
                <h3>{t('overview.dimensions')}</h3>
                <LazyChart config={chartConfig} label={t('overview.dimensions')} testId="dimension-chart" height={chartHeight()} />
              </div>
              <div>
                <h3>{t('overview.weakest')}</h3>
                <ol data-testid="weakest">
                  <For each={weakestDims()}>
                    {(d) => (
                      <li>
                        {d.name[locale()]}: {fmt.number(d.score)}
                        <Show when={d.rank !== undefined}>
                          {' '}
                          ({t('overview.rank').toLowerCase()} {d.rank})
                        </Show>
                      </li>
                    )}
                  </For>
                </ol>
                <Show when={props.targetRank !== undefined} fallback={<p class="muted">{t('overview.noTarget')}</p>}>
                  <Show
                    when={needed() !== undefined}
                    fallback={<p class="muted">{t('overview.targetUnknown', { rank: props.targetRank as number })}</p>}
                  >
                    <p class="notice" data-testid="points-needed">
                      {needed() === 0
                        ? t('overview.targetReached', { rank: props.targetRank as number })
                        : t('overview.pointsNeeded', { points: fmt.number(needed() as number), rank: props.targetRank as number })}
                    </p>
                  </Show>
                </Show>
              </div>
            </div>
            <details>
              <summary>{t('overview.dimensions')}</summary>
              <DataTable
                filterable={false}
                rows={bars()}
                columns={[
                  { key: 'name', header: t('overview.dimension'), cell: (b) => b.name[locale()], sortValue: (b) => b.name[locale()] },
                  {
                    key: 'prev',
                    header: String(previous()?.year ?? t('common.previousYear')),
                    numeric: true,
                    cell: (b) => fmt.number(b.previousScore),
                    sortValue: (b) => b.previousScore,
                  },
                  {
                    key: 'score',
                    header: String(latest()?.year ?? ''),
                    numeric: true,
                    cell: (b) => fmt.number(b.score),
                    sortValue: (b) => b.score,
                  },
                  {
                    key: 'rank',
                    header: t('overview.rank'),
                    numeric: true,
                    cell: (b) => (b.rank === undefined ? '—' : String(b.rank)),
                    sortValue: (b) => b.rank,
                  },
                ]}
              />
            </details>
            <h3>{t('overview.indexResults')}</h3>
            <DataTable
              rows={years()}
              columns={yearColumns()}
              initialSort={{ key: 'year', direction: 'desc' }}
              filterable={false}
              stackOnPhone
            />
          </>
        )}
      </Show>
    </section>
  )
}
