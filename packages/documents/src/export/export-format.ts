// The export formats and their media types, apart from the writers: the API declares its routes
// with them without loading exceljs and docx (those load when a document is written).

/** The file formats every export is written in. */
export const EXPORT_FORMATS = ['xlsx', 'docx', 'csv'] as const
export type ExportFormat = (typeof EXPORT_FORMATS)[number]

/** The media type of each export format (CSV is UTF-8 with a byte-order mark). */
export const EXPORT_MEDIA_TYPES: Readonly<Record<ExportFormat, string>> = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv; charset=utf-8',
}
