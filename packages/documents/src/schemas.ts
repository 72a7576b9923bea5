// @papi/documents/schemas: what a server needs to DECLARE its document routes — the import
// result's schema, the document error guard, the export formats — without loading the readers and
// writers (exceljs, docx, jszip), which `@papi/documents` loads; import that one lazily, when a
// document is handled.
export { PlanImportSchema } from './plan-import'
export type { PlanImport } from './plan-import'
export { PlanDocumentError, isPlanDocumentError } from './plan-document-error'
export { EXPORT_FORMATS, EXPORT_MEDIA_TYPES } from './export/export-format'
export type { ExportFormat } from './export/export-format'
