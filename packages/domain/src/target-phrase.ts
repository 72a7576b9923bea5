import type { MeasureUnit, Target } from './target'

/**
 * Reading targets out of a plan's own words. Plans state what they aim for inside sentences
 * ("đạt tổng số điểm từ 90 trở lên, xếp trong tốp 10", "tỷ lệ giảm biên chế so với năm 2015 đạt
 * từ 10% trở lên"); this turns each measurable phrase into a {@link Target}. A phrase that names
 * no number and no baseline year ("thực hiện đầy đủ") is not a target and is left alone.
 *
 * The forms come from the seed plans (fixtures/seeds): Lào Cai 165/KH-UBND (PAR INDEX 2020),
 * Kiên Giang 97/KH-UBND (PAPI 2018), Thừa Thiên Huế PAPI 2024, Đức Hợp PAPI 2023.
 */

export interface ReadTargetsOptions {
  /** The year the text is for when it names none ("trong năm"): the plan's year. */
  year: number
}

export interface ReadIndexTargetsOptions extends ReadTargetsOptions {
  /** How the index is named in metrics: "Chỉ số PAPI", "Chỉ số CCHC". */
  indexName: string
}

/**
 * The smallest step an index publishes (four decimals: Thừa Thiên Huế 46,0415). "Higher than last
 * year" asks for at least that much more.
 */
export const SMALLEST_SCORE_STEP = 0.0001

interface Found {
  start: number
  end: number
  comparator: Target['comparator']
  value: number
  valueMax?: number
  unit: MeasureUnit
  baselineYear?: number
}

const NUMBER = String.raw`(\d+(?:,\d+)?)`
// JavaScript's \b knows only ASCII letters; Vietnamese words end in "ó", "ợ"…
const START = String.raw`(?<![\p{L}\p{N}])`
const END = String.raw`(?![\p{L}\p{N}])`
const YEAR = String.raw`năm\s+((?:19|20)\d{2})`

/** "82,85" → 82.85; "03" → 3. */
function numberOf(text: string): number {
  return Number(text.replace(',', '.'))
}

/** Clauses a target can live in: split at ";", at ":" before a space and at sentence ends. */
function clausesOf(text: string): { text: string; colon: boolean }[] {
  const out: { text: string; colon: boolean }[] = []
  const splitter = /;|:(?=\s)|\.(?=\s|$)/g
  let from = 0
  const push = (to: number, colon = false) => {
    const trimmed = text.slice(from, to).trim()
    if (trimmed !== '') out.push({ text: trimmed, colon })
  }
  for (const m of text.matchAll(splitter)) {
    push(m.index, m[0] === ':')
    from = m.index + m[0].length
  }
  push(text.length)
  return out
}

/** The unit a number is in: its own "%" or "điểm", else a points total named just before it. */
function unitAt(clause: string, start: number, end: number, percent: boolean): MeasureUnit {
  if (percent) return 'percent'
  const after = clause.slice(end, end + 12)
  if (/^\s*điểm/iu.test(after)) return 'points'
  const before = clause.slice(Math.max(0, start - 24), start)
  return /điểm/iu.test(before) ? 'points' : 'count'
}

/** Baseline a change is measured against: "so với năm 2015", "so năm trước", "so với Kế hoạch". */
function baselineOf(clause: string, year: number): { found: boolean; year?: number } {
  const named = new RegExp(String.raw`so\s+(?:với\s+)?${YEAR}`, 'iu').exec(clause)
  if (named?.[1]) return { found: true, year: Number(named[1]) }
  if (/so\s+(?:với\s+)?năm\s+trước/iu.test(clause)) return { found: true, year: year - 1 }
  if (/so\s+với\s+(?:chỉ\s+tiêu|kế\s+hoạch)/iu.test(clause)) return { found: true }
  return { found: false }
}

function overlaps(found: readonly Found[], start: number, end: number): boolean {
  return found.some((f) => start < f.end && f.start < end)
}

/** Every measurable phrase of one clause, in the order written. */
function phrasesOf(clause: string, year: number): Found[] {
  const found: Found[] = []
  const add = (f: Found) => {
    if (!overlaps(found, f.start, f.end)) found.push(f)
  }

  // A change against a baseline: "giảm … so với năm 2015 đạt từ 10% trở lên", "tăng thêm từ 02
  // đơn vị trở lên so năm trước", "vượt chỉ tiêu từ 4% trở lên so với Kế hoạch".
  const direction = new RegExp(`${START}(giảm|tăng|vượt)${END}`, 'iu').exec(clause)
  const baseline = baselineOf(clause, year)
  if (direction && baseline.found) {
    const amount = new RegExp(String.raw`(?:từ\s+)?${NUMBER}\s*(%|đơn\s+vị)?\s*(?:\S+\s+){0,2}?trở\s+lên`, 'iu').exec(clause)
    if (amount?.[1]) {
      const sign = direction[1]?.toLocaleLowerCase('vi') === 'giảm' ? -1 : 1
      add({
        start: Math.min(direction.index, amount.index),
        end: clause.length,
        comparator: 'change-vs-baseline',
        value: sign * numberOf(amount[1]),
        unit: amount[2] === '%' ? 'percent' : unitAt(clause, amount.index, amount.index + amount[0].length, false),
        ...(baseline.year !== undefined && { baselineYear: baseline.year }),
      })
    }
  }

  // Better than a year before: "xếp hạng ở vị trí cao hơn năm 2017", "có điểm số cao hơn năm
  // 2023", "tăng bậc so với năm 2022". A rank must rise a place, a score by its smallest step.
  for (const m of clause.matchAll(new RegExp(String.raw`(?:cao\s+hơn|tăng\s+(?:bậc|hạng))(?:\s+so\s+với)?\s+${YEAR}`, 'giu'))) {
    const before = clause.slice(0, m.index)
    const rank = /tăng\s+(?:bậc|hạng)/iu.test(m[0]) || /(?:xếp\s+hạng|vị\s+trí|thứ\s+hạng)\s*(?:\S+\s+){0,3}$/iu.test(before)
    // "tỷ lệ … tăng cao hơn so với năm 2019": a share, so the rise is relative.
    const share = !rank && /tỷ\s+lệ/iu.test(before)
    add({
      start: m.index,
      end: m.index + m[0].length,
      comparator: 'change-vs-baseline',
      value: rank ? -1 : SMALLEST_SCORE_STEP,
      unit: rank ? 'rank' : share ? 'percent' : 'points',
      baselineYear: Number(m[1]),
    })
  }

  // A rank: "xếp trong tốp 10", "nằm trong nhóm 10 địa phương dẫn đầu", "top 10".
  for (const m of clause.matchAll(new RegExp(String.raw`${START}(?:tốp|top|nhóm)\s+(\d+)${END}`, 'giu'))) {
    add({ start: m.index, end: m.index + m[0].length, comparator: 'rank-lte', value: numberOf(m[1] ?? ''), unit: 'rank' })
  }

  // A range: "đạt từ 95% - 100%", "từ 70% đến 100%".
  for (const m of clause.matchAll(new RegExp(String.raw`từ\s+${NUMBER}\s*%\s*(?:-|–|đến)\s*${NUMBER}\s*%`, 'giu'))) {
    add({
      start: m.index,
      end: m.index + m[0].length,
      comparator: 'between',
      value: numberOf(m[1] ?? ''),
      valueMax: numberOf(m[2] ?? ''),
      unit: 'percent',
    })
  }

  // A floor: "từ 90 trở lên", "tối thiểu từ 30%", "ít nhất 03 sáng kiến", "Có từ 50 TTHC".
  // A day ("từ ngày 01/11/2022", "từ 01/11") is a date, not a floor.
  for (const m of clause.matchAll(new RegExp(String.raw`(?:ít\s+nhất|tối\s+thiểu|từ)\s+(?:từ\s+)?${NUMBER}(?![\d/])\s*(%)?`, 'giu'))) {
    const end = m.index + m[0].length
    add({ start: m.index, end, comparator: 'gte', value: numberOf(m[1] ?? ''), unit: unitAt(clause, m.index, end, m[2] === '%') })
  }

  // A bare share: "hoàn thành 100% kế hoạch", "100% số TTHC được công khai", "tích hợp 30% …".
  for (const m of clause.matchAll(new RegExp(String.raw`${NUMBER}\s*%`, 'gu'))) {
    add({ start: m.index, end: m.index + m[0].length, comparator: 'gte', value: numberOf(m[1] ?? ''), unit: 'percent' })
  }

  // A count opening the clause: "30 TTHC hoặc nhóm TTHC được giải quyết …" (not "06 tháng").
  const opening = /^(\d+)(?![\d/,.%])\s+(?!tháng|năm|ngày|quý)\p{L}/iu.exec(clause)
  if (opening?.[1]) {
    add({ start: 0, end: opening[1].length, comparator: 'gte', value: numberOf(opening[1]), unit: 'count' })
  }

  // None at all: "không có TTHC ban hành trái thẩm quyền", "không có cán bộ … bị kỷ luật".
  const none = new RegExp(String.raw`${START}không\s+có${END}`, 'iu').exec(clause)
  if (none && found.length === 0) {
    add({ start: none.index, end: none.index + none[0].length, comparator: 'lte', value: 0, unit: 'count' })
  }

  return found.sort((a, b) => a.start - b.start)
}

/** The year a clause is for: a year it names other than its baseline, else the default. */
function yearOf(clause: string, baselineYear: number | undefined, fallback: number): number {
  for (const m of clause.matchAll(new RegExp(YEAR, 'giu'))) {
    const y = Number(m[1])
    if (y !== baselineYear && !/so\s+(?:với\s+)?$/iu.test(clause.slice(0, m.index))) return y
  }
  return fallback
}

const FILLER = new RegExp(String.raw`^(?:(?:và|hoặc|để|phải|bảo\s+đảm|đảm\s+bảo|đạt|có|trong\s+năm)${END}|[-–+,\s])+`, 'iu')

/** What a phrase measures, in the clause's words: the clause without the phrase and its filler. */
function metricOf(clause: string, found: Found): string {
  let rest: string
  if (found.comparator === 'lte' && found.value === 0) {
    // "không có X": X is what must not happen.
    rest = clause.slice(found.end)
  } else if (found.comparator === 'change-vs-baseline' && found.unit !== 'rank' && found.value !== SMALLEST_SCORE_STEP) {
    // "Tỷ lệ giảm biên chế so với năm 2015 …": what falls is named between the verb and "so".
    const verb = new RegExp(String.raw`${START}(?:giảm|tăng|vượt)${END}(?:\s+thêm)?`, 'iu').exec(clause)
    const so = /\s+so\s+(?:với\s+)?/iu.exec(clause)
    const between = verb && so && so.index > verb.index ? clause.slice(verb.index + verb[0].length, so.index) : ''
    const named = between.replace(/(?:từ\s+)?\d+(?:,\d+)?\s*(?:%|đơn\s+vị)?(?:\s+trở\s+lên)?/giu, '').trim()
    // "vượt chỉ tiêu … so với Kế hoạch": what exceeds the plan is named before the verb.
    const exceeds = /^vượt/iu.test(verb?.[0] ?? '')
    rest = !exceeds && named.split(/\s+/).length >= 2 ? named : clause.slice(0, verb?.index ?? found.start)
  } else {
    // "100% số TTHC …": the share is of the TTHC.
    rest = `${clause.slice(0, found.start)} ${clause.slice(found.end).replace(/^\s*số\s+/u, '')}`
  }
  rest = rest
    .replace(new RegExp(String.raw`\s+trở\s+lên${END}`, 'giu'), '')
    .replace(/\s+/g, ' ')
    .replace(FILLER, '')
    .replace(new RegExp(String.raw`(?:\s+(?:tỷ\s+lệ|đạt|từ|phải)${END}|[\s,.;:–-])+$`, 'iu'), '')
    .replace(/^(?:tỷ\s+lệ)$/iu, '')
    .trim()
  const words = rest.split(' ')
  const short = words.length > 24 ? `${words.slice(0, 24).join(' ')}…` : rest
  return short.charAt(0).toLocaleUpperCase('vi') + short.slice(1)
}

/**
 * The measurable targets a passage of a plan states, one per phrase, each keeping the clause it
 * came from as its `text` and the year it is for.
 *
 * @example
 * // Lào Cai 165/KH-UBND, task 3.4
 * readTargets('Tỷ lệ hồ sơ TTHC … được giải quyết đúng hạn đạt từ 95% - 100%.', { year: 2020 })
 * // [{ metric: 'Tỷ lệ hồ sơ TTHC … được giải quyết đúng hạn', comparator: 'between', value: 95, valueMax: 100, unit: 'percent', year: 2020, text: … }]
 * readTargets('tỷ lệ giảm biên chế so với năm 2015 đạt từ 10% trở lên', { year: 2020 })
 * // [{ comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015, year: 2020, … }]
 */
export function readTargets(text: string, options: ReadTargetsOptions): Target[] {
  const clauses = clausesOf(text.normalize('NFC'))
  return clauses.flatMap(({ text: clause }, i) =>
    phrasesOf(clause, options.year).map((f) => {
      // "Tỷ lệ văn bản … dưới dạng điện tử: đạt từ 90% số văn bản trở lên": a metric of a word or
      // two leaves its name to the topic before the colon.
      const own = metricOf(clause, f)
      const before = clauses[i - 1]
      const topic = before?.colon ? metricOf(before.text, { ...f, comparator: 'gte', start: 0, end: 0 }) : ''
      const metric = own.split(' ').length >= 3 || topic === '' ? own : topic
      return targetOf(clause, f, metric === '' ? clause : metric, options.year)
    }),
  )
}

/**
 * The targets a plan sets for its own index result (its aims, "Mục đích"): total points, rank, or
 * a better result than a baseline year. Shares and counts in the aims are left to the tasks.
 *
 * @example
 * // Thừa Thiên Huế 2024
 * readIndexTargets('phấn đấu năm 2024 có điểm số cao hơn năm 2023 để tỉnh … tiếp tục nằm trong nhóm 10 địa phương dẫn đầu cả nước', { year: 2024, indexName: 'Chỉ số PAPI' })
 * // [{ metric: 'Tổng điểm Chỉ số PAPI', comparator: 'change-vs-baseline', value: 0.0001, unit: 'points', baselineYear: 2023, year: 2024, … },
 * //  { metric: 'Xếp hạng Chỉ số PAPI', comparator: 'rank-lte', value: 10, unit: 'rank', year: 2024, … }]
 */
export function readIndexTargets(text: string, options: ReadIndexTargetsOptions): Target[] {
  const normal = text.normalize('NFC')
  return clausesOf(normal).flatMap(({ text: clause }) =>
    phrasesOf(clause, options.year)
      .filter((f) => f.unit === 'points' || f.unit === 'rank')
      .map((f) => targetOf(clause, f, `${f.unit === 'rank' ? 'Xếp hạng' : 'Tổng điểm'} ${options.indexName}`, options.year)),
  )
}

function targetOf(clause: string, f: Found, metric: string, year: number): Target {
  return {
    metric,
    comparator: f.comparator,
    value: f.value,
    ...(f.valueMax !== undefined && { valueMax: f.valueMax }),
    unit: f.unit,
    ...(f.baselineYear !== undefined && { baselineYear: f.baselineYear }),
    year: yearOf(clause, f.baselineYear, year),
    text: clause.replace(/^[-+–•]\s*/u, '').replace(/[\s;,.]+$/u, ''),
  }
}
