// Internal: who leads and who coordinates a task written as a sentence ("Sở Nội vụ chủ trì,
// phối hợp với Sở Kế hoạch và Đầu tư … tham mưu …"), and the time it names, if any.

import { KNOWN_UNIT_NAMES, isAssigneeList, parseAssignees, type ParsedAssignee } from '@papi/domain'

// Verbs and role phrases that end the name of who does something in these plans: whole words,
// lower case, diacritics kept ("có" is not "cơ", "cần" is not "cán"). Known unit names and
// classes are checked as wholes, so words inside them ("Sở Thông tin và Truyền thông") do not count.
const MARKERS = [
  'chủ trì',
  'phối hợp',
  'có nhiệm vụ',
  'có trách nhiệm',
  'chịu trách nhiệm',
  'làm đầu mối',
  'là cơ quan',
  'là đầu mối',
  'chủ động',
  'chú trọng',
  'triển khai',
  'thực hiện',
  'tổ chức',
  'quan tâm',
  'tăng cường',
  'tiếp tục',
  'báo cáo',
  'hướng dẫn',
  'theo dõi',
  'tham mưu',
  'căn cứ',
  'xây dựng',
  'kiểm tra',
  'tích cực',
  'phát huy',
  'đẩy mạnh',
  'nâng cao',
  'rà soát',
  'bố trí',
  'đôn đốc',
  'giám sát',
  'tập trung',
  'nghiên cứu',
  'phổ biến',
  'tuyên truyền',
  'vận động',
  'điều tra',
  'khảo sát',
  'đề xuất',
  'ban hành',
  'cần',
  'phải',
  'giúp',
  'cập nhật',
  'công khai',
  'chỉ đạo',
  'đảm bảo',
  'bảo đảm',
  'duy trì',
  'thường xuyên',
  'định kỳ',
  'hàng năm',
  'hằng năm',
  'gửi',
  'lồng ghép',
  'ứng dụng',
  'đưa tin',
  'có',
  'là',
]
// Words that end a list of coordinators as well ("phối hợp với X trong quá trình …").
const LIST_ENDS = ['trong', 'để', 'nhằm', 'về', 'tại', 'theo', 'khi', 'đối với', 'qua']

const KNOWN_NAMES: ReadonlySet<string> = new Set(KNOWN_UNIT_NAMES.map((k) => k.name))

/** Offsets (into `text`) where each phrase starts as whole words, case aside. */
function positionsOf(text: string, phrases: readonly string[]): number[] {
  const words = [...text.normalize('NFC').matchAll(/[\p{L}\p{N}]+/gu)].map((m) => ({
    at: m.index,
    word: m[0].toLocaleLowerCase('vi'),
  }))
  const out: number[] = []
  for (let i = 0; i < words.length; i += 1) {
    for (const phrase of phrases) {
      const parts = phrase.split(' ')
      if (parts.every((p, k) => words[i + k]?.word === p)) {
        out.push(words[i]!.at)
        break
      }
    }
  }
  return out
}

/** Whether text holds a verb or a preposition, which a unit's name does not. */
function containsMarker(text: string): boolean {
  return positionsOf(text, [...MARKERS, ...LIST_ENDS]).length > 0
}

/**
 * The units a piece of text names, when it names nothing else: every piece a known unit, a
 * class, or a short unit-like name with no verb in it.
 */
function asAssignees(candidate: string): ParsedAssignee[] | undefined {
  const text = candidate
    .replace(/\([^()]*\)/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/^[\s,;:.]+|[\s,;:.]+$/g, '')
  if (text === '' || text.length > 240 || !isAssigneeList(text)) return undefined
  const parsed = parseAssignees(text)
  if (parsed.length === 0) return undefined
  for (const a of parsed) {
    if (a.unitClass || KNOWN_NAMES.has(a.name)) continue
    if (containsMarker(a.text) || a.text.split(/\s+/).length > 10) return undefined
  }
  return parsed
}

/**
 * The first sentence: up to ". " before a capital letter, or the end. Not up to ";": a list of
 * units is written with it ("Các sở, ban, ngành tỉnh; UBND các huyện, thị xã, thành phố; …").
 */
function firstSentence(text: string): string {
  const m = /\.\s+(?=\p{Lu})/u.exec(text)
  return m ? text.slice(0, m.index) : text
}

// "Đề nghị Ủy ban MTTQ Việt Nam tỉnh chủ trì …", "Giao Sở Nội vụ …", "Yêu cầu …": the unit follows.
const REQUEST = /^(?:đề nghị|giao cho|giao|yêu cầu)\s+/iu

/**
 * Who the sentence names before what they do: "UBND cấp xã có nhiệm vụ …", "Thanh tra tỉnh chủ
 * trì …", "Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp huyện … chú trọng …". The longest
 * opening that reads as units and is followed by a verb wins.
 */
export function subjectOf(text: string): ParsedAssignee[] | undefined {
  const sentence = firstSentence(text.trim()).replace(REQUEST, '')
  const cuts = positionsOf(sentence, MARKERS).sort((a, b) => b - a)
  for (const cut of cuts) {
    if (cut === 0) continue
    const found = asAssignees(sentence.slice(0, cut))
    if (found) return found
  }
  return undefined
}

const HEADING_PREFIX = /^(?:trách nhiệm của|nhiệm vụ của|đề nghị|giao cho|giao|yêu cầu|đối với)\s+/iu

/**
 * Who a heading or introduction puts in charge: "Trách nhiệm của Sở Nội vụ (cơ quan thường
 * trực CCHC)", "Văn phòng UBND xã", "Đề nghị Ủy ban MTTQ Việt Nam xã …", "Giao cán bộ, công chức
 * UBND xã cần …".
 */
export function leadOfHeading(heading: string): ParsedAssignee[] | undefined {
  const text = heading.replace(/[:.\s]+$/, '').replace(HEADING_PREFIX, '')
  return asAssignees(text) ?? subjectOf(text)
}

/**
 * Who an introductory paragraph puts in charge, also when the name is not at its start
 * ("Căn cứ chức năng, nhiệm vụ … của cán bộ, công chức UBND xã chủ động tổ chức thực hiện").
 */
export function leadOfIntro(text: string): ParsedAssignee[] | undefined {
  const own = subjectOf(text.replace(HEADING_PREFIX, ''))
  if (own) return own
  const sentence = firstSentence(text)
  for (const cut of positionsOf(sentence, MARKERS)) {
    const before = sentence.slice(0, cut)
    const starts = [...before.matchAll(/(?:^|[\s,;])(?=[\p{L}])/gu)].map((m) => m.index + m[0].length)
    for (const start of starts) {
      const found = asAssignees(before.slice(start))
      if (found) return found
    }
  }
  return undefined
}

const COORDINATE = /(?<![\p{L}])phối hợp(?:\s+chặt chẽ)?(?:\s+với)?\s+/giu

/**
 * Everyone the text says to work with: "phối hợp (chặt chẽ) (với) X <verb>…", each occurrence.
 *
 * @example
 * coordinatorsIn('Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư và các cơ quan liên quan tham mưu …')
 * // [Sở Kế hoạch và Đầu tư, các cơ quan liên quan]
 */
export function coordinatorsIn(text: string): ParsedAssignee[] {
  const out: ParsedAssignee[] = []
  for (const m of text.matchAll(COORDINATE)) {
    const rest = text.slice(m.index + m[0].length)
    const hardEnd = /[(.;:\n]/.exec(rest)?.index ?? rest.length
    const span = rest.slice(0, hardEnd)
    const cuts = [...positionsOf(span, [...MARKERS, ...LIST_ENDS]), span.length].sort((a, b) => b - a)
    for (const cut of cuts) {
      if (cut === 0) continue
      const found = asAssignees(span.slice(0, cut))
      if (found) {
        out.push(...found)
        break
      }
    }
  }
  return out
}

const DEADLINE = /(?<![\p{L}])(?:trước|chậm nhất(?:\s+là)?|hạn chót)\s+(?:ngày\s+)?\d{1,2}\/\d{1,2}(?:\/\d{4})?/giu
const RECURRING =
  /(?<![\p{L}])(?:(?:định kỳ\s+)?(?:hàng|hằng)\s+(?:quý|tháng|năm)|định kỳ\s+(?:quý|6 tháng|sáu tháng|tháng|năm))(?:\s*(?:,|và)\s*(?:6 tháng|sáu tháng|quý|năm|tháng))*(?![\p{L}])/iu
const ONGOING = /(?:^|[.;:]\s+)(thường xuyên)(?![\p{L}])/iu
const WINDOW = /(?<![\p{L}])(?:trong\s+)?(?:quý\s+[IVX]+(?:\s*,\s*[IVX]+)*|tháng\s+\d{1,2})\s*(?:\/|năm)\s*\d{4}/iu

/**
 * The time a task's text names, as written, for `parseTimeframe`: its deadlines ("trước ngày
 * 03/6 …; … trước ngày 25/10/2023"), a recurrence ("Định kỳ hàng quý, 6 tháng, năm"), "Thường
 * xuyên" opening a sentence (not "chi thường xuyên", recurrent spending), or a month or quarter
 * of a year. Undefined when it names none.
 */
export function timePhraseOf(text: string): string | undefined {
  const deadlines = [...text.matchAll(DEADLINE)].map((m) => m[0])
  if (deadlines.length > 0) return deadlines.join('; ')
  const recurring = RECURRING.exec(text)
  if (recurring) return recurring[0]
  const ongoing = ONGOING.exec(text)
  if (ongoing) return ongoing[1]
  return WINDOW.exec(text)?.[0]
}
