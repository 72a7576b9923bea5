import { createMemo, createSignal, createUniqueId, For, Show, type JSX } from 'solid-js'
import { useI18n } from '../i18n/i18n-context'
import { filterRows, nextSort, sortRows, type ColumnSpec, type SortState } from '../lib/table'

export interface Column<Row> extends ColumnSpec<Row> {
  header: string
  cell: (row: Row) => JSX.Element
  numeric?: boolean
}

/**
 * A table that sorts by any column with a sort value (click or Enter on the header) and filters
 * on the columns with filter text. Wide tables scroll sideways on a phone.
 */
export function DataTable<Row>(props: {
  rows: readonly Row[]
  columns: readonly Column<Row>[]
  caption?: string
  initialSort?: SortState
  filterable?: boolean
  rowKey?: (row: Row) => string
  empty?: string
  testId?: string
  /** On a phone, show each row as a card of labelled values instead of a sideways-scrolling table. */
  stackOnPhone?: boolean
  /** The id of the heading that names the table (its accessible name), when it has no caption. */
  labelledBy?: string
  /** Attributes of a row's `<tr>`, e.g. `data-change` for a revision's tasks. */
  rowProps?: (row: Row) => Record<`data-${string}`, string | undefined>
}) {
  const { t } = useI18n()
  const filterId = createUniqueId()
  const [sort, setSort] = createSignal<SortState | undefined>(props.initialSort)
  const [query, setQuery] = createSignal('')
  const shown = createMemo(() => sortRows(filterRows(props.rows, props.columns, query()), props.columns, sort()))
  const ariaSort = (key: string) => {
    const s = sort()
    return s?.key === key ? (s.direction === 'asc' ? 'ascending' : 'descending') : undefined
  }
  return (
    <div data-testid={props.testId}>
      <Show when={props.filterable !== false && props.rows.length > 5}>
        <div class="table-tools">
          <label for={filterId} class="sr-only">
            {t('common.filter')}
          </label>
          <input
            id={filterId}
            type="search"
            placeholder={t('common.filterPlaceholder')}
            value={query()}
            onInput={(e) => setQuery(e.currentTarget.value)}
          />
          <span class="muted" aria-live="polite">
            {t('common.rows', { shown: shown().length, total: props.rows.length })}
          </span>
        </div>
      </Show>
      <div class="table-wrap">
        <table class={props.stackOnPhone ? 'stack' : undefined} aria-labelledby={props.labelledBy}>
          <Show when={props.caption}>
            <caption>{props.caption}</caption>
          </Show>
          <thead>
            <tr>
              <For each={props.columns}>
                {(col) => (
                  <th scope="col" class={col.numeric ? 'num' : undefined} aria-sort={ariaSort(col.key)}>
                    <Show when={col.sortValue} fallback={col.header}>
                      <button
                        type="button"
                        class="sort"
                        onClick={() => setSort(nextSort(sort(), col.key))}
                        title={t('common.sortBy', { column: col.header })}
                      >
                        {col.header}
                        <span aria-hidden="true">
                          {ariaSort(col.key) === 'ascending' ? '▲' : ariaSort(col.key) === 'descending' ? '▼' : '↕'}
                        </span>
                      </button>
                    </Show>
                  </th>
                )}
              </For>
            </tr>
          </thead>
          <tbody>
            <For
              each={shown()}
              fallback={
                <tr>
                  <td colSpan={props.columns.length} class="muted">
                    {props.empty ?? t('common.empty')}
                  </td>
                </tr>
              }
            >
              {(row) => (
                <tr {...props.rowProps?.(row)}>
                  <For each={props.columns}>
                    {(col) => (
                      <td class={col.numeric ? 'num' : undefined} data-label={col.header}>
                        {/* One box per value, so a stacked cell is label | value whatever the value holds. */}
                        {props.stackOnPhone ? <div>{col.cell(row)}</div> : col.cell(row)}
                      </td>
                    )}
                  </For>
                </tr>
              )}
            </For>
          </tbody>
        </table>
      </div>
    </div>
  )
}
