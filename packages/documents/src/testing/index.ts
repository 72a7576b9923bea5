// `@papi/documents/testing`: reads written documents back as text, so tests of the apps that
// serve or write them (API downloads, `papi export`) can check what is inside. Named re-exports only.

export { readCsv } from './read-csv'
export { readDocx } from './read-docx'
export type { DocxContent } from './read-docx'
export { readXlsx } from './read-xlsx'
export type { XlsxSheet } from './read-xlsx'
export { docxBomb, docxDeeplyNested, docxEntityBomb, docxManyParagraphs, xlsxManyRows } from './hostile-documents'
// The Kiên Giang seed plan typed into Word and Excel: what the importer fuzzing mangles.
export { kienGiangDocx, kienGiangParts, kienGiangXlsx, planPartsDocx, planPartsXlsx } from '../internal/seed-fixtures'
export type { PlanParts } from '../internal/seed-fixtures'
