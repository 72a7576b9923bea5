import type { Dimension } from './framework'
import { foldText } from './text'

/** What {@link matchDimension} needs of a framework: its dimensions' keys and names. */
export interface DimensionNames {
  dimensions: ReadonlyArray<Pick<Dimension, 'key' | 'name'>>
}

/**
 * Words plans use for each dimension besides its official name, folded (no diacritics, lower
 * case, punctuation as spaces). Keyed by dimension key, so one list serves every version of a
 * framework: only keys the framework has are tried.
 */
const KEYWORDS: Readonly<Record<string, readonly string[]>> = {
  // PAPI (papi.org.vn)
  participation: [
    'tham gia cua nguoi dan',
    'su tham gia cua nguoi dan',
    'nguoi dan duoc tham gia',
    'nguoi dan tham gia',
    'dan chu o co so',
    'dan chu co so',
    'participation',
  ],
  transparency: ['cong khai minh bach', 'minh bach', 'transparency'],
  'vertical-accountability': ['trach nhiem giai trinh', 'accountability'],
  'corruption-control': ['kiem soat tham nhung', 'phong chong tham nhung', 'tham nhung', 'corruption'],
  'administrative-procedures': ['cai cach thu tuc hanh chinh', 'thu tuc hanh chinh', 'tthc', 'administrative procedure'],
  'public-service-delivery': ['cung ung dich vu cong', 'dich vu cong', 'public service'],
  'environmental-governance': ['quan tri moi truong', 'moi truong', 'environmental'],
  'e-governance': ['quan tri dien tu', 'e governance'],
  // PAR INDEX (Decisions 1149/QĐ-BNV of 2020, 876/QĐ-BNV of 2022, and the 30c/NQ-CP area names)
  direction: ['chi dao dieu hanh', 'cong tac chi dao'],
  'legal-documents': ['van ban quy pham phap luat', 'van ban qppl', 'qppl', 'cai cach the che', 'the che'],
  apparatus: ['to chuc bo may', 'bo may hanh chinh'],
  'civil-service': ['doi ngu can bo', 'can bo cong chuc vien chuc', 'che do cong vu', 'cong vu'],
  'public-finance': ['tai chinh cong'],
  'e-government': ['hien dai hoa hanh chinh', 'chinh quyen dien tu', 'chinh phu dien tu', 'chinh quyen so', 'ung dung cong nghe thong tin'],
  impact: ['tac dong'],
  // SIPAS
  'access-to-services': ['tiep can dich vu'],
  'civil-servants': ['cong chuc truc tiep'],
  'service-results': ['ket qua giai quyet', 'ket qua dich vu'],
  'feedback-handling': ['gop y phan anh kien nghi', 'phan anh kien nghi'],
}

/**
 * The key of the framework dimension a section title is about, or `undefined` when the title
 * names none (a section per unit, "Tổ chức thực hiện"). Diacritics, case and punctuation do not
 * matter. The dimension's own name wins — named in full in the title, or the title a shortened
 * form of exactly one name ("Thủ tục hành chính"); then the words plans use for it, the one
 * named first deciding ("Kiểm soát tham nhũng trong các dịch vụ công ích" is about corruption,
 * not service delivery).
 *
 * @example
 * matchDimension('Tham gia của người dân ở cấp cơ sở', frameworkFor('papi', 2018)!) // 'participation'
 * matchDimension('Trách nhiệm giải trình với nhân dân', frameworkFor('papi', 2018)!) // 'vertical-accountability'
 * matchDimension('Hiện đại hóa hành chính', frameworkFor('par-index', 2020)!) // 'e-government'
 * matchDimension('Trách nhiệm của Sở Nội vụ', frameworkFor('par-index', 2020)!) // undefined
 */
export function matchDimension(title: string, framework: DimensionNames): string | undefined {
  const t = foldText(title)
  if (t === '') return undefined

  const byName = framework.dimensions.filter((d) => {
    const names = [foldText(d.name.vi), foldText(d.name.en)]
    return names.some((name) => contains(t, name))
  })
  if (byName.length === 1) return byName[0]?.key
  const shortened = framework.dimensions.filter((d) => t.split(' ').length >= 2 && contains(foldText(d.name.vi), t))
  if (byName.length === 0 && shortened.length === 1) return shortened[0]?.key

  let best: { key: string; at: number; length: number } | undefined
  for (const d of framework.dimensions) {
    for (const keyword of KEYWORDS[d.key] ?? []) {
      const at = indexOfWords(t, keyword)
      if (at < 0) continue
      if (!best || at < best.at || (at === best.at && keyword.length > best.length)) {
        best = { key: d.key, at, length: keyword.length }
      }
    }
  }
  return best?.key ?? (byName.length > 0 ? byName[0]?.key : undefined)
}

/** Where `words` start in `text` as whole words, or -1. */
function indexOfWords(text: string, words: string): number {
  const at = ` ${text} `.indexOf(` ${words} `)
  return at
}

function contains(text: string, words: string): boolean {
  return words !== '' && indexOfWords(text, words) >= 0
}
