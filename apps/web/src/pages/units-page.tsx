import { indexYears, isActiveOn, predecessorsOf, type HistoryYear, type IndexKind, type Unit, type UnitTree } from '@papi/domain'
import { A, useParams } from '@solidjs/router'
import { createMemo, createResource, createSignal, For, lazy, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import type { NotRankedDto, ScoreDto } from '../api/types'
import { Async } from '../components/async'
import { DataTable } from '../components/data-table'
import { useI18n } from '../i18n/i18n-context'
import { today } from '../lib/today'
import { useFormat } from '../lib/use-format'
import { Change } from '../overview/scores-card'
import { useSession } from '../session/session-context'

/**
 * The unit tree, old units with the units that took them over (2025 mergers), and a chosen
 * unit's index results by year. Former units keep their own name and their own history.
 */
export default function UnitsPage() {
  const { t } = useI18n()
  const session = useSession()
  const params = useParams<{ id?: string }>()
  const [showFormer, setShowFormer] = createSignal(true)

  return (
    <section class="page">
      <h1>{t('units.title')}</h1>
      <div class="grid-2">
        <section class="card" aria-labelledby="tree-title">
          <div class="page-head">
            <h2 id="tree-title">{t('units.tree')}</h2>
            <label class="check">
              <input type="checkbox" checked={showFormer()} onChange={(e) => setShowFormer(e.currentTarget.checked)} />{' '}
              {t('units.showFormer')}
            </label>
          </div>
          <Async of={session.units}>
            {() => (
              <Show when={session.tree()}>
                {(tree) => (
                  <ul class="tree" data-testid="unit-tree">
                    <For each={tree().roots}>
                      {(u) => <UnitNode unit={u} tree={tree()} showFormer={showFormer()} selected={params.id} />}
                    </For>
                  </ul>
                )}
              </Show>
            )}
          </Async>
        </section>
        <Show when={params.id} fallback={<section class="card muted">{t('units.pick')}</section>}>
          {(id) => (
            <div class="stack">
              <UnitScores unitId={id()} />
              <UnitHistoryCard unitId={id()} />
            </div>
          )}
        </Show>
      </div>
    </section>
  )
}

function UnitNode(props: { unit: Unit; tree: UnitTree; showFormer: boolean; selected?: string }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const active = () => isActiveOn(props.unit, today())
  const children = () => (props.tree.children.get(props.unit.id) ?? []).filter((c) => props.showFormer || isActiveOn(c, today()))
  const successors = () => props.unit.successorIds.map((id) => props.tree.byId.get(id)).filter((u): u is Unit => u !== undefined)
  const predecessors = () => predecessorsOf(props.unit.id, props.tree)
  return (
    <li class={active() ? undefined : 'former'}>
      <A href={`/units/${encodeURIComponent(props.unit.id)}`} aria-current={props.selected === props.unit.id ? 'page' : undefined}>
        {props.unit.name}
      </A>{' '}
      <small class="muted">
        {fmt.label('unitLevel', props.unit.level)} · {fmt.label('unitKind', props.unit.kind)}
        <Show when={props.unit.validTo}>{(to) => <> · {t('units.until', { date: fmt.date(to()) })}</>}</Show>
        <Show when={props.unit.validFrom && props.unit.validFrom > '2000-01-01'}>
          {(_) => <> · {t('units.from', { date: fmt.date(props.unit.validFrom as string) })}</>}
        </Show>
      </small>
      <Show when={successors().length > 0}>
        <div class="succession" data-testid={`successors-${props.unit.id}`}>
          → {t('units.successors')}:{' '}
          {successors()
            .map((s) => s.name)
            .join(', ')}
        </div>
      </Show>
      <Show when={predecessors().length > 0}>
        <div class="succession">
          ← {t('units.predecessors')}:{' '}
          {predecessors()
            .map((s) => s.name)
            .join(', ')}
        </div>
      </Show>
      <Show when={children().length > 0}>
        <ul>
          <For each={children()}>
            {(c) => <UnitNode unit={c} tree={props.tree} showFormer={props.showFormer} selected={props.selected} />}
          </For>
        </ul>
      </Show>
    </li>
  )
}

function UnitScores(props: { unitId: string }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const unit = () => session.tree()?.byId.get(props.unitId)
  const [scores, { refetch }] = createResource(
    () => props.unitId,
    async (unitId) => {
      const [results, notRanked] = await Promise.all([
        unwrap(session.api.scores.$get({ query: { unitId } })),
        unwrap(session.api.scores['not-ranked'].$get({ query: { unitId } })),
      ])
      return { results, notRanked }
    },
  )
  // Per index, the results and the years the unit was listed but not ranked in.
  const byIndex = createMemo(() => {
    const groups = new Map<IndexKind, { results: ScoreDto[]; notRanked: NotRankedDto[] }>()
    const group = (index: string) => {
      const g = groups.get(index as IndexKind) ?? { results: [], notRanked: [] }
      groups.set(index as IndexKind, g)
      return g
    }
    for (const s of scores.latest?.results ?? []) group(s.index).results.push(s)
    for (const n of scores.latest?.notRanked ?? []) group(n.index).notRanked.push(n)
    return [...groups.entries()]
  })
  const ranked = (r: HistoryYear) => ('notRanked' in r ? undefined : r)
  return (
    <section class="card" aria-labelledby="unit-scores-title" data-testid="unit-scores">
      <h2 id="unit-scores-title">{t('units.scoresOf', { unit: unit()?.name ?? props.unitId })}</h2>
      <Show when={unit() !== undefined && !isActiveOn(unit() as Unit, today())}>
        <p class="notice">{t('units.formerNote')}</p>
      </Show>
      <Async of={scores} retry={refetch}>
        {() => (
          <Show when={byIndex().length > 0} fallback={<p class="muted">{t('units.noScores')}</p>}>
            <For each={byIndex()}>
              {([index, group]) => (
                <>
                  <h3>{fmt.label('indexKind', index)}</h3>
                  <DataTable<HistoryYear>
                    rows={indexYears(group.results, group.notRanked)}
                    filterable={false}
                    stackOnPhone
                    initialSort={{ key: 'year', direction: 'desc' }}
                    columns={[
                      { key: 'year', header: t('common.year'), cell: (r) => String(r.year), sortValue: (r) => r.year },
                      {
                        key: 'total',
                        header: t('overview.total'),
                        numeric: true,
                        // A year the unit was listed but not ranked in says so, with the table's note.
                        cell: (r) => {
                          const y = ranked(r)
                          if (y) return fmt.score(y.total, y.maxTotal)
                          const note = 'note' in r ? r.note : undefined
                          return (
                            <span class="muted" title={note} data-testid="not-ranked">
                              {t('overview.notRankedYear')}
                            </span>
                          )
                        },
                        sortValue: (r) => ranked(r)?.total,
                      },
                      {
                        key: 'scoreChange',
                        header: t('overview.scoreChange'),
                        numeric: true,
                        cell: (r) => <Change value={ranked(r)?.scoreChange} format={(n) => fmt.number(n)} />,
                        sortValue: (r) => ranked(r)?.scoreChange,
                      },
                      {
                        key: 'rank',
                        header: t('overview.rank'),
                        numeric: true,
                        cell: (r) => {
                          const y = ranked(r)
                          if (!y) return t('overview.notRankedYear')
                          return y.rank === undefined
                            ? '—'
                            : y.rankOf === undefined
                              ? String(y.rank)
                              : t('overview.rankOf', { rank: y.rank, of: y.rankOf })
                        },
                        sortValue: (r) => ranked(r)?.rank,
                      },
                      {
                        key: 'rankChange',
                        header: t('overview.rankChange'),
                        numeric: true,
                        cell: (r) => <Change value={ranked(r)?.rankChange} format={(n) => String(n)} />,
                        sortValue: (r) => ranked(r)?.rankChange,
                      },
                      {
                        key: 'band',
                        header: t('overview.band'),
                        cell: (r) => {
                          const band = ranked(r)?.band
                          return band ? fmt.label('band', band) : '—'
                        },
                        sortValue: (r) => ranked(r)?.band,
                      },
                    ]}
                  />
                </>
              )}
            </For>
          </Show>
        )}
      </Async>
      <Show when={session.can('score.manage', props.unitId)}>
        <ScoreForm unitId={props.unitId} stored={scores.latest?.results ?? []} onSaved={() => void refetch()} />
        <ScoreUpload onSaved={() => void refetch()} />
      </Show>
    </section>
  )
}

// Entering results is a planner's task: its form loads only for them, when a unit is open.
const ScoreForm = lazy(() => import('../planning/score-form'))
const ScoreUpload = lazy(() => import('../planning/score-upload'))

type UnitHistoryDto = Awaited<ReturnType<typeof loadHistory>>

function loadHistory(api: ReturnType<typeof useSession>['api'], id: string) {
  return unwrap(api.units[':id'].history.$get({ param: { id } }))
}

/**
 * A unit's dated versions (name and parent with the days they held), the units it went into and
 * the units it took over (whole or part), and its predecessors' index results side by side: each
 * its own column, never summed, each rank out of the units ranked that year.
 */
function UnitHistoryCard(props: { unitId: string }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [history, { refetch }] = createResource(
    () => props.unitId,
    (id) => loadHistory(session.api, id),
  )
  const nameOf = (id: string | null) => (id === null ? '—' : (session.tree()?.byId.get(id)?.name ?? id))
  const day = (d: string | undefined) => (d === undefined ? '…' : fmt.date(d))
  return (
    <section class="card" aria-labelledby="unit-history-title" data-testid="unit-history">
      <h2 id="unit-history-title">{t('units.history')}</h2>
      <Async of={history} retry={refetch}>
        {(h: UnitHistoryDto) => (
          <>
            <h3>{t('units.versions')}</h3>
            <DataTable<UnitHistoryDto['versions'][number]>
              rows={versionRows(h)}
              filterable={false}
              stackOnPhone
              columns={[
                { key: 'validFrom', header: t('units.validFrom'), cell: (v) => day(v.validFrom), sortValue: (v) => v.validFrom ?? '' },
                { key: 'validTo', header: t('units.validTo'), cell: (v) => day(v.validTo), sortValue: (v) => v.validTo ?? '9999' },
                { key: 'name', header: t('units.name'), cell: (v) => v.name, sortValue: (v) => v.name },
                { key: 'parent', header: t('units.parent'), cell: (v) => nameOf(v.parentId), sortValue: (v) => nameOf(v.parentId) },
              ]}
            />
            <Links title={t('units.successors')} links={h.successors} testId="history-successors" />
            <Links title={t('units.predecessors')} links={h.predecessors} testId="history-predecessors" />
            <Show when={h.predecessors.length > 0}>
              <PredecessorScores units={h.predecessors.map((l) => l.unit)} />
            </Show>
          </>
        )}
      </Async>
    </section>
  )
}

/**
 * The stored versions, then the unit as it is now (from the day after the last one ended) unless
 * the last version already runs to the unit's end: the store keeps the current shape as a version
 * too (a move, the register's renamed Huế), and a second row for it would read as a later change.
 */
export function versionRows(h: UnitHistoryDto): UnitHistoryDto['versions'] {
  const last = h.versions.at(-1)
  const { name, parentId, level, kind, validTo } = h.unit
  if (last && (last.validTo === undefined || last.validTo === validTo)) return h.versions
  const validFrom = last?.validTo
    ? new Date(Date.parse(`${last.validTo}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
    : h.unit.validFrom
  return [...h.versions, { validFrom, validTo, name, parentId: parentId ?? null, level, kind }]
}

function Links(props: { title: string; links: UnitHistoryDto['successors']; testId: string }) {
  const { t } = useI18n()
  const fmt = useFormat()
  return (
    <Show when={props.links.length > 0}>
      <h3>{props.title}</h3>
      <ul data-testid={props.testId}>
        <For each={props.links}>
          {(l) => (
            <li>
              <A href={`/units/${encodeURIComponent(l.unit.id)}`}>{l.unit.name}</A>{' '}
              <small class="muted">
                {t(l.kind === 'whole' ? 'units.kindWhole' : 'units.kindPart')}
                <Show when={l.effectiveOn}>{(d) => <> · {t('units.from', { date: fmt.date(d()) })}</>}</Show>
                <Show when={l.note}>{(n) => <> · {n()}</>}</Show>
              </small>
            </li>
          )}
        </For>
      </ul>
    </Show>
  )
}

/** The predecessors' results, one column each per year: the old provinces are compared, never added up. */
function PredecessorScores(props: { units: Unit[] }) {
  const { t } = useI18n()
  const fmt = useFormat()
  const session = useSession()
  const [results, { refetch }] = createResource(
    () => props.units,
    (units) =>
      Promise.all(
        units.map(async (u) => ({
          unit: u,
          years: indexYears(
            await unwrap(session.api.scores.$get({ query: { unitId: u.id, index: 'papi' } })),
            await unwrap(session.api.scores['not-ranked'].$get({ query: { unitId: u.id, index: 'papi' } })),
          ),
        })),
      ),
  )
  const years = () => [...new Set((results.latest ?? []).flatMap((r) => r.years.map((y) => y.year)))].sort((a, b) => b - a)
  const cell = (years: HistoryYear[], year: number) => {
    const r = years.find((y) => y.year === year)
    if (r === undefined) return '—'
    if ('notRanked' in r) return t('overview.notRankedYear')
    const rank =
      r.rank === undefined
        ? t('units.notRanked')
        : r.rankOf === undefined
          ? String(r.rank)
          : t('overview.rankOf', { rank: r.rank, of: r.rankOf })
    return `${fmt.score(r.total, r.maxTotal)} · ${rank}`
  }
  return (
    <>
      <h3>{t('units.predecessorScores')}</h3>
      <p class="muted">{t('units.predecessorScoresNote')}</p>
      <Async of={results} retry={refetch}>
        {() => (
          <div class="table-wrap">
            <table data-testid="predecessor-scores">
              <thead>
                <tr>
                  <th scope="col">{t('common.year')}</th>
                  <For each={results.latest ?? []}>{(r) => <th scope="col">{r.unit.name}</th>}</For>
                </tr>
              </thead>
              <tbody>
                <For each={years()}>
                  {(year) => (
                    <tr>
                      <th scope="row">PAPI {year}</th>
                      <For each={results.latest ?? []}>{(r) => <td class="num">{cell(r.years, year)}</td>}</For>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </div>
        )}
      </Async>
    </>
  )
}
