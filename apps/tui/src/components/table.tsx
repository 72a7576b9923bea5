/** @jsxRuntime automatic */
import { Box, Text } from 'ink'
import { fit } from '../text'

export interface Column<Row> {
  title: string
  /** Columns; a column without one shares what the others leave. */
  width?: number
  align?: 'left' | 'right'
  value: (row: Row) => string
}

export interface TableProps<Row> {
  columns: readonly Column<Row>[]
  rows: readonly Row[]
  selected: number
  top: number
  height: number
  width: number
  color: boolean
  empty: string
}

/** Fixed-width columns laid out by display width, the selected row in inverse video. */
export function Table<Row>({ columns, rows, selected, top, height, width, color, empty }: TableProps<Row>) {
  const fixed = columns.reduce((sum, c) => sum + (c.width ?? 0), 0) + columns.length - 1
  const flexible = columns.filter((c) => c.width === undefined).length
  const share = flexible ? Math.max(6, Math.floor((width - 2 - fixed) / flexible)) : 0
  const widths = columns.map((c) => c.width ?? share)
  const line = (cells: string[]) => `${cells.map((cell, i) => fit(cell, widths[i] ?? 0, columns[i]?.align)).join(' ')}`
  const visible = rows.slice(top, top + height)
  return (
    <Box flexDirection="column">
      <Text bold underline={color}>
        {`  ${line(columns.map((c) => c.title))}`}
      </Text>
      {visible.length === 0 ? <Text dimColor={color}>{`  ${empty}`}</Text> : null}
      {visible.map((row, i) => {
        const isSelected = top + i === selected
        const text = `${isSelected ? '›' : ' '} ${line(columns.map((c) => c.value(row)))}`
        return (
          <Text key={top + i} inverse={isSelected && color} wrap="truncate">
            {text}
          </Text>
        )
      })}
    </Box>
  )
}
