import { z } from 'zod'
import { addDays, daysInMonth, isCalendarDate, isoDate, sortedUniqueDates, type DateSpan } from './internal/calendar'
import { IsoDateSchema } from './iso-date'

export const TimeframeKindSchema = z.enum([
  'ongoing', // Thường xuyên
  'recurring', // Định kỳ hằng quý, Hàng năm
  'window', // Quý II năm 2018, Năm 2012 - 2015, trước ngày 15/6/2018 (end only)
  'milestones', // 2012, 2015
  'event', // Trước và trong quá trình bầu cử
  'regulation', // Theo quy định tại Nghị định số 90/2013/NĐ-CP
  'unspecified', // anything else: text kept, flagged for review
])
export type TimeframeKind = z.infer<typeof TimeframeKindSchema>

export const RecurrenceSchema = z.enum(['month', 'quarter', 'half-year', 'year'])
export type Recurrence = z.infer<typeof RecurrenceSchema>

/**
 * When a task is to be done, as written in the plan and as understood.
 *
 * A `window` or `milestones` timeframe without dates means the text named a period but not its
 * year ("Quý II" with no plan year): the shape is known, the calendar is not.
 */
export const TimeframeSchema = z.object({
  kind: TimeframeKindSchema,
  /** The original text, always kept. */
  text: z.string(),
  /** First day of the window, inclusive. */
  start: IsoDateSchema.optional(),
  /** Last day of the window, inclusive ("trước ngày 15/6/2018" ends on 2018-06-15). */
  end: IsoDateSchema.optional(),
  /** The finest recurrence named ("Định kỳ hàng quý, 6 tháng, năm" recurs every quarter). */
  every: RecurrenceSchema.optional(),
  /**
   * Milestone dates; on an ongoing or recurring timeframe, the deadlines it names in the plan
   * year ("Thường xuyên; báo cáo trước 15/12 hằng năm").
   */
  dates: z.array(IsoDateSchema).optional(),
  /** The regulation or event the timeframe refers to ("Nghị định số 90/2013/NĐ-CP"). */
  reference: z.string().optional(),
})
export type Timeframe = z.infer<typeof TimeframeSchema>

export interface ParseTimeframeOptions {
  /** The year the plan is for: dates written without a year ("Quý II", "03/6") fall in it. */
  planYear?: number
}

/**
 * Reads a Vietnamese timeframe as written in a plan's "Thời gian thực hiện" column or sentence.
 * Never throws: text it cannot read comes back as `unspecified`, original text kept, for review.
 * Input may be NFC or NFD, any case, with Roman or Arabic numerals and stray spaces.
 *
 * @example
 * parseTimeframe('Quý II, III năm 2018')
 * // { kind: 'window', text: 'Quý II, III năm 2018', start: '2018-04-01', end: '2018-09-30' }
 * parseTimeframe('Định kỳ hàng quý, 6 tháng, năm')
 * // { kind: 'recurring', text: 'Định kỳ hàng quý, 6 tháng, năm', every: 'quarter' }
 * parseTimeframe('trước ngày 03/6', { planYear: 2023 })
 * // { kind: 'window', text: 'trước ngày 03/6', end: '2023-06-03' }
 */
export function parseTimeframe(text: string, options?: ParseTimeframeOptions): Timeframe {
  const original = typeof text === 'string' ? text.trim() : ''
  const planYear = isYear(options?.planYear) ? options?.planYear : undefined
  const clauses = original
    .split(/[;\n]/)
    .map(clean)
    .filter((clause) => clause !== '')
  const readings = clauses.map((clause) => readClause(clause, planYear))
  return { ...combine(readings), text: original }
}

/**
 * The calendar span a timeframe pins down, if any: a window's own bounds, or for milestones the
 * last milestone as the end. Ongoing, recurring, event and regulation timeframes have no end of
 * their own, so only a window they were given is reported.
 *
 * @example
 * timeframeBounds(parseTimeframe('2012, 2015')) // { end: '2015-12-31' }
 */
export function timeframeBounds(timeframe: Timeframe): { start?: string; end?: string } {
  const milestones = timeframe.kind === 'milestones' ? (timeframe.dates ?? []) : []
  const end = timeframe.end ?? [...milestones].sort().at(-1)
  return { ...(timeframe.start ? { start: timeframe.start } : {}), ...(end ? { end } : {}) }
}

/**
 * The calendar years a timeframe spans, when it pins both ends down ("Năm 2012 - 2015",
 * "giai đoạn 2021-2025", "năm 2018"); `undefined` otherwise. How a plan's years read from its title.
 *
 * @example
 * timeframeYears(parseTimeframe('giai đoạn 2021-2025')) // { from: 2021, to: 2025 }
 * timeframeYears(parseTimeframe('Thường xuyên')) // undefined
 */
export function timeframeYears(timeframe: Timeframe): { from: number; to: number } | undefined {
  if (timeframe.start === undefined || timeframe.end === undefined) return undefined
  return { from: Number(timeframe.start.slice(0, 4)), to: Number(timeframe.end.slice(0, 4)) }
}

// ---------------------------------------------------------------------------------------------
// Text clean-up
// ---------------------------------------------------------------------------------------------

/** NFC, one plain space between words, no bullet in front and no punctuation ("./.") behind. */
function clean(text: string): string {
  return text
    .normalize('NFC')
    .replace(/[\s\u200b]+/g, ' ')
    .replace(/^[\s\-+*•–]+/, '')
    .replace(/[\s.,;:!…/]+$/, '')
}

// `\b` only knows ASCII letters; these know Vietnamese ones ("ư", "ờ" are letters too).
const START = '(?<![\\p{L}\\p{N}])'
const END = '(?![\\p{L}\\p{N}])'
const rx = (source: string, flags = 'iu'): RegExp => new RegExp(source, flags)

const YEAR = '(?:19|20)\\d{2}(?!\\d)'
const NUMERAL = `(?:[ivx]{1,4}|\\d{1,2})${END}`
// Old-style tone placement ("qúy") still appears in documents; bare "quy" would be "quy định".
const QUY = 'q(?:uý|úy)'
const LIST_SEPARATOR = '\\s*(?:,|và|-|–|—|đến)\\s*'

/** A plan year within the range YEAR reads (1900–2099). */
function isYear(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 1900 && value <= 2099
}

// ---------------------------------------------------------------------------------------------
// Periods named in the text: a day, a month, a quarter, a half-year or a year
// ---------------------------------------------------------------------------------------------

/** Months `from`–`to` of one year (a day when `day` is set); `year` absent when not written. */
interface Period {
  year?: number
  from: number
  to: number
  day?: number
}

function spanOf(period: Period, planYear: number | undefined): DateSpan | undefined {
  const year = period.year ?? planYear
  if (year === undefined) return undefined
  if (period.day !== undefined) {
    if (period.day > daysInMonth(year, period.from)) return undefined // 29/2 outside a leap year
    const day = isoDate(year, period.from, period.day)
    return { start: day, end: day }
  }
  return { start: isoDate(year, period.from, 1), end: isoDate(year, period.to, daysInMonth(year, period.to)) }
}

/** Whether each period starts the month after the one before it ends (Quý II, III). */
function consecutive(periods: Period[]): boolean {
  return periods.every((period, i) => {
    const previous = periods[i - 1]
    if (previous === undefined) return true
    if (period.day !== undefined || previous.day !== undefined) return false
    const sameYear = period.year === previous.year && period.from === previous.to + 1
    const nextYear =
      period.year !== undefined &&
      previous.year !== undefined &&
      period.year === previous.year + 1 &&
      previous.to === 12 &&
      period.from === 1
    return sameYear || nextYear
  })
}

const ROMAN: Readonly<Record<string, number>> = {
  i: 1,
  ii: 2,
  iii: 3,
  iv: 4,
  v: 5,
  vi: 6,
  vii: 7,
  viii: 8,
  ix: 9,
  x: 10,
  xi: 11,
  xii: 12,
}

function numeral(token: string): number | undefined {
  const t = token.trim().toLowerCase()
  return /^\d+$/.test(t) ? Number(t) : ROMAN[t]
}

/**
 * Expands "II, III", "6 và 7", "2012 - 2015" into sorted numbers: "," and "và" list items,
 * "-" and "đến" span a range. Undefined if any item is out of `min`–`max`.
 */
function expandList(list: string, min: number, max: number): number[] | undefined {
  const parts = list.split(rx(`(${LIST_SEPARATOR})`))
  const values: number[] = []
  for (let i = 0; i < parts.length; i += 2) {
    const value = numeral(parts[i] ?? '')
    if (value === undefined || value < min || value > max) return undefined
    const separator = (parts[i - 1] ?? ',').trim().toLowerCase()
    const previous = values.at(-1)
    if (previous !== undefined && ['-', '–', '—', 'đến'].includes(separator)) {
      if (value <= previous) return undefined
      for (let v = previous + 1; v <= value; v += 1) values.push(v)
    } else values.push(value)
  }
  return [...new Set(values)].sort((a, b) => a - b)
}

const yearOf = (token: string | undefined): number | undefined => (token ? Number(token) : undefined)

type Token = string | undefined

function dayPeriod(day: Token, month: Token, year: Token): Period[] | undefined {
  const d = Number(day)
  const m = Number(month)
  const y = yearOf(year)
  // Without a year, 29/02 may still be right: the plan year decides later (spanOf).
  if (!isCalendarDate(y ?? 2000, m, d)) return undefined
  return [{ year: y, from: m, to: m, day: d }]
}

interface PeriodPattern {
  source: string
  read: (m: RegExpExecArray) => Period[] | undefined
  /**
   * Named with its own word ("Quý", "tháng", "ngày … tháng"): numbers that do not fit
   * ("Quý V") make the text unreadable rather than letting a weaker pattern guess.
   */
  named?: true
}

/**
 * Ways a plan names a period, tried in this order so that the most specific reading wins
 * ("ngày 15 tháng 6 năm 2018" is a day before it is a month or a year).
 */
const PERIOD_PATTERNS: readonly PeriodPattern[] = [
  {
    // "ngày 15 tháng 6 năm 2018"
    source: `ngày\\s+(\\d{1,2})\\s+tháng\\s+(\\d{1,2})(?:\\s+năm\\s+(${YEAR}))?`,
    read: (m) => dayPeriod(m[1], m[2], m[3]),
    named: true,
  },
  {
    // "15/6/2018", "15/06/2018", "03/6"; the guards keep "45/63" (a rank) and "90/2013/NĐ-CP" out
    source: `(?:ngày\\s+)?(?<![\\d/])(\\d{1,2})/(\\d{1,2})(?:/(${YEAR}))?(?![\\d/])`,
    read: (m) => dayPeriod(m[1], m[2], m[3]),
  },
  {
    // "6 tháng đầu năm 2018", "06 tháng cuối năm"
    source: `(?:0?6|sáu)\\s+tháng\\s+(đầu|cuối)\\s+năm(?:\\s+(${YEAR}))?`,
    read: (m) => {
      const first = (m[1] ?? '').toLowerCase() === 'đầu'
      return [{ year: yearOf(m[2]), from: first ? 1 : 7, to: first ? 6 : 12 }]
    },
  },
  {
    // "Quý II năm 2018", "Quý II, III năm 2018", "quý 2/2018", "Quý I - II"
    source: `${QUY}\\s+(${NUMERAL}(?:${LIST_SEPARATOR}${NUMERAL})*)(?:\\s*(?:năm|/|-|–)\\s*(${YEAR}))?`,
    read: (m) => expandList(m[1] ?? '', 1, 4)?.map((q) => ({ year: yearOf(m[2]), from: 3 * q - 2, to: 3 * q })),
    named: true,
  },
  {
    // "Tháng 6 năm 2018", "tháng 6/2020", "tháng 6, 7 năm 2018"
    source: `tháng\\s+(${NUMERAL}(?:${LIST_SEPARATOR}${NUMERAL})*)(?:\\s*(?:năm|/|-|–)\\s*(${YEAR}))?`,
    read: (m) => expandList(m[1] ?? '', 1, 12)?.map((month) => ({ year: yearOf(m[2]), from: month, to: month })),
    named: true,
  },
  {
    // "Năm 2013", "Năm 2012 - 2015", "giai đoạn 2016-2020", "2012, 2015"
    source: `(?:(?:năm|giai\\s+đoạn)\\s+)?(?<![\\d/.\\-])(${YEAR}(?:${LIST_SEPARATOR}${YEAR})*)(?![\\d/])`,
    read: (m) => expandList(m[1] ?? '', 1900, 2099)?.map((year) => ({ year, from: 1, to: 12 })),
  },
]

const PERIOD_SEARCHES = PERIOD_PATTERNS.map(({ source, read, named }) => ({
  re: rx(`${START}(?:${source})`, 'giu'),
  read,
  named,
}))
const PERIOD_AT_START = PERIOD_PATTERNS.map(({ source, read }) => ({ re: rx(`^(?:${source})`), read }))

/** The periods named at the very start of `text`, and how much text they took. */
function periodsAtStart(text: string): { periods: Period[]; length: number } | undefined {
  for (const { re, read } of PERIOD_AT_START) {
    const match = re.exec(text)
    const periods = match ? read(match) : undefined
    if (match && periods) return { periods, length: match[0].length }
  }
  return undefined
}

/**
 * The first periods named anywhere in `text`, by pattern order, and where they stop;
 * `'unreadable'` when a named period has numbers that cannot be ("Quý V", "tháng 13").
 */
function periodsAnywhere(text: string): { periods: Period[]; endIndex: number } | 'unreadable' | undefined {
  for (const { re, read, named } of PERIOD_SEARCHES) {
    for (const match of text.matchAll(re)) {
      const periods = read(match)
      if (periods) return { periods, endIndex: match.index + match[0].length }
      if (named) return 'unreadable'
    }
  }
  return undefined
}

// ---------------------------------------------------------------------------------------------
// Clause rules, tried in order; the first that recognises the clause decides
// ---------------------------------------------------------------------------------------------

type Reading = Omit<Timeframe, 'text'>
type Rule = (clause: string, planYear: number | undefined) => Reading | undefined

/**
 * "Theo quy định tại Nghị định số 90/2013/NĐ-CP" (Kiên Giang 97/KH-UBND, task 3.2): the timing
 * is whatever the cited document says, so the document is kept as the reference.
 */
const DOCUMENT_TYPES = ['Nghị định', 'Nghị quyết', 'Thông tư', 'Quyết định', 'Chỉ thị', 'Kế hoạch', 'Công văn', 'Pháp lệnh', 'Luật']
// "(?<!pháp )" keeps "theo quy định của pháp luật" from citing a "luật".
const DOCUMENT = `(?<!pháp\\s)(?:${DOCUMENT_TYPES.map((type) => type.replace(' ', '\\s+')).join('|')})${END}`
const REGULATION = rx(`^theo\\s+(?:quy\\s+định|hướng\\s+dẫn|${DOCUMENT})`)
const DOCUMENT_REFERENCE = rx(`${START}${DOCUMENT}[^,;()]*`)

const regulation: Rule = (clause) => {
  if (!REGULATION.test(clause)) return undefined
  const reference = DOCUMENT_REFERENCE.exec(clause)?.[0].trim()
  return { kind: 'regulation', ...(reference ? { reference } : {}) }
}

// Recurrence units in the order they must be tried: "6 tháng" before "tháng".
const UNITS: ReadonlyArray<readonly [source: string, every: Recurrence]> = [
  ['(?:0?6|sáu)\\s+tháng|nửa\\s+năm|bán\\s+niên', 'half-year'],
  ['tháng', 'month'],
  [QUY, 'quarter'],
  ['năm', 'year'],
]
const UNIT = `(?:${UNITS.map(([source]) => source).join('|')})${END}`
const EACH = '(?:hằng|hàng|mỗi)'
const UNIT_LIST = `(?:${EACH}\\s+)?${UNIT}(?:\\s*(?:,|và|/|hoặc)\\s*(?:${EACH}\\s+)?${UNIT})*`
const RECURRING = rx(`${START}(?:định\\s+kỳ(?:\\s+${UNIT_LIST})?|${EACH}\\s+${UNIT_LIST})`)
// A bare list of units as the whole clause ("6 tháng", "Quý, 6 tháng, năm") reads as "each".
const BARE_UNITS = rx(`^${UNIT_LIST}$`)
// One capture group per unit, so a match tells which unit it was.
const UNIT_FINDER = rx(`${START}(?:${UNITS.map(([source]) => `(${source})`).join('|')})${END}`, 'giu')
const FINEST_FIRST: readonly Recurrence[] = ['month', 'quarter', 'half-year', 'year']
const ONGOING = rx(`${START}(?:thường\\s+xuyên|liên\\s+tục|hằng\\s+ngày|hàng\\s+ngày)${END}`)

/**
 * The finest unit named in a recurrence phrase ("hàng quý, 6 tháng, năm" → quarter: a quarterly
 * report also serves the 6-month and annual ones); `null` for a bare "định kỳ" with no unit.
 */
function recurrenceOf(clause: string): Recurrence | null | undefined {
  const phrase = (RECURRING.exec(clause) ?? BARE_UNITS.exec(clause))?.[0]
  if (phrase === undefined) return undefined
  const named = new Set(
    [...phrase.matchAll(UNIT_FINDER)].map((match) => {
      const which = match.slice(1).findIndex((group) => group !== undefined)
      return UNITS[which]?.[1]
    }),
  )
  return FINEST_FIRST.find((unit) => named.has(unit)) ?? null
}

/**
 * "Thường xuyên", "Định kỳ hằng quý", "Hàng năm": work that goes on or repeats. A deadline or
 * window in the same clause ("báo cáo trước 15/12 hằng năm") is kept alongside.
 */
const periodic: Rule = (clause, planYear) => {
  const ongoing = ONGOING.test(clause)
  const every = recurrenceOf(clause)
  if (!ongoing && every === undefined) return undefined
  const reading: Reading = { kind: ongoing ? 'ongoing' : 'recurring', ...(every ? { every } : {}) }
  const timing = deadline(clause, planYear) ?? range(clause, planYear) ?? periods(clause, planYear)
  if (!timing) return reading
  const due = deadlineOf(timing)
  if (due) return { ...reading, dates: [due] }
  const { start, end, dates } = timing
  return { ...reading, ...(start ? { start } : {}), ...(end ? { end } : {}), ...(dates ? { dates } : {}) }
}

const FROM = rx(`${START}(từ|sau)\\s+`, 'giu')
const UNTIL = rx(`^\\s*(?:đến|tới|-|–|—)\\s*(?:hết\\s+)?`)

/** The periods that close a range right at the start of `text` (" đến ngày 31/5/2023"). */
function rangeEnd(text: string): Period[] | undefined {
  const until = UNTIL.exec(text)
  return until ? periodsAtStart(text.slice(until[0].length))?.periods : undefined
}

/**
 * The window from the first of `from` to the last of `to` (open-ended without `to`). A start
 * written without a year takes the end's ("từ tháng 6 đến tháng 9 năm 2018"), or the year before
 * when it would otherwise come after the end: cut-off windows such as "từ 15/12 đến 14/6" run
 * across the new year (Decree 09/2019/NĐ-CP). With `after`, the window opens the day after `from`.
 */
function between(from: Period[], to: Period[] | undefined, planYear: number | undefined, after = false): Reading {
  const first = from[0]
  const last = to?.at(-1)
  const end = last && spanOf(last, planYear)?.end
  if (!first) return { kind: 'window', ...(end ? { end } : {}) }
  const endYear = to?.find((period) => period.year !== undefined)?.year ?? planYear
  let opening = spanOf(first, endYear)
  if (first.year === undefined && endYear !== undefined && opening && end && opening.start > end) {
    opening = spanOf(first, endYear - 1)
  }
  const start = opening && (after ? addDays(opening.end, 1) : opening.start)
  return { kind: 'window', ...(start ? { start } : {}), ...(end ? { end } : {}) }
}

/**
 * "từ ngày 01/11/2022 đến ngày 31/5/2023" (Đức Hợp 2023, data cut-off); "từ năm 2018" alone
 * opens a window with no end; "sau ngày 15/6/2018" opens it the day after.
 */
const range: Rule = (clause, planYear) => {
  for (const match of clause.matchAll(FROM)) {
    const afterFrom = clause.slice(match.index + match[0].length)
    const from = periodsAtStart(afterFrom)
    if (!from) continue
    const to = rangeEnd(afterFrom.slice(from.length))
    return between(from.periods, to, planYear, (match[1] ?? '').toLowerCase() === 'sau')
  }
  return undefined
}

// "đến" right after a number joins a range ("Năm 2012 đến 2015"), it is not a deadline.
const DEADLINE = rx(`${START}(trước|chậm\\s+nhất(?:\\s+là)?|hạn\\s+chót|không\\s+quá|(?<!\\d\\s*)(?:đến\\s+hết|đến|tới))\\s+`, 'giu')

/**
 * "trước ngày 15/6/2018" (Kiên Giang 97/KH-UBND): a window with only an end.
 *
 * "trước ngày X" ends ON day X, not the day before: that is how officials use it. Đức Hợp 2023
 * asks for the annual report "trước ngày 25/10/2023" with data counted "đến ngày 25/10/2023" —
 * read strictly, the report would be due before its own data closed. So a named day is the last
 * day allowed. "trước" a whole month, quarter or year means before that period begins
 * ("trước Quý III năm 2018" ends 2018-06-30); "chậm nhất", "đến hết" include the period named.
 */
const deadline: Rule = (clause, planYear) => {
  for (const match of clause.matchAll(DEADLINE)) {
    const found = periodsAtStart(clause.slice(match.index + match[0].length))
    if (!found) continue
    const first = found.periods[0]
    const last = found.periods.at(-1)
    if (!first || !last) continue
    const strictlyBefore = (match[1] ?? '').toLowerCase() === 'trước' && first.day === undefined
    const opening = spanOf(first, planYear)?.start
    const end = strictlyBefore ? opening && addDays(opening, -1) : spanOf(last, planYear)?.end
    return { kind: 'window', ...(end ? { end } : {}) }
  }
  return undefined
}

const ONWARD = rx(`^\\s*(?:và\\s+)?(?:các|những)\\s+năm\\s+tiếp\\s+theo`)

/**
 * "Quý II, III năm 2018", "Tháng 6 năm 2018", "Năm 2012 - 2015", "2012, 2015": periods that
 * follow on from each other make one window, periods with gaps are milestones at each one's end.
 * "Tháng 12/2018 - tháng 1/2019" is a range; "năm 2018 và những năm tiếp theo" (Kiên Giang
 * 97/KH-UBND title) opens a window with no end.
 */
const periods: Rule = (clause, planYear) => {
  const found = periodsAnywhere(clause)
  if (found === 'unreadable') return { kind: 'unspecified' }
  if (!found) return undefined
  const to = rangeEnd(clause.slice(found.endIndex))
  if (to) return between(found.periods, to, planYear)
  const spans = found.periods.map((period) => spanOf(period, planYear))
  const known = spans.every((span) => span !== undefined) ? (spans as DateSpan[]) : undefined
  const first = known?.[0]
  const last = known?.at(-1)
  if (ONWARD.test(clause.slice(found.endIndex))) {
    return { kind: 'window', ...(first ? { start: first.start } : {}) }
  }
  if (consecutive(found.periods)) {
    return { kind: 'window', ...(first && last ? { start: first.start, end: last.end } : {}) }
  }
  return { kind: 'milestones', ...(known ? { dates: known.map((span) => span.end) } : {}) }
}

const WITHIN_YEAR = rx(`${START}(?:trong|cả|suốt)\\s+năm${END}`)

/** "trong năm" with no year written: the plan year (Lào Cai 165/KH-UBND targets). */
const withinYear: Rule = (clause, planYear) => {
  if (!WITHIN_YEAR.test(clause)) return undefined
  const span = spanOf({ from: 1, to: 12 }, planYear)
  return { kind: 'window', ...(span ?? {}) }
}

const EVENT_LEAD = rx(`^(?:ngay|trước|trong|sau|khi|và|hoặc|quá\\s+trình|thời\\s+gian|thời\\s+điểm|dịp|,)${END}\\s*`)
const RELATION = rx(`^(?:trước|trong|sau|khi|ngay)${END}`)
const ONLY_A_UNIT = rx(`^${UNIT}$`)

/**
 * "Trước và trong quá trình bầu cử" (Kiên Giang 97/KH-UBND, task 1.2): timed by an event with
 * no date. The reference is the event itself ("bầu cử"), without the words that relate to it.
 */
const event: Rule = (clause) => {
  if (!RELATION.test(clause) || /\d/.test(clause)) return undefined
  let rest = clause
  for (let lead = EVENT_LEAD.exec(rest); lead; lead = EVENT_LEAD.exec(rest)) rest = rest.slice(lead[0].length)
  if (rest === '' || ONLY_A_UNIT.test(rest)) return undefined // "Trong quý": which one?
  return { kind: 'event', reference: rest }
}

const RULES: readonly Rule[] = [regulation, periodic, range, deadline, periods, withinYear, event]

function readClause(clause: string, planYear: number | undefined): Reading {
  // Parenthesised text is usually commentary ("(lồng ghép trong báo cáo ...)"); read without it
  // first, and only fall back to it when nothing else is there.
  const withoutAsides = clause
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
  for (const candidate of withoutAsides === clause ? [clause] : [withoutAsides, clause]) {
    for (const rule of RULES) {
      const reading = rule(candidate, planYear)
      if (reading) return reading
    }
  }
  return { kind: 'unspecified' }
}

// ---------------------------------------------------------------------------------------------
// Several clauses: "Thường xuyên; báo cáo trước 15/12 hằng năm"
// ---------------------------------------------------------------------------------------------

/** The end of a window that has nothing but an end ("trước ngày 15/6/2018"). */
const deadlineOf = (reading: Reading): string | undefined =>
  reading.kind === 'window' && reading.start === undefined ? reading.end : undefined

/**
 * The first clause understood sets the kind; later ones add their recurrence and deadlines.
 * Two deadlines (Đức Hợp 2023: "… trước ngày 03/6 …; báo cáo năm trước ngày 25/10/2023") are
 * milestones.
 */
function combine(readings: Reading[]): Reading {
  const understood = readings.filter((reading) => reading.kind !== 'unspecified')
  const [primary, ...others] = understood
  if (!primary) return { kind: 'unspecified' }
  if (others.length === 0) return primary
  const every = FINEST_FIRST.find((unit) => understood.some((reading) => reading.every === unit))
  const extra = others.flatMap((reading) => {
    const due = deadlineOf(reading)
    return [...(reading.dates ?? []), ...(due ? [due] : [])]
  })
  const combined: Reading = { ...primary, ...(every ? { every } : {}) }
  if (extra.length === 0) return combined
  const primaryDeadline = deadlineOf(primary)
  if (primaryDeadline) {
    const { end: _end, ...rest } = combined
    return { ...rest, kind: 'milestones', dates: sortedUniqueDates([primaryDeadline, ...extra]) }
  }
  return { ...combined, dates: sortedUniqueDates([...(primary.dates ?? []), ...extra]) }
}
