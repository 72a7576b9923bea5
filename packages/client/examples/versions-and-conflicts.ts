import { PapiError, signIn, unwrap } from '@papi/client'

const baseUrl = process.env.PAPI_URL ?? 'http://127.0.0.1:8787'
const { client: papi } = await signIn(baseUrl, { username: 'planner', password: 'papi-demo-2018' })

// Reports (and plans) carry a version: a write names the version it read, and the server refuses
// it with `conflict` (409) when someone saved in between. Reload, merge, write again.
const mine = unwrap(await papi.GET('/api/v1/my-tasks', { params: { query: { periodId: '2018S1' } } }))
const due = mine.tasks.find((t) => t.report === null)
if (!due) throw new Error('every task of 2018S1 has a report already')
const report = { taskId: due.task.id, unitId: due.unit.id, periodId: mine.periodId }

const mineFirst = unwrap(await papi.PUT('/api/v1/reports', { body: { ...report, progress: 20, version: 0 } }))
console.log(`saved version ${mineFirst.version}`)

// A colleague's edit from the same version 0 comes too late:
try {
  unwrap(await papi.PUT('/api/v1/reports', { body: { ...report, progress: 30, version: 0 } }))
} catch (e) {
  if (!(e instanceof PapiError) || e.code !== 'conflict') throw e
  console.log(e.status, e.code, e.message)
  const current = unwrap(await papi.GET('/api/v1/reports/{id}', { params: { path: { id: mineFirst.id } } }))
  const saved = unwrap(await papi.PUT('/api/v1/reports', { body: { ...report, progress: 30, version: current.version } }))
  console.log(`saved version ${saved.version} over version ${current.version}`)
}
