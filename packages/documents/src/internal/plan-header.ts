// Internal: a plan's own details — number, place and date, issuer, title, signer, index, years,
// goals, the plan it implements — read from its header and opening lines. Vietnamese
// administrative documents follow one layout (Decree 30/2020/NĐ-CP on document formatting):
// issuer top left over "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: …" under it, "<place>, ngày …
// tháng … năm …" on the right, the kind of document in capitals, its subject under it, and the
// signature block "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / <name>" at the end.

import { calendarDate, foldText, parseTimeframe, timeframeYears, type IndexKind } from '@papi/domain'
import type { ImportWarningCode } from '../plan-import'
import type { SourceLine, SourceRef } from './document-content'
import { capitalise, isAllCaps } from './document-content'
import { blockOf, blockTree, type BlockNode } from './prose-blocks'

export interface PlanHeader {
  number: string
  issuedOn?: string
  place?: string
  issuer: string
  title?: string
  signer?: string
  index: IndexKind
  years?: { from: number; to: number }
  /** The year phrase of the title ("năm 2020"), for tasks that name no time of their own. */
  yearsText?: string
  parentPlanNumber?: string
  goals: string[]
}

export interface HeaderNote {
  code: ImportWarningCode
  field: string
  line?: number
}

const SYMBOL = '[\\p{Lu}Đ][\\p{Lu}\\dĐ]*(?:-[\\p{Lu}\\dĐ]+)*'

/** Reads the plan's details; `notes` say what was missing or guessed. */
export function readPlanHeader(lines: readonly SourceLine[]): { header: PlanHeader; notes: HeaderNote[] } {
  const notes: HeaderNote[] = []
  const texts = lines.map((l) => l.text)

  // --- number
  let number = ''
  let numberLine: number | undefined
  for (const line of lines) {
    const m = new RegExp(`^Số\\s*:\\s*(\\d*)\\s*/\\s*(${SYMBOL})`, 'u').exec(line.text)
    if (m) {
      number = `${m[1] ?? ''}/${m[2] ?? ''}`
      numberLine = line.source.line
      break
    }
  }
  // An appendix handed on its own names its plan in its only heading: "(Kèm theo Kế hoạch số
  // 09/KH-UBND ngày 20/02/2012 của UBND tỉnh …)" — the number and the date of issue are those.
  const annexOf = firstMatch(
    texts.slice(0, 12),
    new RegExp(
      `^\\(?\\s*Kèm theo (?:Kế hoạch|Chương trình(?: hành động)?) số\\s*(\\d+)\\s*/\\s*(${SYMBOL})(?:\\s+ngày\\s+(\\d{1,2})\\s*/\\s*(\\d{1,2})\\s*/\\s*(\\d{4}))?`,
      'iu',
    ),
  )
  if (number === '' && annexOf) number = `${annexOf[1]}/${annexOf[2]}`
  if (number === '') {
    // The portal's own lines: "Số hiệu: 165/KH-UBND", or its page title "Văn bản khác 97/KH-UBND".
    // Not any "Kế hoạch số …" in the text: that is another plan (the one this one implements).
    const fallback =
      firstMatch(texts, new RegExp(`^Số hiệu\\s*:?\\s*(\\d+)\\s*/\\s*(${SYMBOL})`, 'u')) ??
      firstMatch(texts.slice(0, 5), new RegExp(`^(?:Văn bản khác|Kế hoạch)\\s+(\\d{1,5})\\s*/\\s*(KH-${SYMBOL})(?![\\p{L}])`, 'u'))
    if (fallback) number = `${fallback[1]}/${fallback[2]}`
  }
  if (number === '') notes.push({ code: 'missing-number', field: 'plan.number' })
  else if (number.startsWith('/')) notes.push({ code: 'incomplete-number', field: 'plan.number', line: numberLine })

  // --- place and date
  let place: string | undefined
  let issuedOn: string | undefined
  for (const line of texts) {
    const m = /^([^,\d]{2,60}?),\s*ngày\s*(\d{1,2})?\s*tháng\s*(\d{1,2})?\s*năm\s*(\d{4})/iu.exec(line)
    if (!m) continue
    place = m[1]?.trim()
    if (m[2] && m[3]) issuedOn = calendarDate(Number(m[4]), Number(m[3]), Number(m[2]))
    break
  }
  if (!issuedOn && annexOf?.[5]) issuedOn = calendarDate(Number(annexOf[5]), Number(annexOf[4]), Number(annexOf[3]))
  if (!issuedOn) {
    const meta = firstMatch(texts, /Ngày ban hành\s*:?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/iu)
    if (meta) issuedOn = calendarDate(Number(meta[3]), Number(meta[2]), Number(meta[1]))
  }
  if (!issuedOn) {
    const published = firstMatch(texts, /Ngày (?:cập nhật|đăng|đăng tải|xuất bản)\s*:?\s*(\d{1,2})\/(\d{1,2})\/(\d{4})/iu)
    if (published) {
      issuedOn = calendarDate(Number(published[3]), Number(published[2]), Number(published[1]))
      if (issuedOn) notes.push({ code: 'issued-on-from-publication', field: 'plan.issuedOn' })
    }
  }
  if (!issuedOn) notes.push({ code: 'missing-issued-on', field: 'plan.issuedOn' })

  // --- issuer
  let issuer = issuerBlock(lines)
  if (!issuer) {
    issuer = inferIssuer(texts, place) ?? ''
    notes.push({ code: issuer ? 'issuer-inferred' : 'missing-issuer', field: 'plan.issuer' })
  }

  // --- title
  const title = titleOf(texts, place, issuer)

  // --- index and years (from the title, else the text)
  const { index, guessed } = indexOf(title ?? '', texts)
  if (guessed) notes.push({ code: 'index-guessed', field: 'plan.index' })
  let yearsFound = yearsOf(title ?? '')
  if (!yearsFound && issuedOn) {
    const year = Number(issuedOn.slice(0, 4))
    yearsFound = { years: { from: year, to: year }, text: `năm ${year}` }
    notes.push({ code: 'years-from-date', field: 'plan.years' })
  }

  const parent = firstMatch(texts.slice(0, 40), new RegExp(`^Thực hiện Kế hoạch số\\s+(\\d+\\s*/\\s*${SYMBOL})`, 'iu'))

  const header: PlanHeader = {
    number,
    issuer,
    index,
    goals: goalsOf(lines),
    ...(issuedOn ? { issuedOn } : {}),
    ...(place ? { place } : {}),
    ...(title ? { title } : {}),
    ...(signerOf(texts) ? { signer: signerOf(texts) } : {}),
    ...(yearsFound ? { years: yearsFound.years, yearsText: yearsFound.text } : {}),
    ...(parent?.[1] ? { parentPlanNumber: parent[1].replace(/\s+/g, '') } : {}),
  }
  return { header, notes }
}

function firstMatch(texts: readonly string[], re: RegExp): RegExpExecArray | undefined {
  for (const text of texts) {
    const m = re.exec(text)
    if (m) return m
  }
  return undefined
}

const REPUBLIC = 'cong hoa xa hoi chu nghia viet nam'

// A rule under the issuer or the motto, typed ("-----") or drawn with box characters ("────").
const RULE_LINE = /^[-_=.*\s\u2500-\u257f]+$/u

/**
 * The capitalised lines above (or beside) "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM": the issuer.
 *
 * In a sheet (or any heading read row by row) the issuer's block and the motto's sit side by
 * side, so their lines interleave: "ỦY BAN NHÂN DÂN", "CỘNG HÒA…", "TỈNH KIÊN GIANG", "Độc lập…".
 * When the issuer's first line shares its row with "CỘNG HÒA…", the block goes on with the first
 * cell of each row under it, down to the rule or the "Số:" line.
 */
function issuerBlock(lines: readonly SourceLine[]): string | undefined {
  const at = lines.findIndex((l) => foldText(l.text) === REPUBLIC)
  if (at < 0) return undefined
  const block: string[] = []
  for (let i = at - 1; i >= Math.max(0, at - 6); i -= 1) {
    const text = lines[i]?.text ?? ''
    if (RULE_LINE.test(text)) {
      if (block.length > 0) break
      continue
    }
    if (!isIssuerLine(text)) break
    block.unshift(text)
  }
  const republic = lines[at] as SourceLine
  const beside = lines[at - 1]
  if (block.length > 0 && beside !== undefined && sameRow(beside.source, republic.source)) {
    let i = at + 1
    while (i < lines.length) {
      const first = lines[i] as SourceLine
      if (RULE_LINE.test(first.text) || !isIssuerLine(first.text)) break
      block.push(first.text)
      // Skip the rest of the row: the motto's side.
      i += 1
      while (i < lines.length && sameRow((lines[i] as SourceLine).source, first.source)) i += 1
    }
  }
  return block.length > 0 ? block.join(' ') : undefined
}

function isIssuerLine(text: string): boolean {
  return isAllCaps(text) && text.length <= 80 && !/^(số|so)\s*:/iu.test(text)
}

/** Whether two lines come from one row of a sheet or table (lines of running text have no row). */
function sameRow(a: SourceRef, b: SourceRef): boolean {
  return a.row !== undefined && a.row === b.row && a.sheet === b.sheet && a.table === b.table
}

const LEVEL = '(tỉnh|thành phố|huyện|quận|thị xã|xã|phường|thị trấn)'
const NAME = '(\\p{Lu}[\\p{L}]*(?:\\s+\\p{Lu}[\\p{L}]*)*)'

/**
 * The issuer when the header does not show it (a commune plan pasted without its header, a news
 * article): the people's committee of the place the plan is dated at, or the one said to have
 * issued it ("Chủ tịch UBND tỉnh đã ban hành Kế hoạch …") with the name of its province.
 */
function inferIssuer(texts: readonly string[], place: string | undefined): string | undefined {
  const body = texts.join('\n')
  if (place) {
    const m = new RegExp(`(?<![\\p{L}])${LEVEL}\\s+${escapeRegExp(place)}(?![\\p{L}])`, 'iu').exec(body)
    if (m?.[1]) return `Ủy ban nhân dân ${m[1].toLocaleLowerCase('vi')} ${place}`
  }
  const issued = new RegExp(`(?:UBND|Ủy ban nhân dân|Uỷ ban nhân dân)\\s+${LEVEL}(?:\\s+${NAME})?\\s+(?:đã\\s+)?ban hành`, 'u').exec(body)
  if (!issued?.[1]) return undefined
  const level = issued[1]
  const name =
    issued[2] ??
    new RegExp(`(?<![\\p{L}])${capitalise(level)}\\s+${NAME}`, 'u').exec(body)?.[1] ??
    new RegExp(`(?<![\\p{L}])${level}\\s+${NAME}`, 'u').exec(body)?.[1]
  return name ? `Ủy ban nhân dân ${level} ${name}` : undefined
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
}

const KIND_LINE = /^ke hoach(?: hanh dong| thuc hien)?$/

/**
 * The title: the kind line ("KẾ HOẠCH HÀNH ĐỘNG") and the subject under it, written in sentence
 * case when typed in capitals, the place's name and acronyms ("PAPI", "PAR INDEX") kept. Without
 * that block, the plan as the text names it ("đã ban hành Kế hoạch … năm 2024").
 */
function titleOf(texts: readonly string[], place: string | undefined, issuer: string): string | undefined {
  const at = texts.findIndex((t) => KIND_LINE.test(foldText(t)) && isAllCaps(t))
  if (at >= 0) {
    const subject: string[] = []
    for (let i = at + 1; i < texts.length; i += 1) {
      const text = texts[i] ?? ''
      if (subject.length > 0 && !(isAllCaps(text) && isAllCaps(subject[0] ?? ''))) break
      subject.push(text)
      if (!isAllCaps(text)) break
    }
    const kind = capitalise((texts[at] ?? '').toLocaleLowerCase('vi'))
    const names = properNames(place, issuer)
    const joined = subject.join(' ')
    const body = isAllCaps(joined) ? restoreCase(joined, names) : lowerFirst(joined)
    return `${kind} ${body}`.trim()
  }
  const issued = firstMatch(texts, /ban hành\s+(Kế hoạch\s+[^.]*?năm\s+\d{4}(?:\s*[-–]\s*\d{4})?)/u)
  if (issued?.[1]) return issued[1]
  const portal = firstMatch(texts.slice(0, 5), /^(Kế hoạch\s.+)$/u)
  return portal?.[1]?.replace(/\s+\d+\/KH-\S+\s+/, ' ')
}

function lowerFirst(text: string): string {
  // Keep "PAPI…" or "UBND…" as they are; lower only a capitalised ordinary word.
  return /^\p{Lu}\p{Ll}/u.test(text) ? text.charAt(0).toLocaleLowerCase('vi') + text.slice(1) : text
}

function properNames(place: string | undefined, issuer: string): string[] {
  const names = new Set<string>()
  if (place) names.add(place)
  const m = new RegExp(`${LEVEL}\\s+(.+)$`, 'iu').exec(issuer)
  if (m?.[2]) {
    const name = m[2]
    names.add(
      isAllCaps(name) ? name.toLocaleLowerCase('vi').replace(/(^|\s)(\p{L})/gu, (_, s, c: string) => s + c.toLocaleUpperCase('vi')) : name,
    )
  }
  return [...names]
}

const ACRONYMS = new Set(['PAPI', 'PAR', 'INDEX', 'SIPAS', 'PCI', 'ICT', 'CCHC', 'UBND', 'HĐND', 'DDCI', 'KH', 'VN'])

function restoreCase(upper: string, names: readonly string[]): string {
  let out = upper.replace(/[\p{L}\p{N}]+/gu, (word) => (ACRONYMS.has(word) ? word : word.toLocaleLowerCase('vi')))
  for (const name of names) {
    out = out.replace(new RegExp(escapeRegExp(name.toLocaleLowerCase('vi')), 'gu'), name)
  }
  return out
}

function indexOf(title: string, texts: readonly string[]): { index: IndexKind; guessed: boolean } {
  const f = foldText(title)
  if (/\bpapi\b/.test(f)) return { index: 'papi', guessed: false }
  if (/\bpar index\b/.test(f)) return { index: 'par-index', guessed: false }
  if (/\bsipas\b/.test(f)) return { index: 'sipas', guessed: false }
  if (/cai cach hanh chinh|\bcchc\b/.test(f)) return { index: 'par-index', guessed: false }
  if (/hai long/.test(f)) return { index: 'sipas', guessed: false }
  if (/quan tri va hanh chinh cong/.test(f)) return { index: 'papi', guessed: false }
  const all = foldText(texts.join(' '))
  const counts: Array<[IndexKind, number]> = [
    ['papi', (all.match(/\bpapi\b/g) ?? []).length],
    ['par-index', (all.match(/\bpar index\b/g) ?? []).length],
    ['sipas', (all.match(/\bsipas\b/g) ?? []).length],
  ]
  counts.sort((a, b) => b[1] - a[1])
  return { index: counts[0]?.[1] ? counts[0][0] : 'papi', guessed: true }
}

function yearsOf(title: string): { years: { from: number; to: number }; text: string } | undefined {
  // The phrase that names the years, widest first; the domain's timeframe reading turns it into years.
  const phrases = [
    /(?:năm|giai đoạn)\s+\d{4}\s*(?:-|–|đến)\s*\d{4}/iu.exec(title)?.[0],
    /năm\s+\d{4}/iu.exec(title)?.[0],
    /(?<!\d)20\d{2}(?!\d)/u.exec(title)?.[0],
  ]
  for (const phrase of phrases) {
    const years = phrase === undefined ? undefined : timeframeYears(parseTimeframe(phrase))
    if (years === undefined) continue
    return { years, text: years.from === years.to ? `năm ${years.from}` : (phrase as string) }
  }
  return undefined
}

const PERSON = /^\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4}$/u

/** The name under the signature block ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH / Phạm Vũ Hồng"). */
function signerOf(texts: readonly string[]): string | undefined {
  for (let i = 0; i < texts.length; i += 1) {
    const f = foldText(texts[i] ?? '')
    if (!/^(?:tm|kt|tl|q) /.test(f) && !/^(?:pho )?chu tich$/.test(f)) continue
    for (let j = i + 1; j < Math.min(texts.length, i + 8); j += 1) {
      const text = (texts[j] ?? '').trim()
      if (PERSON.test(text) && !isAllCaps(text)) return text
    }
  }
  const meta = firstMatch(texts, /Người ký\s*:?\s*(\p{Lu}\p{Ll}*(?:\s+\p{Lu}\p{Ll}*){1,4})/u)
  return meta?.[1]
}

/** The plan's aims: the items under "Mục đích" (or "Mục tiêu") in part I. */
function goalsOf(lines: readonly SourceLine[]): string[] {
  const blocks = lines.map(blockOf).filter((b) => b !== undefined)
  const roots = blockTree(blocks)
  const aims = (nodes: readonly BlockNode[]): BlockNode | undefined => {
    for (const node of nodes) {
      // The portal drops letters now and then ("Mc đích"), hence the loose match.
      if (node.block.kind === 'item' && /^m\w{0,2}c (?:dich|tieu)\b/.test(foldText(node.block.text))) return node
      const inner = node.block.kind === 'part' ? aims(node.children) : undefined
      if (inner) return inner
    }
    return undefined
  }
  const found = aims(roots.filter((n) => n.block.kind === 'part').slice(0, 2))
  if (found) {
    return found.children
      .filter((c) => c.block.kind !== 'para' || found.children.every((x) => x.block.kind === 'para'))
      .map((c) => capitalise(c.block.text.trim().replace(/[;,\s]+$/, '')))
      .filter(Boolean)
  }
  const stated = firstMatch(
    lines.map((l) => l.text),
    /(?:đặt ra|với)\s+mục tiêu\s*[,:]?\s*(.+)$/iu,
  )
  return stated?.[1] ? [capitalise(stated[1].trim())] : []
}
