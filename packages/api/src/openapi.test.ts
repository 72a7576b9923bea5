// The OpenAPI document is a contract outside developers generate clients from (issue #14).
import { describe, expect, it } from 'vitest'
import { createApp } from './app'

const METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const

interface Operation {
  operationId?: string
}

async function openApiDocument(): Promise<{ paths: Record<string, Record<string, Operation>> }> {
  // Building the document reads the routes only: no store is touched.
  const app = createApp({ store: undefined as never })
  return (await app.request('/api/openapi.json')).json() as Promise<{ paths: Record<string, Record<string, Operation>> }>
}

async function operations() {
  const doc = await openApiDocument()
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ route: `${method.toUpperCase()} ${path}`, operationId: item[method]!.operationId })),
  )
}

/**
 * Operation ids published so far. Generated clients name their methods after them, so renaming
 * or dropping one breaks every client built on the document: add new ones, never change these.
 */
const PUBLISHED = [
  'getHealth',
  'logIn',
  'logOut',
  'getMe',
  'listUnits',
  'createUnit',
  'getUnitTree',
  'getUnit',
  'updateUnit',
  'mergeUnit',
  'listRoles',
  'listUsers',
  'createUser',
  'getUser',
  'updateUser',
  'importPlan',
  'listPlans',
  'createPlan',
  'getPlan',
  'replacePlan',
  'publishPlan',
  'listPlanAssignments',
  'listPlanTargets',
  'exportPlanTaskTable',
  'exportPlanReport',
  'describePeriod',
  'listPlanPeriods',
  'openPlanPeriod',
  'updatePlanPeriod',
  'listReports',
  'saveReport',
  'getReport',
  'listReportVersions',
  'submitReport',
  'acceptReport',
  'returnReport',
  'reopenReport',
  'listMyTasks',
  'listFrameworks',
  'listScores',
  'listNotRankedScores',
  'saveScores',
  'exportScores',
  'importScores',
  'getDashboard',
  'listAuditEntries',
]

describe('the OpenAPI document', () => {
  it('names every operation with an operationId (camelCase verb + noun), so generated clients have method names', async () => {
    const unnamed = (await operations()).filter((o) => o.operationId === undefined).map((o) => o.route)
    expect(unnamed, 'add `operationId` to createRoute({ … }) of these routes').toEqual([])
    for (const { route, operationId } of await operations()) {
      expect(operationId, route).toMatch(/^[a-z]+[A-Z][A-Za-z0-9]*$/)
    }
  })

  it('uses each operationId once', async () => {
    const ids = (await operations()).map((o) => o.operationId)
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([])
  })

  it('keeps every published operationId (clients are generated from them)', async () => {
    const ids = new Set((await operations()).map((o) => o.operationId))
    expect(PUBLISHED.filter((id) => !ids.has(id))).toEqual([])
  })
})
