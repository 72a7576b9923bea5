import type { Store } from '@papi/store'
import { pino } from 'pino'
import { describe, expect, it } from 'vitest'
import { createApp } from './app'

/** An app whose store fails every call (the routes used here reach it only to fail), and its log lines. */
function appWithLog() {
  const lines: Record<string, unknown>[] = []
  const logger = pino({}, { write: (line: string) => void lines.push(JSON.parse(line)) })
  const failing = new Proxy({} as Store, {
    get: () =>
      new Proxy(
        {},
        {
          get: () => async () => {
            throw new Error('database gone')
          },
        },
      ),
  })
  return { app: createApp({ store: failing, logger }), lines }
}

describe('the request log', () => {
  it('writes one line per request, keyed by the requestId the response carries', async () => {
    const { app, lines } = appWithLog()
    const res = await app.request('/api/v1/units', { headers: { 'x-request-id': 'req-1' } })
    expect(res.status).toBe(401)
    expect(res.headers.get('x-request-id')).toBe('req-1')
    expect(lines).toEqual([
      expect.objectContaining({ requestId: 'req-1', method: 'GET', path: '/api/v1/units', status: 401, msg: 'request' }),
    ])
    expect(lines[0]?.ms).toEqual(expect.any(Number))
  })

  it('leaves out health checks (a load balancer polls them every few seconds); they keep the security headers of JSON answers', async () => {
    const { app, lines } = appWithLog()
    const res = await app.request('/api/health')
    expect([res.status, await res.json()]).toEqual([200, { status: 'ok' }])
    expect(res.headers.get('x-request-id')).toMatch(/^health-\w+-\d+$/)
    expect(res.headers.get('content-type')).toBe('application/json')
    expect(res.headers.get('x-content-type-options')).toBe('nosniff')
    expect(res.headers.get('x-frame-options')).toBe('DENY')
    expect(res.headers.get('content-security-policy')).toBe("default-src 'self'; frame-ancestors 'none'")
    expect(res.headers.get('referrer-policy')).toBe('no-referrer')
    expect(lines).toEqual([])
  })

  it('logs an unexpected error under the same requestId the error body names, and the 500 after it', async () => {
    const { app, lines } = appWithLog()
    const res = await app.request('/api/v1/units', { headers: { authorization: 'Bearer t' } })
    const body = (await res.json()) as { error: { code: string; requestId: string } }
    expect([res.status, body.error.code]).toEqual([500, 'internal'])
    const id = body.error.requestId
    expect(lines).toEqual([
      expect.objectContaining({
        requestId: id,
        level: 50,
        msg: 'unexpected error',
        err: expect.objectContaining({ message: 'database gone' }),
      }),
      expect.objectContaining({ requestId: id, status: 500, path: '/api/v1/units' }),
    ])
  })
})

describe('the request language', () => {
  it.each([
    [undefined, 'vi'],
    ['en-US,en;q=0.9', 'en'],
    ['en-GB,en;q=0.9,vi;q=0.5', 'en'],
    ['vi;q=0.4, en;q=0.8', 'en'],
    ['en;q=0.3, vi', 'vi'],
    ['fr-FR, fr;q=0.9', 'vi'],
    ['fr, EN;q=0.5', 'en'],
    ['en;q=0, vi;q=0.1', 'vi'],
    ['*', 'vi'],
  ])('Accept-Language %j answers in %s', async (header, locale) => {
    const { app } = appWithLog()
    const res = await app.request('/api/v1/no-such-route', header === undefined ? {} : { headers: { 'accept-language': header } })
    const message = ((await res.json()) as { error: { message: string } }).error.message
    expect(res.status).toBe(404)
    expect(/[ạảãấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹđ]/i.test(message) ? 'vi' : 'en').toBe(locale)
  })
})
