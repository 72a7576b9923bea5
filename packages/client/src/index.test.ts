import { describe, expect, it } from 'vitest'
import { createClient, PapiError, signIn, unwrap } from './index'

/** A fetch that answers `body` with `status` and keeps the requests it was given. */
function stubFetch(status: number, body: unknown) {
  const requests: Request[] = []
  const fetch = async (request: Request) => {
    requests.push(request)
    return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })
  }
  return { fetch, requests }
}

const errorBody = (code: string, message: string, details?: unknown) => ({ error: { code, message, details, requestId: 'r-1' } })

describe('createClient', () => {
  it('sends the token as a bearer and the language as Accept-Language, under the server root', async () => {
    const stub = stubFetch(200, [])
    const papi = createClient('https://papi.example.gov.vn/', { token: 't0k', language: 'en', fetch: stub.fetch })
    await papi.GET('/api/v1/plans')
    const [request] = stub.requests
    expect(request?.url).toBe('https://papi.example.gov.vn/api/v1/plans')
    expect(request?.headers.get('authorization')).toBe('Bearer t0k')
    expect(request?.headers.get('accept-language')).toBe('en')
  })

  it('sends neither without a token or a language', async () => {
    const stub = stubFetch(200, { status: 'ok' })
    await createClient('http://127.0.0.1:8787', { fetch: stub.fetch }).GET('/api/health')
    expect(stub.requests[0]?.headers.has('authorization')).toBe(false)
    expect(stub.requests[0]?.headers.has('accept-language')).toBe(false)
  })
})

describe('signIn', () => {
  it('answers a client that sends the new session token', async () => {
    const user = { id: 'u1', username: 'reporter', displayName: 'Công chức', disabled: false, roles: [] }
    const stub = stubFetch(200, { token: 'fresh', csrfToken: 'c', expiresAt: '2026-12-05T08:00:00.000Z', user })
    const session = await signIn('http://papi.test', { username: 'reporter', password: 'pw' }, { fetch: stub.fetch })
    expect(session).toMatchObject({ token: 'fresh', user, expiresAt: '2026-12-05T08:00:00.000Z' })
    expect(await stub.requests[0]?.json()).toEqual({ username: 'reporter', password: 'pw' })
    await session.client.GET('/api/v1/me')
    expect(stub.requests[1]?.headers.get('authorization')).toBe('Bearer fresh')
  })

  it('throws the 401 as a PapiError', async () => {
    const stub = stubFetch(401, errorBody('unauthenticated', 'Sai tên đăng nhập hoặc mật khẩu.'))
    const attempt = signIn('http://papi.test', { username: 'reporter', password: 'wrong' }, { fetch: stub.fetch })
    await expect(attempt).rejects.toMatchObject({ name: 'PapiError', status: 401, code: 'unauthenticated', requestId: 'r-1' })
  })
})

describe('unwrap', () => {
  it('answers the data of a success', async () => {
    const papi = createClient('http://papi.test', { fetch: stubFetch(200, { status: 'ok' }).fetch })
    expect(unwrap(await papi.GET('/api/health'))).toEqual({ status: 'ok' })
  })

  it('throws an error answer with its code, message and details', async () => {
    const details = { issues: [{ path: ['periodId'], message: 'period id like 2024S1' }] }
    const papi = createClient('http://papi.test', { fetch: stubFetch(422, errorBody('invalid', 'The data is invalid.', details)).fetch })
    const error = await papi
      .GET('/api/v1/my-tasks', { params: { query: { periodId: 'x' } } })
      .then(unwrap)
      .catch((e: unknown) => e)
    expect(error).toBeInstanceOf(PapiError)
    expect(error).toMatchObject({ status: 422, code: 'invalid', message: 'The data is invalid.', details })
  })

  it("reads an answer that is not papi's (a proxy's 502 page) as internal, keeping the body", async () => {
    const papi = createClient('http://papi.test', { fetch: async () => new Response('Bad Gateway', { status: 502 }) })
    const error = await papi
      .GET('/api/health')
      .then(unwrap)
      .catch((e: unknown) => e)
    expect(error).toMatchObject({ status: 502, code: 'internal', message: 'HTTP 502', details: 'Bad Gateway' })
  })
})
