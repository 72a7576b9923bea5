import { signIn, unwrap } from '@papi/client'

const baseUrl = process.env.PAPI_URL ?? 'http://127.0.0.1:8787'
const { client: papi } = await signIn(baseUrl, { username: 'reporter', password: 'papi-demo-2018' })

// What my units must report on in the first half of 2018, each with its report so far (or null).
const mine = unwrap(await papi.GET('/api/v1/my-tasks', { params: { query: { periodId: '2018S1' } } }))
console.log(`${mine.label}: ${mine.tasks.length} tasks to report on`)

const due = mine.tasks.find((t) => t.report === null || t.report.status === 'draft' || t.report.status === 'returned')
if (!due) throw new Error('every task of 2018S1 is reported already')

// Save a draft (version: the one last read, 0 for a new report), then submit that version.
const draft = unwrap(
  await papi.PUT('/api/v1/reports', {
    body: {
      taskId: due.task.id,
      unitId: due.unit.id,
      periodId: mine.periodId,
      workStatus: 'in-progress',
      progress: 40,
      narrative: 'Đã niêm yết công khai kế hoạch tại trụ sở và trên trang thông tin điện tử của phường.',
      version: due.report?.version ?? 0,
    },
  }),
)
const submitted = unwrap(
  await papi.POST('/api/v1/reports/{id}/submit', { params: { path: { id: draft.id } }, body: { version: draft.version } }),
)
console.log(`${due.task.code} ${due.unit.name}: ${submitted.status}, version ${submitted.version}`)
