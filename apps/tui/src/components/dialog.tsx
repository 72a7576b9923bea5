/** @jsxRuntime automatic */
import { ProgressBar } from '@inkjs/ui'
import type { Locale } from '@papi/domain'
import { Box, Text, useInput } from 'ink'
import { useRef, useState } from 'react'
import { type Binding, KEYS, keysIn, lineEdits, matches } from '../keys'
import { fit } from '../text'

/** The bindings of a panel that asks: Enter confirms, Esc cancels. */
export type PanelKeys = { confirm: Binding; cancel: Binding }

/** What a screen may ask of the person at the keyboard; one at a time, over the status line. */
export type DialogState =
  | { type: 'prompt'; label: string; initial: string; secret: boolean; resolve: (value: string | undefined) => void }
  | { type: 'confirm'; text: string; resolve: (yes: boolean) => void }
  | { type: 'choose'; label: string; options: readonly { value: string; label: string }[]; resolve: (value: string | undefined) => void }
  /** With a footer, the panel asks for a confirmation (Enter/Esc); without one it only tells (Esc or Enter closes it). */
  | {
      type: 'panel'
      title: string
      lines: readonly string[]
      footer?: string | undefined
      /** What Enter and Esc do in a panel that asks (the help bar lists them); the preview's by default. */
      keys?: PanelKeys | undefined
      resolve: (accepted: boolean) => void
    }
  | { type: 'progress'; label: string; ratio: number | undefined }

export interface DialogProps {
  state: DialogState
  width: number
  height: number
  color: boolean
  locale: Locale
}

/** Renders a dialog and takes the keyboard while it is open. */
export function Dialog({ state, width, height, color, locale }: DialogProps) {
  switch (state.type) {
    case 'prompt':
      return <Prompt state={state} width={width} color={color} />
    case 'confirm':
      return <Confirm state={state} width={width} color={color} />
    case 'choose':
      return <Choose state={state} width={width} height={height} color={color} />
    case 'panel':
      return <Panel state={state} width={width} height={height} color={color} />
    case 'progress':
      return (
        <Box flexDirection="column">
          <Text>{fit(`${state.label}${state.ratio === undefined ? '' : ` ${Math.round(state.ratio * 100)}%`}`, width)}</Text>
          <Box width={Math.max(10, width - 2)}>
            <ProgressBar value={Math.round((state.ratio ?? 0) * 100)} />
          </Box>
          <Text dimColor={color}>{locale === 'vi' ? 'Đang chạy…' : 'Working…'}</Text>
        </Box>
      )
  }
}

function Prompt({ state, width, color }: { state: Extract<DialogState, { type: 'prompt' }>; width: number; color: boolean }) {
  // The keys may come faster than renders: the handler reads the text typed so far from a ref.
  const text = useRef(state.initial)
  const [value, setValue] = useState(state.initial)
  const set = (next: string) => {
    text.current = next
    setValue(next)
  }
  useInput((input, key) => {
    for (const edit of lineEdits(input, key)) {
      if (edit.type === 'submit') return state.resolve(text.current)
      if (edit.type === 'cancel') return state.resolve(undefined)
      if (edit.type === 'erase') set([...text.current].slice(0, -1).join(''))
      else if (edit.type === 'clear') set('')
      else set(text.current + edit.text)
    }
  })
  const shown = state.secret ? '•'.repeat([...value].length) : value
  return (
    <Box flexDirection="column">
      <Text bold={color}>{fit(state.label, width)}</Text>
      <Text>{fit(`> ${shown}█`, width)}</Text>
    </Box>
  )
}

function Confirm({ state, width, color }: { state: Extract<DialogState, { type: 'confirm' }>; width: number; color: boolean }) {
  useInput((read, readKey) => {
    for (const [input, key] of keysIn(read, readKey)) {
      if (matches(KEYS.dialog.yes, input, key)) return state.resolve(true)
      if (matches(KEYS.dialog.no, input, key)) return state.resolve(false)
    }
  })
  // Wrapped over the dialog's two lines: what is at stake must not be cut off at 80 columns.
  return (
    <Box height={2} width={width} overflow="hidden">
      <Text color={color ? 'yellow' : undefined} wrap="wrap">
        {state.text}
      </Text>
    </Box>
  )
}

function Choose({
  state,
  width,
  height,
  color,
}: {
  state: Extract<DialogState, { type: 'choose' }>
  width: number
  height: number
  color: boolean
}) {
  const [selected, setSelectedState] = useState(0)
  const current = useRef(0)
  const setSelected = (next: (s: number) => number) => {
    current.current = next(current.current)
    setSelectedState(current.current)
  }
  const rows = Math.max(1, Math.min(state.options.length, height - 1))
  const top = Math.max(0, Math.min(selected - rows + 1, state.options.length - rows))
  const from = Math.min(top, selected)
  useInput((read, readKey) => {
    for (const [input, key] of keysIn(read, readKey)) {
      if (matches(KEYS.list.up, input, key)) setSelected((s) => Math.max(0, s - 1))
      else if (matches(KEYS.list.down, input, key)) setSelected((s) => Math.min(state.options.length - 1, s + 1))
      else if (matches(KEYS.dialog.submit, input, key)) return state.resolve(state.options[current.current]?.value)
      else if (matches(KEYS.dialog.cancel, input, key)) return state.resolve(undefined)
    }
  })
  return (
    <Box flexDirection="column">
      <Text bold={color}>{fit(state.label, width)}</Text>
      {state.options.slice(from, from + rows).map((option, i) => (
        <Text key={option.value} inverse={color && from + i === selected}>
          {fit(`${from + i === selected ? '›' : ' '} ${option.label}`, width)}
        </Text>
      ))}
    </Box>
  )
}

function Panel({
  state,
  width,
  height,
  color,
}: {
  state: Extract<DialogState, { type: 'panel' }>
  width: number
  height: number
  color: boolean
}) {
  const [top, setTop] = useState(0)
  const rows = Math.max(1, height - 2)
  useInput((read, readKey) => {
    for (const [input, key] of keysIn(read, readKey)) {
      if (matches(KEYS.list.up, input, key)) setTop((t) => Math.max(0, t - 1))
      else if (matches(KEYS.list.down, input, key)) setTop((t) => Math.min(Math.max(0, state.lines.length - rows), t + 1))
      else if (matches(KEYS.list.pageDown, input, key)) setTop((t) => Math.min(Math.max(0, state.lines.length - rows), t + rows))
      else if (matches(KEYS.list.pageUp, input, key)) setTop((t) => Math.max(0, t - rows))
      else if (state.footer === undefined && matches(KEYS.info.close, input, key)) return state.resolve(false)
      else if (matches((state.keys ?? KEYS.preview).confirm, input, key)) return state.resolve(true)
      else if (matches((state.keys ?? KEYS.preview).cancel, input, key)) return state.resolve(false)
    }
  })
  return (
    <Box flexDirection="column">
      <Text bold={color}>{fit(state.title, width)}</Text>
      {state.lines.slice(top, top + rows).map((line, i) => (
        <Text key={top + i}>{fit(line, width)}</Text>
      ))}
      {state.footer !== undefined && <Text dimColor={color}>{fit(state.footer, width)}</Text>}
    </Box>
  )
}
