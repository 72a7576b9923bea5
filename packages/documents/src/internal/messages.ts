// Internal: the one-line messages of import warnings and errors, in both product languages
// (Vietnamese by default, DESIGN.md).

import type { Locale } from '@papi/domain'
import type { DocumentLimitName } from '../document-limits'
import type { PlanDocumentErrorCode } from '../plan-document-error'
import type { ImportWarningCode } from '../plan-import'

export type MessageParams = Readonly<Record<string, string | number | undefined>>

type Templates<K extends string> = Readonly<Record<K, Readonly<Record<Locale, string>>>>

const WARNINGS: Templates<ImportWarningCode> = {
  'ambiguous-assignee': {
    vi: '“{name}” có thể là nhiều đơn vị: {candidates}; cần chọn một',
    en: '“{name}” fits several units: {candidates}; pick one',
  },
  'unmatched-assignee': {
    vi: 'Không tìm thấy đơn vị “{name}” trong cây tổ chức; cần rà soát',
    en: 'No unit of the organisation tree matches “{name}”; review it',
  },
  'unspecified-timeframe': {
    vi: 'Không đọc được thời gian thực hiện “{text}”',
    en: 'Cannot read the time “{text}”',
  },
  'timeframe-from-plan': {
    vi: 'Nhiệm vụ không ghi thời gian; lấy theo thời gian của kế hoạch ({text})',
    en: 'The task names no time; the plan’s period ({text}) is used',
  },
  'section-without-dimension': {
    vi: 'Mục “{title}” không ứng với chỉ số nội dung nào của {framework}',
    en: 'Section “{title}” names no dimension of {framework}',
  },
  'task-without-lead': {
    vi: 'Nhiệm vụ chưa có đơn vị chủ trì',
    en: 'The task has no lead unit',
  },
  'missing-number': {
    vi: 'Không tìm thấy số, ký hiệu của kế hoạch',
    en: 'The plan’s number was not found',
  },
  'incomplete-number': {
    vi: 'Số kế hoạch thiếu phần số (“{number}”)',
    en: 'The plan’s number lacks its digits (“{number}”)',
  },
  'missing-issued-on': {
    vi: 'Không tìm thấy ngày ban hành',
    en: 'The date of issue was not found',
  },
  'issued-on-from-publication': {
    vi: 'Không có ngày ban hành; dùng ngày đăng tin {date}',
    en: 'No date of issue; the publication date {date} is used',
  },
  'missing-issuer': {
    vi: 'Không tìm thấy cơ quan ban hành',
    en: 'The issuing body was not found',
  },
  'issuer-inferred': {
    vi: 'Cơ quan ban hành suy ra từ nội dung: {issuer}',
    en: 'Issuing body inferred from the text: {issuer}',
  },
  'missing-title': {
    vi: 'Không tìm thấy tên kế hoạch; dùng tên tệp “{title}”',
    en: 'No title found; the file name “{title}” is used',
  },
  'index-guessed': {
    vi: 'Tên kế hoạch không nêu chỉ số; coi là {index}',
    en: 'The title names no index; {index} is assumed',
  },
  'years-from-date': {
    vi: 'Tên kế hoạch không nêu năm; lấy năm ban hành {year}',
    en: 'The title names no year; the year of issue {year} is used',
  },
  'no-framework': {
    vi: 'Chưa có bộ chỉ số {index} cho năm {year}; các mục chưa gắn chỉ số nội dung',
    en: 'No {index} framework is known for {year}; sections are not matched to dimensions',
  },
  'implicit-section': {
    vi: 'Có nhiệm vụ đứng trước mọi mục; đã gom vào mục “{title}”',
    en: 'Tasks come before any section row; they are put in section “{title}”',
  },
}

const ERRORS: Templates<PlanDocumentErrorCode> = {
  unreadable: {
    vi: 'Không đọc được tệp {file}: {reason}',
    en: 'Cannot read {file}: {reason}',
  },
  'unsupported-format': {
    vi: 'Không hỗ trợ định dạng của tệp {file}{reason}',
    en: 'The format of {file} is not supported{reason}',
  },
  'no-tasks-found': {
    vi: 'Không tìm thấy bảng nhiệm vụ hay nhiệm vụ đánh số nào trong {file}',
    en: 'No task table or numbered tasks found in {file}',
  },
  'incomplete-plan': {
    vi: 'Kế hoạch thiếu {fields}, chưa lưu được',
    en: 'The plan lacks {fields} and cannot be saved',
  },
  'too-large': {
    vi: 'Tệp {file} quá lớn: vượt quá {limit}',
    en: 'The file {file} is too large: it exceeds the {limit}',
  },
}

function fill(template: string, params: MessageParams): string {
  return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''))
}

export function warningMessage(code: ImportWarningCode, params: MessageParams, locale: Locale): string {
  return fill(WARNINGS[code][locale], params)
}

export function errorMessage(code: PlanDocumentErrorCode, params: MessageParams, locale: Locale): string {
  return fill(ERRORS[code][locale], params)
}

/** Why a file could not be read, for the `unreadable` error. */
export type ReadFailureReason = 'empty' | 'not-text' | 'damaged-docx' | 'no-docx-body' | 'bad-docx-xml' | 'damaged-xlsx' | 'bad-csv'

const REASONS: Templates<ReadFailureReason> = {
  empty: { vi: 'tệp rỗng', en: 'the file is empty' },
  'not-text': { vi: 'không phải văn bản UTF-8', en: 'it is not UTF-8 text' },
  'damaged-docx': { vi: 'tệp .docx bị hỏng hoặc không phải tài liệu Word', en: 'the .docx file is damaged or not a Word document' },
  'no-docx-body': {
    vi: 'tệp .docx không có phần nội dung (word/document.xml)',
    en: 'the .docx file has no document body (word/document.xml)',
  },
  'bad-docx-xml': { vi: 'nội dung tệp .docx không phải XML hợp lệ', en: 'the .docx document body is not valid XML' },
  'damaged-xlsx': { vi: 'tệp .xlsx bị hỏng hoặc không phải bảng tính Excel', en: 'the .xlsx file is damaged or not an Excel workbook' },
  'bad-csv': { vi: 'tệp .csv sai định dạng', en: 'the .csv file is malformed' },
}

export function reasonMessage(reason: ReadFailureReason, locale: Locale): string {
  return REASONS[reason][locale]
}

/** Thrown by the format readers; read-plan-document turns it into an `unreadable` PlanDocumentError. */
export class ReadFailure extends Error {
  readonly reason: ReadFailureReason

  constructor(reason: ReadFailureReason, options?: { cause?: unknown }) {
    super(reason, options)
    this.name = 'ReadFailure'
    this.reason = reason
  }
}

/** Thrown by the readers when a document exceeds one of DOCUMENT_LIMITS; read-plan-document words it. */
export class TooLarge extends Error {
  constructor(
    readonly limit: DocumentLimitName,
    readonly max: number,
  ) {
    super(`over the ${limit} limit of ${max}`)
    this.name = 'TooLarge'
  }
}
