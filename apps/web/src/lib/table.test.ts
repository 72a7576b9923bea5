import { describe, expect, it } from 'vitest'
import { filterRows, nextSort, sortRows, type ColumnSpec } from './table'

type Row = { code: string; name: string; rate: number | null }
const rows: Row[] = [
  { code: '1.10', name: 'Xã Minh Lương', rate: 50 },
  { code: '1.9', name: 'Phường Đông Hồ', rate: null },
  { code: '1.2', name: 'Ấp Bình An', rate: 100 },
]
const columns: ColumnSpec<Row>[] = [
  { key: 'code', sortValue: (r) => r.code, filterText: (r) => r.code },
  { key: 'name', sortValue: (r) => r.name, filterText: (r) => r.name },
  { key: 'rate', sortValue: (r) => r.rate },
]

describe('sortRows', () => {
  it('sorts task codes as numbers inside text (1.2, 1.9, 1.10)', () => {
    expect(sortRows(rows, columns, { key: 'code', direction: 'asc' }).map((r) => r.code)).toEqual(['1.2', '1.9', '1.10'])
  })
  it('keeps empty values last in both directions', () => {
    expect(sortRows(rows, columns, { key: 'rate', direction: 'asc' }).map((r) => r.rate)).toEqual([50, 100, null])
    expect(sortRows(rows, columns, { key: 'rate', direction: 'desc' }).map((r) => r.rate)).toEqual([100, 50, null])
  })
  it('leaves the order alone without a sort', () => {
    expect(sortRows(rows, columns, undefined)).toEqual(rows)
  })
})

describe('filterRows', () => {
  it('ignores diacritics and case', () => {
    expect(filterRows(rows, columns, 'minh luong').map((r) => r.code)).toEqual(['1.10'])
    expect(filterRows(rows, columns, 'dong ho').map((r) => r.code)).toEqual(['1.9'])
  })
  it('needs every word', () => {
    expect(filterRows(rows, columns, 'xã đông')).toEqual([])
  })
  it('folds đ to d on both sides', () => {
    expect(filterRows(rows, columns, 'ĐÔNG hồ').map((r) => r.code)).toEqual(['1.9'])
  })
})

describe('nextSort', () => {
  it('toggles the direction on the same column and starts ascending on another', () => {
    expect(nextSort(undefined, 'a')).toEqual({ key: 'a', direction: 'asc' })
    expect(nextSort({ key: 'a', direction: 'asc' }, 'a')).toEqual({ key: 'a', direction: 'desc' })
    expect(nextSort({ key: 'a', direction: 'desc' }, 'b')).toEqual({ key: 'b', direction: 'asc' })
  })
})
