import type { Locale } from '@papi/domain'

/**
 * How much a document may hold before papi refuses to read it (#10 hole 5). An upload is at
 * most 10 MB on the wire, but a .docx or .xlsx is a zip: 600 KB of it unpacked to 600 MB and took
 * 2.9 GB of memory; 160 KB held 1.1 million paragraphs. Each limit is checked before the work it
 * bounds — unpacked bytes while inflating, paragraphs and rows before parsing them — so a
 * hostile file costs at most what a file at the limits costs. Real plans are far below: Kiên
 * Giang 97/KH-UBND is 31 tasks in ~300 paragraphs; a province's score table has 63 rows.
 */
export const DOCUMENT_LIMITS = {
  /** Bytes a zip entry papi reads (word/document.xml, a sheet) and all of an .xlsx may unpack to. */
  unpackedBytes: 16 * 1024 * 1024,
  /** Paragraphs of a .docx, lines of a .txt. */
  paragraphs: 50_000,
  /** Rows of all the sheets of an .xlsx, rows of a .csv (plans and score tables). */
  rows: 10_000,
} as const

/** What a document exceeded: one of {@link DOCUMENT_LIMITS}, or a plan's sections or tasks (`PLAN_LIMITS`). */
export type DocumentLimitName = keyof typeof DOCUMENT_LIMITS | 'sections' | 'tasks'

const LIMIT_WORDS: Readonly<Record<DocumentLimitName, Readonly<Record<Locale, string>>>> = {
  unpackedBytes: { vi: 'dung lượng sau khi giải nén', en: 'unpacked size' },
  paragraphs: { vi: 'số đoạn văn', en: 'number of paragraphs' },
  rows: { vi: 'số dòng', en: 'number of rows' },
  sections: { vi: 'số mục', en: 'number of sections' },
  tasks: { vi: 'số nhiệm vụ', en: 'number of tasks' },
}

/**
 * The limit named in the caller's language, with its value ("số dòng (tối đa 10.000)").
 *
 * @example
 * limitWords('rows', 10000, 'en') // 'number of rows (at most 10,000)'
 */
export function limitWords(name: DocumentLimitName, max: number, locale: Locale): string {
  const value = name === 'unpackedBytes' ? `${Math.round(max / 2 ** 20)} MB` : max.toLocaleString(locale === 'vi' ? 'vi-VN' : 'en-GB')
  return `${LIMIT_WORDS[name][locale]} (${locale === 'vi' ? 'tối đa' : 'at most'} ${value})`
}
