import { describe, expect, it } from 'vitest'
import { ApiFailure, failure, ok, okStreamed } from './api'

const json = (body: unknown, status = 200, type = 'application/json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } })

describe('ok', () => {
  it('answers the JSON of a success, and nothing for 204', async () => {
    expect(await ok(json({ revoked: 2 }))).toEqual({ revoked: 2 })
    expect(await ok(Promise.resolve(new Response(null, { status: 204 })))).toBeUndefined()
  })

  it('throws the API’s own message, status, code and details for any other answer', async () => {
    const error = await ok(json({ error: { code: 'conflict', message: 'Có người đã sửa trước', details: { version: 3 } } }, 409)).catch(
      (e: unknown) => e,
    )
    expect(error).toBeInstanceOf(ApiFailure)
    expect(error).toMatchObject({ message: 'Có người đã sửa trước', status: 409, code: 'conflict', details: { version: 3 } })
  })

  it('names a refusal by the domain’s label in the language asked for, which says what to do instead', async () => {
    const refused = () => json({ error: { code: 'conflict', message: 'x', details: { reason: 'unit-in-use' } } }, 409)
    await expect(ok(refused(), 'en')).rejects.toThrow('The unit is in use; end it instead of deleting it')
    await expect(ok(refused(), 'vi')).rejects.toThrow('Đơn vị đang được sử dụng; hãy cho kết thúc thay vì xóa')
  })

  it('falls back to the status when the answer is not the papi error shape', async () => {
    await expect(ok(new Response('<html>Bad Gateway</html>', { status: 502 }))).rejects.toMatchObject({ message: 'HTTP 502', status: 502 })
  })
})

describe('failure', () => {
  it('throws for a plain fetch’s answer too (the binary routes)', async () => {
    await expect(failure(json({ error: { code: 'forbidden', message: 'Không có quyền' } }, 403))).rejects.toMatchObject({
      message: 'Không có quyền',
      code: 'forbidden',
    })
  })
})

describe('okStreamed', () => {
  const ndjson = (lines: unknown[]) => json(lines.map((l) => JSON.stringify(l)).join('\n'), 200, 'application/x-ndjson')

  it('reports each progress line and answers the result line without its type', async () => {
    const steps: number[] = []
    const result = await okStreamed(
      ndjson([
        { type: 'progress', phase: 'units', done: 1, total: 2 },
        { type: 'progress', phase: 'units', done: 2, total: 2 },
        { type: 'result', units: { created: 2 } },
      ]),
      (p) => steps.push(p.done),
    )
    expect(steps).toEqual([1, 2])
    expect(result).toEqual({ units: { created: 2 } })
  })

  it('throws an error line as an ApiFailure, and a stream that ends before its result', async () => {
    await expect(okStreamed(ndjson([{ type: 'error', error: { code: 'internal', message: 'Lỗi' } }]), () => {})).rejects.toMatchObject({
      message: 'Lỗi',
      code: 'internal',
    })
    await expect(okStreamed(ndjson([{ type: 'progress', phase: 'links', done: 0, total: 9 }]), () => {})).rejects.toThrow(
      'the answer ended before its result',
    )
  })

  it('reads an answer that does not stream as ok() does', async () => {
    expect(await okStreamed(json({ units: { created: 0 } }), () => {})).toEqual({ units: { created: 0 } })
  })
})
