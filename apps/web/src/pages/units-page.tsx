import { isActiveOn, predecessorsOf, resultHistory, type IndexKind, type ResultYear, type Unit, type UnitTree } from '@papi/domain'
import { A, useParams } from '@solidjs/router'
import { createMemo, createResource, createSignal, For, Show } from 'solid-js'
import { unwrap } from '../api/papi-client'
import type { ScoreDto } from '../api/types'
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
          {(id) => <UnitScores unitId={id()} />}
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
    (unitId) => unwrap(session.api.scores.$get({ query: { unitId } })),
  )
  const byIndex = createMemo(() => {
    const groups = new Map<IndexKind, ScoreDto[]>()
    for (const s of scores.latest ?? []) groups.set(s.index as IndexKind, [...(groups.get(s.index as IndexKind) ?? []), s])
    return [...groups.entries()]
  })
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
              {([index, results]) => (
                <>
                  <h3>{fmt.label('indexKind', index)}</h3>
                  <DataTable<ResultYear>
                    rows={resultHistory(results)}
                    filterable={false}
                    stackOnPhone
                    initialSort={{ key: 'year', direction: 'desc' }}
                    columns={[
                      { key: 'year', header: t('common.year'), cell: (r) => String(r.year), sortValue: (r) => r.year },
                      {
                        key: 'total',
                        header: t('overview.total'),
                        numeric: true,
                        cell: (r) => fmt.score(r.total, r.maxTotal),
                        sortValue: (r) => r.total,
                      },
                      {
                        key: 'scoreChange',
                        header: t('overview.scoreChange'),
                        numeric: true,
                        cell: (r) => <Change value={r.scoreChange} format={(n) => fmt.number(n)} />,
                        sortValue: (r) => r.scoreChange,
                      },
                      {
                        key: 'rank',
                        header: t('overview.rank'),
                        numeric: true,
                        cell: (r) =>
                          r.rank === undefined
                            ? '—'
                            : r.rankOf === undefined
                              ? String(r.rank)
                              : t('overview.rankOf', { rank: r.rank, of: r.rankOf }),
                        sortValue: (r) => r.rank,
                      },
                      {
                        key: 'rankChange',
                        header: t('overview.rankChange'),
                        numeric: true,
                        cell: (r) => <Change value={r.rankChange} format={(n) => String(n)} />,
                        sortValue: (r) => r.rankChange,
                      },
                      {
                        key: 'band',
                        header: t('overview.band'),
                        cell: (r) => (r.band ? fmt.label('band', r.band) : '—'),
                        sortValue: (r) => r.band,
                      },
                    ]}
                  />
                </>
              )}
            </For>
          </Show>
        )}
      </Async>
    </section>
  )
}
