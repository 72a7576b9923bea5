import { describe, expect, it } from 'vitest'
import { initialList, listReducer, type ListState } from './list-reducer'

const run = (actions: Parameters<typeof listReducer>[1][], state: ListState = initialList(5)) => actions.reduce(listReducer, state)

describe('listReducer', () => {
  it('keeps the selection on screen when it moves below the window', () => {
    expect(run([{ type: 'move', by: 7, count: 20 }])).toMatchObject({ selected: 7, top: 3 })
  })
  it('stops at the first and last rows', () => {
    expect(run([{ type: 'move', by: -3, count: 20 }])).toMatchObject({ selected: 0, top: 0 })
    expect(run([{ type: 'move', by: 100, count: 20 }])).toMatchObject({ selected: 19, top: 15 })
  })
  it('filters from the first row and forgets the filter on escape', () => {
    const typed = run([
      { type: 'move', by: 4, count: 20 },
      { type: 'startFilter' },
      { type: 'filterInput', text: 'ki' },
      { type: 'filterInput', text: 'ên' },
    ])
    expect(typed).toMatchObject({ filter: 'kiên', selected: 0, filtering: true })
    expect(listReducer(typed, { type: 'filterBackspace' }).filter).toBe('kiê')
    expect(listReducer(typed, { type: 'endFilter', keep: true })).toMatchObject({ filter: 'kiên', filtering: false })
    expect(listReducer(typed, { type: 'endFilter', keep: false })).toMatchObject({ filter: '', filtering: false })
  })
  it('keeps the selection visible when the terminal shrinks', () => {
    const state = run([{ type: 'move', by: 9, count: 20 }])
    expect(listReducer(state, { type: 'resize', height: 3, count: 20 })).toMatchObject({ selected: 9, top: 7, height: 3 })
  })
})
