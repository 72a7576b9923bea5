// An outside developer's mistakes, which the packed client's types must catch: the check's tsc
// run fails on each expected error that does not come (types gone to `any`, a declaration that
// lost the generated paths). Never called: tsc reads it, nothing runs it.
import { createClient, type ErrorCode, type OperationId, type operations, type PapiClient, type Schemas } from '@papi/client'

export async function mistakes(papi: PapiClient = createClient('http://127.0.0.1:8787')) {
  // @ts-expect-error a path the API does not have
  await papi.GET('/api/v1/plan')
  // @ts-expect-error a method the path does not have
  await papi.DELETE('/api/v1/reports')
  // @ts-expect-error a required query parameter left out (the dashboard needs unitId)
  await papi.GET('/api/v1/dashboard', { params: { query: { periodId: '2018S1' } } })
  // @ts-expect-error a path parameter left out
  await papi.GET('/api/v1/plans/{id}', { params: { path: {} } })
  // @ts-expect-error progress is a number
  await papi.PUT('/api/v1/reports', { body: { taskId: 't', unitId: 'u', periodId: '2018S1', progress: '40' } })
  // @ts-expect-error a report needs its task, unit and period
  await papi.PUT('/api/v1/reports', { body: { progress: 40 } })

  const { data, error } = await papi.GET('/api/v1/reports/{id}', { params: { path: { id: 'r' } } })
  if (data) {
    const status: Schemas['StoredReport']['status'] = data.status
    const version: number = data.version
    // @ts-expect-error answers are typed: a report has no such field
    data.nope
    return { status, version }
  }
  if (error) {
    const code: ErrorCode = error.error.code
    // @ts-expect-error the code is one of the documented ones, not any string
    const narrowed: 'conflict' = error.error.code
    return { code, narrowed }
  }
}

export const named: OperationId[] = ['listPlans', 'saveReport', 'submitReport', 'listMyTasks']
// @ts-expect-error operation names are the document's operationIds
export const misnamed: OperationId = 'listPlan'
export type SaveReportBody = operations['saveReport']['requestBody']['content']['application/json']
