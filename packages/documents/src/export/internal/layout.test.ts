import { describe, expect, it } from 'vitest'
import { cellRuns, type RowSpec } from './layout'

describe('cellRuns', () => {
  it('keeps one cell per column in item and detail rows, empty or not', () => {
    const row: RowSpec = { kind: 'item', cells: ['1.1', 'Việc', null, null] }
    expect(cellRuns(row)).toEqual([
      { start: 0, span: 1 },
      { start: 1, span: 1 },
      { start: 2, span: 1 },
      { start: 3, span: 1 },
    ])
  })

  it('lets a section title run over the empty cells after it, up to the next filled cell', () => {
    const row: RowSpec = { kind: 'group', cells: ['1', 'Tham gia của người dân', null, null, { percent: 40 }, null] }
    expect(cellRuns(row)).toEqual([
      { start: 0, span: 1 },
      { start: 1, span: 3 },
      { start: 4, span: 1 },
      { start: 5, span: 1 },
    ])
  })

  it('never lets a number or a date span: it belongs to its column', () => {
    const row: RowSpec = { kind: 'total', cells: ['', 'Tổng cộng', null, { count: 3 }, null] }
    expect(cellRuns(row)).toEqual([
      { start: 0, span: 1 },
      { start: 1, span: 2 },
      { start: 3, span: 1 },
      { start: 4, span: 1 },
    ])
  })
})
