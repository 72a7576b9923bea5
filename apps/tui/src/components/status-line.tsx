/** @jsxRuntime automatic */
import { Text } from 'ink'
import { fit } from '../text'

export type StatusKind = 'info' | 'error' | 'success'

/** One line for what just happened: errors in red (or marked "!" without colours). */
export function StatusLine({ text, kind, width, color }: { text: string; kind: StatusKind; width: number; color: boolean }) {
  const marker = kind === 'error' ? '! ' : ''
  const tint = !color ? undefined : kind === 'error' ? 'red' : kind === 'success' ? 'green' : undefined
  return <Text color={tint}>{fit(`${marker}${text}`, width)}</Text>
}
