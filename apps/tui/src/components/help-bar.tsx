/** @jsxRuntime automatic */
import { Box, Text } from 'ink'
import { fit, widthOf } from '../text'

/**
 * The entries of a help bar laid out on as few lines as the width allows (at most `maxLines`),
 * breaking between entries, never inside one.
 */
export function helpLines(entries: readonly string[], width: number, maxLines = 2): string[] {
  const lines: string[] = []
  let line = ''
  for (const entry of entries) {
    const next = line ? `${line} · ${entry}` : ` ${entry}`
    if (widthOf(next) > width && line) {
      lines.push(line)
      line = ` ${entry}`
    } else line = next
  }
  if (line) lines.push(line)
  return lines.slice(0, maxLines)
}

/** The keys of the current screen on the last lines, in inverse video (plain without colours). */
export function HelpBar({ entries, width, color }: { entries: readonly string[]; width: number; color: boolean }) {
  return (
    <Box flexDirection="column">
      {helpLines(entries, width).map((line, i) => (
        <Text key={i} inverse={color}>
          {fit(line, width)}
        </Text>
      ))}
    </Box>
  )
}
