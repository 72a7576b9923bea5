// Internal: the shape every format reader produces and the plan readers consume. Not exported
// from the package.

/** Where a piece of the document sits in its file. */
export interface SourceRef {
  line?: number
  sheet?: string
  table?: number
  row?: number
}

/** One line of running text (a paragraph, a header line, a table cell's paragraph). */
export interface SourceLine {
  text: string
  source: SourceRef
}

/** A table as a grid of cell texts: merged cells already resolved (see the readers). */
export interface SourceTable {
  rows: SourceRow[]
}

export interface SourceRow {
  cells: string[]
  source: SourceRef
}

/**
 * A document reduced to what the plan readers need: its text lines in reading order, and its
 * tables. A table the reader recognised as the task table may also appear among the lines
 * (docx renders every cell as a line); `tableLines` marks those so prose readers skip them.
 */
export interface DocumentContent {
  lines: SourceLine[]
  tables: SourceTable[]
}

/** Whether every letter is upper case (a title typed in capitals). */
export function isAllCaps(text: string): boolean {
  const letters = text.replace(/[^\p{L}]/gu, '')
  return letters.length > 0 && letters === letters.toLocaleUpperCase('vi') && letters !== letters.toLocaleLowerCase('vi')
}

/** First letter upper case, the rest as written. */
export function capitalise(text: string): string {
  const first = text.charAt(0)
  return first.toLocaleUpperCase('vi') + text.slice(1)
}
