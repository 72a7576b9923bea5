/** @jsxRuntime automatic */
import { foldText } from '@papi/domain'
import { Box, type Key, Text, useInput } from 'ink'
import { useEffect, useRef, useState } from 'react'
import { useUi } from '../context'
import { initialList, type ListAction, listReducer } from '../hooks/list-reducer'
import { KEYS, keyName, keysIn, lineEdits, matches } from '../keys'
import type { ScreenProps } from '../screens/screen'
import { fit } from '../text'
import { Table, type Column } from './table'

/** Whether a list is taking typed text (its `/` filter): the app then leaves digits alone. */
export const typing = { active: false }

/**
 * What a list screen says about its list; its size and keyboard come from the app (ScreenProps),
 * colours and the list's own words (rows, filter, empty) from the UI context.
 */
export interface ListScreenProps<Row> extends ScreenProps {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  /** The text `/` searches, folded (no diacritics, any case): "kien giang" finds "Kiên Giang". */
  searchText: (row: Row) => string
  /** A line above the table (the plan, the period, the date). */
  heading?: string | undefined
  /** Until the first answer: "…" instead of the empty text. */
  loading?: boolean
  /** Shown when there are no rows; default: the UI's "nothing here". */
  empty?: string
  /** A key the list does not use itself, with the selected row. */
  onKey: (name: string, row: Row | undefined, visible: readonly Row[], selected: number) => void
  onReload?: () => void
}

/** A table with selection, paging and `/` search: the body of every list screen. */
export function ListScreen<Row>(props: ListScreenProps<Row>) {
  const { rows, searchText, height } = props
  const { color, m } = useUi()
  const tableHeight = Math.max(1, height - 3 - (props.heading ? 1 : 0))
  // Keys can come faster than renders (a slow SSH link delivers them in bursts, a loaded machine
  // redraws late): each key acts on the list as the keys before it left it, not as last drawn —
  // "j" then "e" edits the row "j" moved to. `current` is that state; a render draws it.
  const [state, setState] = useState(() => initialList(tableHeight))
  const current = useRef(state)
  const dispatch = (action: ListAction) => {
    current.current = listReducer(current.current, action)
    typing.active = current.current.filtering
    setState(current.current)
  }
  const filtered = useRef<{ rows: readonly Row[]; needle: string; visible: readonly Row[] }>(undefined)
  /** The rows a filter lets through, computed once per filter and rows. */
  const visibleFor = (filter: string): readonly Row[] => {
    const needle = foldText(filter)
    const last = filtered.current
    if (last?.rows === rows && last.needle === needle) return last.visible
    const visible = needle ? rows.filter((r) => foldText(searchText(r)).includes(needle)) : rows
    filtered.current = { rows, needle, visible }
    return visible
  }
  const visible = visibleFor(state.filter)
  useEffect(() => dispatch({ type: 'resize', height: tableHeight, count: visible.length }), [tableHeight, visible.length])
  useEffect(() => {
    typing.active = current.current.filtering
  }, [state.filtering])

  /** One key (or a "/" with what was typed after it); `screen` when the screen's `onKey` took it. */
  const onInput = (input: string, key: Key): 'list' | 'screen' => {
    // "/" and what was typed after it read at once: the filter opens and takes the rest.
    const [first, ...typedAhead] = current.current.filtering ? [] : [...input]
    if (matches(KEYS.list.filter, first ?? '', key) && typedAhead.length > 0) {
      dispatch({ type: 'startFilter' })
      input = typedAhead.join('')
    }
    if (current.current.filtering) {
      for (const edit of lineEdits(input, key)) {
        if (edit.type === 'submit' || edit.type === 'cancel') {
          dispatch({ type: 'endFilter', keep: edit.type === 'submit' })
          return 'list'
        }
        if (edit.type === 'erase') dispatch({ type: 'filterBackspace' })
        else if (edit.type === 'type') dispatch({ type: 'filterInput', text: edit.text })
      }
      return 'list'
    }
    const visible = visibleFor(current.current.filter)
    const count = visible.length
    const { height, selected, filter } = current.current
    if (matches(KEYS.list.up, input, key)) dispatch({ type: 'move', by: -1, count })
    else if (matches(KEYS.list.down, input, key)) dispatch({ type: 'move', by: 1, count })
    else if (matches(KEYS.list.pageUp, input, key)) dispatch({ type: 'move', by: -height, count })
    else if (matches(KEYS.list.pageDown, input, key)) {
      dispatch({ type: 'move', by: height, count })
      props.onKey('pagedown', visible[selected], visible, selected)
    } else if (matches(KEYS.list.home, input, key)) dispatch({ type: 'home' })
    else if (matches(KEYS.list.end, input, key)) dispatch({ type: 'end', count })
    else if (matches(KEYS.list.filter, input, key)) dispatch({ type: 'startFilter' })
    else if (matches(KEYS.list.reload, input, key)) props.onReload?.()
    else if (matches(KEYS.dialog.cancel, input, key) && filter) dispatch({ type: 'endFilter', keep: false })
    else {
      props.onKey(keyName(input, key), visible[selected], visible, selected)
      return 'screen'
    }
    return 'list'
  }

  useInput(
    (input, key) => {
      // Keys typed together can arrive in one read ("jje" over a slow SSH link): each acts in turn
      // (keysIn). A key the screen acts on ends the read: what follows was typed for what it opens.
      // The filter ("/" and what follows it) takes a read whole.
      if (current.current.filtering || input[0] === '/') return void onInput(input, key)
      for (const [one, flags] of keysIn(input, key)) if (onInput(one, flags) === 'screen') return
    },
    { isActive: props.active },
  )

  const footer = state.filtering || state.filter ? `${m.filter}: ${state.filter}${state.filtering ? '█' : ''}` : ''
  return (
    <Box flexDirection="column">
      {props.heading ? <Text bold={color}>{fit(props.heading, props.width)}</Text> : null}
      <Table
        columns={props.columns}
        rows={visible}
        selected={state.selected}
        top={state.top}
        height={tableHeight}
        width={props.width}
        color={color}
        empty={props.loading ? '…' : (props.empty ?? m.empty)}
      />
      <Text dimColor={color}>{fit(`${m.rows(visible.length, rows.length)}  ${footer}`, props.width)}</Text>
    </Box>
  )
}
