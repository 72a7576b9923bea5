import { writeCsv } from './internal/csv-writer'
import { writeDocx } from './internal/docx-writer'
import { taskTable, taskTableDocument } from './internal/task-table-layout'
import { writeXlsx } from './internal/xlsx-writer'
import type { TaskTableModel } from './task-table'

/**
 * The task table as an Excel workbook: one worksheet with the heading block, the title and the
 * table; A4 landscape, header row repeated on every printed page.
 *
 * @example
 * const bytes = await writeTaskTableXlsx(taskTableModel({ plan }))
 * await writeFile('bieu-tong-hop-nhiem-vu.xlsx', bytes)
 */
export async function writeTaskTableXlsx(model: TaskTableModel): Promise<Uint8Array> {
  return writeXlsx(taskTableDocument(model))
}

/**
 * The task table as a Word document laid out per Decree 30/2020/NĐ-CP (A4 landscape).
 *
 * @example
 * const bytes = await writeTaskTableDocx(taskTableModel({ plan, locale: 'en' }))
 */
export async function writeTaskTableDocx(model: TaskTableModel): Promise<Uint8Array> {
  return writeDocx(taskTableDocument(model))
}

/**
 * The task table as CSV (UTF-8 with BOM, RFC 4180), section rows included as the plan's
 * appendix prints them.
 *
 * @example
 * new TextDecoder('utf-8', { ignoreBOM: true }).decode(await writeTaskTableCsv(taskTableModel({ plan }))).split('\r\n')[0]
 * // '\ufeffSTT,Nhiệm vụ,Đơn vị chủ trì,Đơn vị phối hợp,Thời gian thực hiện'
 */
export async function writeTaskTableCsv(model: TaskTableModel): Promise<Uint8Array> {
  return writeCsv(taskTable(model), model.locale)
}
