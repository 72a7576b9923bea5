// The worker thread of readPlanDocumentInWorker: reads one document at a time, as asked, and
// answers with the import or the error (its code, message and limit: an Error does not cross
// threads as itself). Not imported by anything; started by read-plan-document-in-worker.ts.
import { parentPort } from 'node:worker_threads'
import { isPlanDocumentError } from './plan-document-error'
import { readPlanDocument } from './read-plan-document'
import type { PlanReaderRequest, PlanReaderResponse } from './read-plan-document-in-worker'

parentPort?.on('message', async (request: PlanReaderRequest) => {
  let response: PlanReaderResponse
  try {
    response = { id: request.id, ok: true, value: await readPlanDocument(request.file, request.options) }
  } catch (error) {
    response = isPlanDocumentError(error)
      ? { id: request.id, ok: false, error: { code: error.code, message: error.message, ...(error.limit && { limit: error.limit }) } }
      : { id: request.id, ok: false, error: { message: error instanceof Error ? (error.stack ?? error.message) : String(error) } }
  }
  parentPort?.postMessage(response)
})
