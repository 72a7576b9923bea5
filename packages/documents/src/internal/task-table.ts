// Internal: reads a plan's task table — the appendix of a Word plan, a sheet, a CSV, or the
// portal text layout once turned into rows — into sections and tasks. One reader for every
// format, so the same plan gives the same result whatever it was typed in.

import { foldText, parseAssignees } from '@papi/domain'
import type { SourceRow, SourceTable } from './document-content'
import type { RawSection, RawTask } from './raw-plan'

export type Column = 'code' | 'title' | 'lead' | 'coordinators' | 'time' | 'other'

/**
 * What a header cell says its column holds. "Thời gian thực hiện" is a time although it says
 * "thực hiện"; "Đơn vị phối hợp" coordinates although it says "đơn vị": the order matters.
 */
export function columnOf(header: string): Column {
  const f = foldText(header)
  if (/^(?:stt|tt|so tt|so thu tu|ma so|ma)$/.test(f)) return 'code'
  if (/(?:thoi gian|thoi han|tien do|moc thoi gian|thoi diem|han hoan thanh)/.test(f)) return 'time'
  if (/phoi hop/.test(f)) return 'coordinators'
  if (/(?:chu tri|don vi|co quan|trach nhiem|phu trach|thuc hien)/.test(f)) return 'lead'
  if (/(?:nhiem vu|noi dung|cong viec|giai phap|hoat dong|^ten)/.test(f)) return 'title'
  return 'other'
}

/** Whether a cell reads as a header cell of a task table (including columns papi does not read). */
export function isHeaderCell(text: string): boolean {
  if (text.length > 60) return false
  return columnOf(text) !== 'other' || /(?:ghi chu|san pham|ket qua|kinh phi|du kien|chi tieu)/.test(foldText(text))
}

/** A row number alone: "1", "1.1", "1.1.", "II". */
export function isRowCode(text: string): boolean {
  return /^(?:[IVXLC]{1,6}|\d{1,3}(?:\.\d{1,3}){0,3})\.?$/.test(text.trim())
}

const ROMAN = /^[IVXLC]{1,6}$/
const HEADING = /^([IVXLC]{1,6}|\d{1,3})[.)]\s+(.+)$/u

interface Layout {
  columns: Column[]
  /** Index of the first row after the header. */
  bodyStart: number
}

/** Finds the header row (or two rows: "Đơn vị thực hiện" over "Chủ trì" | "Phối hợp"). */
function layoutOf(table: SourceTable): Layout | undefined {
  const limit = table.rows.length
  for (let r = 0; r < limit; r += 1) {
    const row = table.rows[r]
    if (!row) continue
    const columns = row.cells.map(columnOf)
    const known = columns.filter((c) => c !== 'other').length
    if (!columns.includes('title') || known < 3) continue
    const next = table.rows[r + 1]
    const nextColumns = next?.cells.map((c) => (c.trim() === '' ? 'other' : columnOf(c)))
    if (next && nextColumns?.some((c) => c === 'lead' || c === 'coordinators') && !isRowCode(next.cells[0] ?? '')) {
      const combined = row.cells.map((cell, i) => {
        const below = next.cells[i] ?? ''
        return below.trim() === '' || below === cell ? columnOf(cell) : columnOf(below)
      })
      return { columns: combined, bodyStart: r + 2 }
    }
    if (columns.includes('lead') || columns.includes('time') || columns.includes('coordinators')) {
      return { columns, bodyStart: r + 1 }
    }
  }
  return undefined
}

/**
 * Sections and tasks of every task table, in order. Undefined when no table is a task table.
 *
 * A section row is a Roman numeral, a bare number with no lead, coordinators or time, or one
 * merged cell ("1. Tham gia của người dân ở cấp cơ sở"); any other numbered row is a task.
 * Tasks before any section row go into one section made up for them (`implicit`).
 */
export function readTaskTables(tables: readonly SourceTable[]): RawSection[] | undefined {
  const sections: RawSection[] = []
  let found = false
  for (const table of tables) {
    const layout = layoutOf(table)
    if (!layout) continue
    found = true
    readBody(table.rows.slice(layout.bodyStart), layout.columns, sections)
  }
  if (!found) return undefined
  return uniqueTaskCodes(sections.filter((s) => s.tasks.length > 0 || !s.implicit))
}

function readBody(rows: SourceRow[], columns: Column[], sections: RawSection[]): void {
  const at = (row: SourceRow, column: Column): string => {
    const i = columns.indexOf(column)
    return i < 0 ? '' : (row.cells[i] ?? '').trim()
  }
  let previous: RawTask | undefined
  for (const row of rows) {
    const nonEmpty = row.cells.map((c) => c.trim()).filter((c) => c !== '')
    if (nonEmpty.length === 0) continue
    // The column-number row under a header ("(1)", "(2)" … or "1", "2", "3" …).
    if (nonEmpty.length >= 3 && nonEmpty.every((c) => /^\(?\d{1,2}\)?$/.test(c))) continue
    // A header repeated on a new page.
    if (
      nonEmpty.length >= 3 &&
      nonEmpty.every((c) => c.length <= 60 && !isRowCode(c)) &&
      row.cells.every((c, i) => c.trim() === '' || columnOf(c) === columns[i])
    ) {
      continue
    }

    const code = at(row, 'code').replace(/\.$/, '')
    const title = at(row, 'title')
    const lead = at(row, 'lead')
    const coordinators = at(row, 'coordinators')
    const time = at(row, 'time')

    const only = nonEmpty.length === 1 ? nonEmpty[0] : undefined
    // A section written in one merged cell: "1. Tham gia của người dân ở cấp cơ sở".
    const heading = only !== undefined ? HEADING.exec(only) : null
    if (only !== undefined && code === '' && title === '') {
      sections.push({
        code: heading?.[1] ?? String(sections.length + 1),
        title: (heading?.[2] ?? only).trim(),
        tasks: [],
        source: row.source,
      })
      previous = undefined
      continue
    }
    if (heading && code === only) {
      sections.push({ code: heading[1] ?? code, title: (heading[2] ?? '').trim(), tasks: [], source: row.source })
      previous = undefined
      continue
    }
    const sectionRow = ROMAN.test(code) || (/^\d+$/.test(code) && lead === '' && coordinators === '' && time === '')
    if (sectionRow) {
      sections.push({ code, title: title || firstOther(row, columns) || code, tasks: [], source: row.source })
      previous = undefined
      continue
    }

    // A row that repeats the task above it (a merged code and title over several lead rows).
    if (previous && (code === '' || code === previous.code) && (title === '' || title === previous.title)) {
      previous.lead = [...previous.lead, ...parseAssignees(lead)]
      previous.coordinators = [...previous.coordinators, ...parseAssignees(coordinators)]
      if ((previous.time ?? '') === '') previous.time = time
      continue
    }
    if (title === '') continue

    let section = sections.at(-1)
    if (!section) {
      section = { code: '1', title: 'Nhiệm vụ', tasks: [], source: row.source, implicit: true }
      sections.push(section)
    }
    const task: RawTask = {
      code: code || `${section.code}.${section.tasks.length + 1}`,
      title,
      lead: parseAssignees(lead),
      coordinators: parseAssignees(coordinators),
      time,
      source: row.source,
    }
    section.tasks.push(task)
    previous = task
  }
}

function firstOther(row: SourceRow, columns: Column[]): string | undefined {
  return row.cells.find((c, i) => columns[i] !== 'code' && c.trim() !== '')?.trim()
}

/** Tasks numbered 1, 2… under each of sections I, II… get the section's numeral in front. */
function uniqueTaskCodes(sections: RawSection[]): RawSection[] {
  const counts = new Map<string, number>()
  for (const task of sections.flatMap((s) => s.tasks)) counts.set(task.code, (counts.get(task.code) ?? 0) + 1)
  const clash = [...counts.values()].some((n) => n > 1)
  if (!clash) return sections
  return sections.map((s) => ({
    ...s,
    tasks: s.tasks.map((t) => (t.code.startsWith(`${s.code}.`) ? t : { ...t, code: `${s.code}.${t.code}` })),
  }))
}
