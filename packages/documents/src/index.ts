// Public surface of @papi/documents: named re-exports only. Import side (reading plans, score
// tables); export writers live in their own modules.

// --- plan-import
export {
  ImportWarningCodeSchema,
  ImportWarningSchema,
  ImportWhereSchema,
  ImportedPlanSchema,
  ImportedSectionSchema,
  ImportedTaskSchema,
  PlanImportSchema,
} from './plan-import'
export type {
  ImportWarning,
  ImportWarningCode,
  ImportWhere,
  ImportedPlan,
  ImportedSection,
  ImportedTask,
  PlanImport,
} from './plan-import'

// --- plan-document-error
export { PlanDocumentError, PlanDocumentErrorCodeSchema, isPlanDocumentError } from './plan-document-error'
export type { PlanDocumentErrorCode } from './plan-document-error'

// --- document-limits
export { DOCUMENT_LIMITS, limitWords } from './document-limits'
export type { DocumentLimitName } from './document-limits'

// --- read-plan-document
export { readPlanDocument } from './read-plan-document'
export type { ImportProgress, PlanDocumentFile, PlanDocumentFormat, ReadPlanOptions } from './read-plan-document'

// --- read-plan-document-in-worker (the same, off the caller's event loop)
export { readPlanDocumentInWorker, readScoreCsvInWorker, stopPlanReader } from './read-plan-document-in-worker'

// --- to-plan
export { toPlan } from './to-plan'

// --- score-csv (tables of published index results)
export { readScoreCsv, writeScoreCsv } from './score-csv'
export type { NotRankedCsvRow, ScoreCsvIssue, ScoreCsvOptions, ScoreCsvRead, ScoreCsvRow } from './score-csv'

// --- normalize-text
export { normalizeText } from './normalize-text'

// --- export (task tables and consolidated reports as .xlsx, .docx, .csv)
export { consolidatedReportModel } from './export/consolidated-report'
export type {
  ConsolidatedReportInput,
  ReportNarrative,
  ConsolidatedReportModel,
  ReportSectionLine,
  ReportTaskLine,
  ReportUnitLine,
  ReportUnitStats,
  TargetLine,
  UnitReportGap,
} from './export/consolidated-report'
export { documentInfo } from './export/document-info'
export type { DocumentInfo } from './export/document-info'
export { issuerInSentence, issuerLines, issuerSymbol, nationalHeading, placeDateLine, signatureBlock } from './export/national-heading'
export type { HeadingLine, NationalHeading, NationalHeadingInput, SignatureBlock } from './export/national-heading'
export { taskTableModel } from './export/task-table'
export type { TaskTableInput, TaskTableModel, TaskTableRow, TaskTableSection, TaskTableStatus } from './export/task-table'
export {
  writeConsolidatedReportCsv,
  writeConsolidatedReportDocx,
  writeConsolidatedReportXlsx,
} from './export/write-consolidated-report'
export { writeTaskTableCsv, writeTaskTableDocx, writeTaskTableXlsx } from './export/write-task-table'
export { EXPORT_FORMATS, EXPORT_MEDIA_TYPES, exportFileName, planExport, writePlanExport } from './export/plan-export'
export type { ExportFormat, PlanExport, PlanExportRequest, PlanExportSource } from './export/plan-export'
