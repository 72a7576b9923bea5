/**
 * The state of a scrolling, filterable list — every list screen uses it — as a pure reducer:
 * which row is selected, which rows show, what the filter says.
 */
export interface ListState {
  /** Index into the filtered rows. */
  selected: number
  /** First filtered row on screen. */
  top: number
  /** Rows that fit on screen. */
  height: number
  filter: string
  /** Typing a filter (after `/`). */
  filtering: boolean
}

export type ListAction =
  | { type: 'move'; by: number; count: number }
  | { type: 'home' }
  | { type: 'end'; count: number }
  | { type: 'resize'; height: number; count: number }
  | { type: 'startFilter' }
  | { type: 'filterInput'; text: string }
  | { type: 'filterBackspace' }
  | { type: 'endFilter'; keep: boolean }
  | { type: 'clamp'; count: number }

export const initialList = (height = 10): ListState => ({ selected: 0, top: 0, height, filter: '', filtering: false })

function clamp(state: ListState, count: number): ListState {
  const selected = Math.max(0, Math.min(state.selected, count - 1))
  let top = Math.min(state.top, selected)
  if (selected >= top + state.height) top = selected - state.height + 1
  top = Math.max(0, Math.min(top, Math.max(0, count - state.height)))
  return { ...state, selected, top }
}

export function listReducer(state: ListState, action: ListAction): ListState {
  switch (action.type) {
    case 'move':
      return clamp({ ...state, selected: state.selected + action.by }, action.count)
    case 'home':
      return { ...state, selected: 0, top: 0 }
    case 'end':
      return clamp({ ...state, selected: action.count - 1 }, action.count)
    case 'resize':
      return clamp({ ...state, height: Math.max(1, action.height) }, action.count)
    case 'clamp':
      return clamp(state, action.count)
    case 'startFilter':
      return { ...state, filtering: true }
    case 'filterInput':
      return { ...state, filter: state.filter + action.text, selected: 0, top: 0 }
    case 'filterBackspace':
      return { ...state, filter: [...state.filter].slice(0, -1).join(''), selected: 0, top: 0 }
    case 'endFilter':
      return action.keep ? { ...state, filtering: false } : { ...state, filtering: false, filter: '', selected: 0, top: 0 }
  }
}
