import type { ConsolidatedReportModel } from './consolidated-report'
import { consolidatedReportDocument, consolidatedReportTable } from './internal/consolidated-report-layout'
import { writeCsv } from './internal/csv-writer'
import { writeDocx } from './internal/docx-writer'
import { writeXlsx } from './internal/xlsx-writer'

/**
 * The consolidated report as an Excel workbook: the first worksheet holds the heading block, the
 * summary and the tasks with their units; then reporting by unit, late units, missing units and
 * targets, one worksheet each.
 *
 * @example
 * const model = consolidatedReportModel({ plan, units, reports, periodId: '2018Q2', asOf: '2018-06-25' })
 * await writeFile('bao-cao-2018Q2.xlsx', await writeConsolidatedReportXlsx(model))
 */
export async function writeConsolidatedReportXlsx(model: ConsolidatedReportModel): Promise<Uint8Array> {
  return writeXlsx(consolidatedReportDocument(model))
}

/**
 * The consolidated report as a Word document per Decree 30/2020/NĐ-CP: heading block, "BÁO CÁO",
 * summary paragraphs, then the five tables (A4 landscape).
 *
 * @example
 * await writeFile('bao-cao-2018Q2.docx', await writeConsolidatedReportDocx(model))
 */
export async function writeConsolidatedReportDocx(model: ConsolidatedReportModel): Promise<Uint8Array> {
  return writeDocx(consolidatedReportDocument(model))
}

/**
 * The consolidated report as CSV: one row per task and responsible unit, every column filled,
 * so the file sorts and filters (UTF-8 with BOM, RFC 4180).
 *
 * @example
 * await writeFile('bao-cao-2018Q2.csv', await writeConsolidatedReportCsv(model))
 */
export async function writeConsolidatedReportCsv(model: ConsolidatedReportModel): Promise<Uint8Array> {
  return writeCsv(consolidatedReportTable(model), model.locale)
}
