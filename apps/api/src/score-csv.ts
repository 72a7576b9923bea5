import { parseVietnameseNumber, type Framework, type IndexResult } from '@papi/domain'

export interface ScoreCsvRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number
  /** The `unit` column: a unit code or id. */
  unit: string
  result: Omit<IndexResult, 'unitId'>
}

export interface ScoreCsvIssue {
  line: number
  column?: string
  message: string
}

/**
 * Splits CSV text into rows (RFC 4180: quoted fields, doubled quotes, CRLF). The delimiter is
 * `;` when the header has no comma but has semicolons — what Excel writes under a Vietnamese
 * locale, where the comma is the decimal mark.
 */
export function parseCsv(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.slice(0, body.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < body.length; i++) {
    const ch = body[i] as string
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"'
        i++
      } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"' && field === '') quoted = true
    else if (ch === delimiter) {
      row.push(field)
      field = ''
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i++
      row.push(field)
      rows.push(row)
      row = []
      field = ''
    } else field += ch
  }
  if (field !== '' || row.length > 0) {
    row.push(field)
    rows.push(row)
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''))
}

// Machine-written decimals ("5.26", "46.0415") are read as such; anything else the Vietnamese
// way ("35,71", "1.234,5"), where a dot groups thousands.
function readNumber(text: string): number | undefined {
  const t = text.trim()
  if (/^-?\d+(\.\d+)?$/.test(t)) return Number(t)
  return parseVietnameseNumber(t)
}

const FIXED = ['unit', 'total', 'rank', 'rankOf', 'appraisalScore', 'surveyScore'] as const

/**
 * Reads a table of index results for one framework and year: columns `unit` (code or id),
 * `total`, optional `rank`, `rankOf`, `appraisalScore`, `surveyScore`, and per dimension its key
 * (score) and `<key>.rank`. Unknown columns and unreadable numbers are issues, not guesses.
 *
 * @example
 * readScoreCsv('unit,total,rank,rankOf\nKG,35.71,45,63', papi2009, 2017)
 * // { rows: [{ line: 2, unit: 'KG', result: { frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions: [] } }], issues: [] }
 */
export function readScoreCsv(
  text: string,
  framework: Framework,
  year: number,
): { rows: ScoreCsvRow[]; issues: ScoreCsvIssue[] } {
  const table = parseCsv(text)
  const issues: ScoreCsvIssue[] = []
  const [header, ...data] = table
  if (!header) return { rows: [], issues: [{ line: 1, message: 'the file is empty' }] }
  const columns = header.map((h) => h.trim())
  const dimensionKeys = new Set(framework.dimensions.map((d) => d.key))
  for (const column of columns) {
    const base = column.endsWith('.rank') ? column.slice(0, -5) : column
    if (!(FIXED as readonly string[]).includes(column) && !dimensionKeys.has(base)) {
      issues.push({
        line: 1,
        column,
        message: `unknown column "${column}"; ${framework.id} has ${[...dimensionKeys].join(', ')}`,
      })
    }
  }
  for (const required of ['unit', 'total']) {
    if (!columns.includes(required)) issues.push({ line: 1, column: required, message: `missing column "${required}"` })
  }
  if (issues.length) return { rows: [], issues }

  const rows: ScoreCsvRow[] = []
  data.forEach((cells, i) => {
    const line = i + 2
    const cell = (column: string) => {
      const at = columns.indexOf(column)
      return at === -1 ? '' : (cells[at] ?? '').trim()
    }
    const number = (column: string, integer = false): number | undefined => {
      const raw = cell(column)
      if (raw === '') return undefined
      const value = readNumber(raw)
      if (value === undefined || (integer && !Number.isInteger(value))) {
        issues.push({ line, column, message: `"${raw}" is not ${integer ? 'a whole number' : 'a number'}` })
      }
      return value
    }
    const unit = cell('unit')
    if (!unit) issues.push({ line, column: 'unit', message: 'no unit' })
    const total = number('total')
    if (total === undefined && cell('total') === '') issues.push({ line, column: 'total', message: 'no total' })
    const dimensions = framework.dimensions
      .filter((d) => columns.includes(d.key) || columns.includes(`${d.key}.rank`))
      .map((d) => {
        const score = number(d.key)
        const rank = number(`${d.key}.rank`, true)
        return { key: d.key, ...(score !== undefined && { score }), ...(rank !== undefined && { rank }) }
      })
    const optional = (column: (typeof FIXED)[number], integer = false) => {
      const v = number(column, integer)
      return v === undefined ? {} : { [column]: v }
    }
    rows.push({
      line,
      unit,
      result: {
        frameworkId: framework.id,
        year,
        total: total ?? Number.NaN,
        ...optional('rank', true),
        ...optional('rankOf', true),
        ...optional('appraisalScore'),
        ...optional('surveyScore'),
        dimensions,
      },
    })
  })
  return { rows, issues }
}
