import { foldText } from '@papi/domain'

/** A column of a sortable, filterable table: how to read a row's value and its text. */
export interface ColumnSpec<Row> {
  key: string
  /** Value used to sort (numbers sort as numbers, strings in Vietnamese collation). */
  sortValue?: (row: Row) => string | number | null | undefined
  /** Text the filter box searches. */
  filterText?: (row: Row) => string
}

export type SortDirection = 'asc' | 'desc'
export interface SortState {
  key: string
  direction: SortDirection
}

const collator = new Intl.Collator('vi', { numeric: true, sensitivity: 'base' })

/**
 * Sorts rows by a column, empty values last whatever the direction. Stable: equal rows keep
 * their order. Strings compare in Vietnamese order with numbers inside read as numbers ("1.10"
 * after "1.9").
 *
 * @example
 * sortRows([{ n: 2 }, { n: 1 }], [{ key: 'n', sortValue: (r) => r.n }], { key: 'n', direction: 'asc' }) // [{ n: 1 }, { n: 2 }]
 */
export function sortRows<Row>(rows: readonly Row[], columns: readonly ColumnSpec<Row>[], sort: SortState | undefined): Row[] {
  const column = sort === undefined ? undefined : columns.find((c) => c.key === sort.key)
  if (sort === undefined || column?.sortValue === undefined) return [...rows]
  const read = column.sortValue
  const sign = sort.direction === 'asc' ? 1 : -1
  return rows
    .map((row, i) => ({ row, i, v: read(row) }))
    .sort((a, b) => {
      const ea = a.v === null || a.v === undefined || a.v === ''
      const eb = b.v === null || b.v === undefined || b.v === ''
      if (ea || eb) return ea === eb ? a.i - b.i : ea ? 1 : -1
      const c = typeof a.v === 'number' && typeof b.v === 'number' ? a.v - b.v : collator.compare(String(a.v), String(b.v))
      return c === 0 ? a.i - b.i : sign * c
    })
    .map((x) => x.row)
}

/**
 * Rows whose filterable text holds every word of the query (diacritics and case ignored).
 *
 * @example
 * filterRows([{ name: 'Xã Minh Lương' }], [{ key: 'name', filterText: (r) => r.name }], 'minh luong') // [{ name: 'Xã Minh Lương' }]
 */
export function filterRows<Row>(rows: readonly Row[], columns: readonly ColumnSpec<Row>[], query: string): Row[] {
  const words = foldText(query).split(/\s+/).filter(Boolean)
  if (words.length === 0) return [...rows]
  const readers = columns.map((c) => c.filterText).filter((f): f is (row: Row) => string => f !== undefined)
  return rows.filter((row) => {
    const text = foldText(readers.map((read) => read(row)).join(' '))
    return words.every((w) => text.includes(w))
  })
}

/** The next sort after a click on a column header: ascending, then descending, then ascending… */
export function nextSort(current: SortState | undefined, key: string): SortState {
  return current?.key === key && current.direction === 'asc' ? { key, direction: 'desc' } : { key, direction: 'asc' }
}
