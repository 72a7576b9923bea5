import { parseVietnameseNumber, type Framework, type IndexResult, type Locale, type NotRankedYear, type Unit } from '@papi/domain'
import { DOCUMENT_LIMITS, limitWords } from './document-limits'
import { readCsvRows, writeCsvRows } from './internal/csv'
import { errorMessage } from './internal/messages'
import { PlanDocumentError } from './plan-document-error'

// Tables of published index results, one framework and year per file: what
// `POST /api/v1/scores/import` reads and `GET /api/v1/scores/export` and `papi export scores` write.

export interface ScoreCsvRow {
  /** 1-based line of the row in the file (the header is line 1). */
  line: number
  /** The `unit` column: a unit code or id. */
  unit: string
  result: Omit<IndexResult, 'unitId'>
}

/** A row marked `notRanked`: the unit was listed that year but not ranked (no total). */
export interface NotRankedCsvRow {
  line: number
  unit: string
  year: Omit<NotRankedYear, 'unitId'>
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
export function parseCsv(text: string, options: { maxRows?: number } = {}): string[][] {
  const body = text.replace(/^\uFEFF/, '')
  const firstLine = body.slice(0, body.search(/\r?\n|$/))
  const delimiter = !firstLine.includes(',') && firstLine.includes(';') ? ';' : ','
  return readCsvRows(body, { delimiter, ...(options.maxRows !== undefined && { maxRows: options.maxRows }) }).filter((r) =>
    r.some((f) => f.trim() !== ''),
  )
}

// Machine-written decimals ("5.26", "46.0415") are read as such; anything else the Vietnamese
// way ("35,71", "1.234,5").
function readNumber(text: string): number | undefined {
  return parseVietnameseNumber(text, { dotIsDecimal: true })
}

const FIXED = ['unit', 'total', 'rank', 'rankOf', 'appraisalScore', 'surveyScore', 'notRanked', 'note'] as const

/** How a score table is read: its name for messages, the language of its issues. */
export interface ScoreCsvOptions {
  fileName?: string
  locale?: Locale
}

/** A score table read: the results, the years units were not ranked in, and the rows refused. */
export interface ScoreCsvRead {
  rows: ScoreCsvRow[]
  notRanked: NotRankedCsvRow[]
  issues: ScoreCsvIssue[]
}

/** What a `notRanked` cell may say: the writer puts `true`. */
const NOT_RANKED = new Set(['true', '1', 'x'])

/**
 * Reads a table of index results for one framework and year: columns `unit` (code or id),
 * `total`, optional `rank`, `rankOf`, `appraisalScore`, `surveyScore`, and per dimension its key
 * (score) and `<key>.rank`. A row whose `notRanked` column says `true` (and has no total, rank
 * or rankOf) is a year the unit was not ranked in, with the dimensions it gives and its `note`:
 * it comes back in `notRanked`, apart from the results. Unknown columns and unreadable numbers
 * are issues, not guesses.
 * A table of more than DOCUMENT_LIMITS.rows rows is refused unread past the limit: it throws a
 * `too-large` {@link PlanDocumentError} (the package's one document error).
 *
 * @example
 * readScoreCsv('unit,total,rank,rankOf\nKG,35.71,45,63', papi2009, 2017)
 * // { rows: [{ line: 2, unit: 'KG', result: { frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions: [] } }], issues: [] }
 */
export function readScoreCsv(text: string, framework: Framework, year: number, options: ScoreCsvOptions = {}): ScoreCsvRead {
  let table: string[][]
  try {
    // The header and one row past the limit are enough to refuse.
    table = parseCsv(text, { maxRows: DOCUMENT_LIMITS.rows + 2 })
  } catch (error) {
    // An unclosed quote: csv-parse names the line it gave up on.
    const line = (error as { lines?: number }).lines ?? 1
    return { rows: [], notRanked: [], issues: [{ line, message: `not a CSV table: ${(error as Error).message}` }] }
  }
  const issues: ScoreCsvIssue[] = []
  if (table.length > DOCUMENT_LIMITS.rows + 1) {
    const limit = limitWords('rows', DOCUMENT_LIMITS.rows, options.locale ?? 'vi')
    throw new PlanDocumentError(
      'too-large',
      errorMessage('too-large', { file: options.fileName ?? 'CSV', limit }, options.locale ?? 'vi'),
      {
        limit: { name: 'rows', max: DOCUMENT_LIMITS.rows },
      },
    )
  }
  const [header, ...data] = table
  if (!header) return { rows: [], notRanked: [], issues: [{ line: 1, message: 'the file is empty' }] }
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
  if (issues.length) return { rows: [], notRanked: [], issues }

  const rows: ScoreCsvRow[] = []
  const notRanked: NotRankedCsvRow[] = []
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
    const flag = cell('notRanked').toLowerCase()
    if (flag !== '' && flag !== 'false' && !NOT_RANKED.has(flag)) {
      issues.push({ line, column: 'notRanked', message: `"${cell('notRanked')}" is not true or false` })
    }
    const isNotRanked = NOT_RANKED.has(flag)
    const total = isNotRanked ? undefined : number('total')
    if (isNotRanked) {
      for (const column of ['total', 'rank', 'rankOf'] as const) {
        if (cell(column) !== '') issues.push({ line, column, message: `a row that is not ranked has no ${column}` })
      }
    } else if (total === undefined && cell('total') === '') issues.push({ line, column: 'total', message: 'no total' })
    // A dimension with both cells empty is not given on this row (a table may give ranks for some units only).
    const dimensions = framework.dimensions.flatMap((d) => {
      const score = number(d.key)
      const rank = number(`${d.key}.rank`, true)
      if (score === undefined && rank === undefined) return []
      return [{ key: d.key, ...(score !== undefined && { score }), ...(rank !== undefined && { rank }) }]
    })
    const optional = (column: (typeof FIXED)[number], integer = false) => {
      const v = number(column, integer)
      return v === undefined ? {} : { [column]: v }
    }
    if (isNotRanked) {
      const note = cell('note')
      notRanked.push({ line, unit, year: { frameworkId: framework.id, year, dimensions, ...(note !== '' && { note }) } })
      return
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
  return { rows, notRanked, issues }
}

/**
 * Writes results as the table {@link readScoreCsv} reads: columns `unit` (the unit's code, its
 * id when it has none), `total`, `rank`, `rankOf`, then `appraisalScore`, `surveyScore` and each
 * dimension's score and `<key>.rank` in the framework's order, where any row gives them.
 * Comma-separated with machine decimals ("46.0415"), CRLF, UTF-8 with a byte-order mark — read
 * back, it gives the same results. Years units were not ranked in follow, with an empty total,
 * rank and rankOf, `notRanked` = `true` and their `note`.
 *
 * @example
 * writeScoreCsv([{ unitId: 'kg', frameworkId: 'papi-2009', year: 2017, total: 35.71, rank: 45, rankOf: 63, dimensions: [] }], papi2009, units)
 * // '\ufeffunit,total,rank,rankOf\r\nKG,35.71,45,63\r\n' as UTF-8
 */
export function writeScoreCsv(
  ranked: readonly IndexResult[],
  framework: Framework,
  units: readonly Pick<Unit, 'id' | 'code'>[],
  notRanked: readonly NotRankedYear[] = [],
): Uint8Array {
  type Row = Pick<IndexResult, 'unitId' | 'dimensions'> & Partial<IndexResult> & { notRanked?: true; note?: string }
  const results: Row[] = [...ranked, ...notRanked.map((n) => ({ ...n, notRanked: true as const }))]
  const codeOf = new Map(units.map((u) => [u.id, u.code]))
  const given = (has: (r: Row) => boolean) => results.some(has)
  const dimension = (r: Row, key: string) => r.dimensions.find((d) => d.key === key)
  const columns: { name: string; cell: (r: Row) => string | number | undefined }[] = [
    { name: 'unit', cell: (r) => codeOf.get(r.unitId) ?? r.unitId },
    { name: 'total', cell: (r) => r.total },
    { name: 'rank', cell: (r) => r.rank },
    { name: 'rankOf', cell: (r) => r.rankOf },
  ]
  if (given((r) => r.appraisalScore !== undefined)) columns.push({ name: 'appraisalScore', cell: (r) => r.appraisalScore })
  if (given((r) => r.surveyScore !== undefined)) columns.push({ name: 'surveyScore', cell: (r) => r.surveyScore })
  for (const { key } of framework.dimensions) {
    if (given((r) => dimension(r, key)?.score !== undefined)) columns.push({ name: key, cell: (r) => dimension(r, key)?.score })
    if (given((r) => dimension(r, key)?.rank !== undefined)) columns.push({ name: `${key}.rank`, cell: (r) => dimension(r, key)?.rank })
  }
  if (notRanked.length) {
    columns.push({ name: 'notRanked', cell: (r) => (r.notRanked ? 'true' : undefined) })
    if (given((r) => r.note !== undefined)) columns.push({ name: 'note', cell: (r) => r.note })
  }
  return writeCsvRows([columns.map((c) => c.name), ...results.map((r) => columns.map((c) => c.cell(r)))])
}
