import { describe, expect, it, vi } from 'vitest'
import { ApiError, NETWORK_ERROR_STATUS } from './api-error'
import { createWebClient, unwrap } from './papi-client'
import { jsonResponse } from '../test/json-response'

function client(answer: () => Response | Promise<Response>, options: { locale?: string; csrf?: string } = {}) {
  const fetch = vi.fn(async (_input: RequestInfo | URL, _init?: RequestInit) => answer())
  const onUnauthenticated = vi.fn()
  const api = createWebClient({
    locale: () => options.locale ?? 'vi',
    csrfToken: () => options.csrf,
    onUnauthenticated,
    fetch,
  })
  const sent = (i = 0) => {
    const [input, init] = fetch.mock.calls[i] ?? []
    return {
      url: String(input),
      method: init?.method,
      headers: new Headers(init?.headers),
      body: init?.body,
      credentials: init?.credentials,
    }
  }
  return { api, fetch, sent, onUnauthenticated }
}

describe('createWebClient', () => {
  it('calls the same origin with the path, query and language the route names', async () => {
    const { api, sent } = client(() => jsonResponse(200, { periodId: '2018S1', label: '', units: [], tasks: [] }))
    await unwrap(api['my-tasks'].$get({ query: { periodId: '2018S1' } }))
    expect(sent()).toMatchObject({ url: '/api/v1/my-tasks?periodId=2018S1', method: 'GET', credentials: 'same-origin' })
    expect(sent().headers.get('accept-language')).toBe('vi')
    expect(sent().headers.get('x-csrf-token')).toBeNull()
  })

  it('sends the CSRF token and a JSON body on writes', async () => {
    const { api, sent } = client(() => jsonResponse(200, {}), { csrf: 'tok', locale: 'en' })
    await unwrap(api.reports[':id'].reopen.$post({ param: { id: 'r-1' }, json: { comment: 'Điều chỉnh số liệu', version: 3 } }))
    expect(sent()).toMatchObject({ url: '/api/v1/reports/r-1/reopen', method: 'POST' })
    expect(sent().headers.get('x-csrf-token')).toBe('tok')
    expect(sent().headers.get('accept-language')).toBe('en')
    expect(JSON.parse(String(sent().body))).toEqual({ comment: 'Điều chỉnh số liệu', version: 3 })
  })

  it('reports a 401 to the session', async () => {
    const { api, onUnauthenticated } = client(() =>
      jsonResponse(401, { error: { code: 'unauthenticated', message: 'Vui lòng đăng nhập.' } }),
    )
    await expect(unwrap(api.me.$get())).rejects.toMatchObject({ status: 401, isUnauthenticated: true })
    expect(onUnauthenticated).toHaveBeenCalledOnce()
    expect(onUnauthenticated.mock.calls[0]?.[0]).toMatchObject({ code: 'unauthenticated', message: 'Vui lòng đăng nhập.' })
  })

  it('turns a lost connection into a network ApiError', async () => {
    const { api } = client(() => {
      throw new TypeError('Failed to fetch')
    })
    const error = await unwrap(api.units.$get({ query: {} })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({ status: NETWORK_ERROR_STATUS, code: 'network' })
  })
})

describe('unwrap', () => {
  it('answers the body of a success', async () => {
    const { api } = client(() => jsonResponse(200, [{ id: 'kg', code: 'KG', name: 'UBND tỉnh Kiên Giang' }]))
    const units = await unwrap(api.units.$get({ query: {} }))
    expect(units[0]?.name).toBe('UBND tỉnh Kiên Giang')
  })

  it('throws the API error with its code, message in the user’s language and details', async () => {
    const body = {
      error: {
        code: 'conflict',
        message: 'Dữ liệu đã thay đổi hoặc xung đột; vui lòng tải lại và thử lại.',
        details: { reason: 'version' },
      },
    }
    const { api } = client(() => jsonResponse(409, body))
    const error = await unwrap(api.reports.$put({ json: { taskId: 't', unitId: 'u', periodId: '2018S1' } })).catch((e: unknown) => e)
    expect(error).toBeInstanceOf(ApiError)
    expect(error).toMatchObject({
      status: 409,
      code: 'conflict',
      isConflict: true,
      message: body.error.message,
      details: { reason: 'version' },
    })
  })

  it('falls back to the status when the body is not the error shape', async () => {
    const { api } = client(() => new Response('Bad Gateway', { status: 502, statusText: 'Bad Gateway' }))
    await expect(unwrap(api.units.$get({ query: {} }))).rejects.toMatchObject({ status: 502, code: 'http-502', message: 'Bad Gateway' })
  })
})
