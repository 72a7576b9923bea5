// Reads a written .xlsx back as text, for tests (here and in the apps), through `@papi/documents/testing`.
import ExcelJS from 'exceljs'

export interface XlsxSheet {
  name: string
  /** Rows top to bottom, each cell's text; a merged range's text stands in its first cell only. */
  rows: string[][]
}

/**
 * Every worksheet of a workbook as rows of cell texts.
 *
 * @example
 * const [sheet] = await readXlsx(await writeTaskTableXlsx(model))
 * sheet?.rows[0]?.[0] // 'ỦY BAN NHÂN DÂN'
 */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ArrayBuffer)
  return workbook.worksheets.map((sheet) => {
    const rows: string[][] = []
    for (let r = 1; r <= sheet.rowCount; r += 1) {
      const row: string[] = []
      for (let c = 1; c <= sheet.columnCount; c += 1) {
        const cell = sheet.getCell(r, c)
        row.push(cell.isMerged && cell.master.address !== cell.address ? '' : cell.text)
      }
      rows.push(row)
    }
    return { name: sheet.name, rows }
  })
}
