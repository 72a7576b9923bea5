import { createClient, PapiError, signIn, unwrap } from '@papi/client'

const baseUrl = process.env.PAPI_URL ?? 'http://127.0.0.1:8787'

// Every error has one shape: { error: { code, message, details, requestId } }, typed on `error`.
const anonymous = createClient(baseUrl)
const { error, response } = await anonymous.POST('/api/v1/auth/login', { body: { username: 'reporter', password: 'wrong' } })
if (error) console.log(response.status, error.error.code, error.error.message) // 401 unauthenticated, in Vietnamese

// Or let unwrap (and signIn) throw it as a PapiError; `language: 'en'` asks for English messages.
try {
  await signIn(baseUrl, { username: 'reporter', password: 'wrong' }, { language: 'en' })
} catch (e) {
  if (!(e instanceof PapiError)) throw e
  console.log(e.status, e.code, e.message)
}

// `invalid` (422) names each wrong field in details.
const { client: papi } = await signIn(baseUrl, { username: 'reporter', password: 'papi-demo-2018' }, { language: 'en' })
try {
  unwrap(await papi.GET('/api/v1/my-tasks', { params: { query: { periodId: 'first half of 2018' } } }))
} catch (e) {
  if (!(e instanceof PapiError) || e.code !== 'invalid') throw e
  console.log(e.status, e.code, JSON.stringify(e.details))
}

// A missing record is `not-found` (404); quote the requestId when asking for help.
const { error: missing } = await papi.GET('/api/v1/plans/{id}', { params: { path: { id: '00000000-0000-4000-8000-000000000000' } } })
console.log(missing?.error.code, missing?.error.requestId)
