import { signIn, unwrap } from '@papi/client'

const baseUrl = process.env.PAPI_URL ?? 'http://127.0.0.1:8787'

// A demo account of a papi started with its demo data (they share the password "papi-demo-2018").
const { client: papi, user, expiresAt } = await signIn(baseUrl, { username: 'planner', password: 'papi-demo-2018' })
console.log(`${user.displayName}, signed in until ${expiresAt}`)

// Every call is typed from the OpenAPI document: the path, its parameters, the body and the answer.
const plans = unwrap(await papi.GET('/api/v1/plans'))
for (const plan of plans) console.log(`${plan.number} (${plan.status}): ${plan.title}, ${plan.taskCount} tasks`)

const first = plans[0]
if (first) {
  const plan = unwrap(await papi.GET('/api/v1/plans/{id}', { params: { path: { id: first.id } } }))
  for (const section of plan.sections) console.log(`  ${section.code}. ${section.title}: ${section.tasks.length} tasks`)

  // Files (.xlsx, .docx, .csv) come back as parseAs asks: 'arrayBuffer', 'blob', 'text' or 'stream'.
  const query = { format: 'csv', lang: 'en' } as const
  const csv = unwrap(
    await papi.GET('/api/v1/plans/{id}/exports/task-table', { params: { path: { id: first.id }, query }, parseAs: 'text' }),
  )
  console.log(csv.split('\n')[0])
}
