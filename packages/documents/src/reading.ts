// @papi/documents/reading: what a server needs to read uploaded documents off its thread — the
// worker that reads plan documents and score tables, and `toPlan` — without loading the readers
// and writers (exceljs, docx, jszip) on the server's thread: their first load held its event loop
// for about half a second (#11), and only the worker needs them to read.
export { readPlanDocumentInWorker, readScoreCsvInWorker, stopPlanReader } from './read-plan-document-in-worker'
export { toPlan } from './to-plan'
