import { describe, expect, it } from 'vitest'
import { jsonStream } from './json-stream'

async function chunksOf(stream: ReadableStream<Uint8Array>): Promise<Uint8Array[]> {
  const chunks: Uint8Array[] = []
  for await (const chunk of stream) chunks.push(chunk)
  return chunks
}

async function textOf(value: unknown): Promise<string> {
  return Buffer.concat(await chunksOf(jsonStream(value))).toString('utf8')
}

describe('jsonStream', () => {
  it.each([
    ['a string', 'Ủy ban nhân dân xã Vĩnh Hòa Hưng Bắc'],
    ['a number', 12.5],
    ['null', null],
    ['a boolean', false],
    ['an empty object and array', { a: {}, b: [] }],
    ['properties left out: undefined, functions, symbols', { a: undefined, b: () => 1, c: Symbol('s'), d: 1 }],
    ['an object whose first property is left out', { a: undefined, b: 2 }],
    ['null in an array for undefined, functions and symbols', [undefined, () => 1, Symbol('s'), 1]],
    ['numbers JSON has no word for', [Number.NaN, Number.POSITIVE_INFINITY, -0]],
    ['a Date (its toJSON)', { at: new Date('2024-06-30T17:00:00.000Z') }],
    ['an object with its own toJSON', { a: { toJSON: () => 'shown' }, b: { toJSON: () => undefined } }],
    ['keys that need escaping', { 'quote"d': 1, 'new\nline': 2, xã: 3 }],
    ['an object without a prototype', Object.assign(Object.create(null) as object, { a: 1 })],
    ['deeper than the pieces go', { a: [{ b: [{ c: [{ d: [{ e: [1, undefined, { f: undefined }] }] }] }] }] }],
  ])('writes %s as JSON.stringify does', async (_name, value) => {
    expect(await textOf(value)).toBe(JSON.stringify(value))
  })

  it('writes a dashboard-sized answer as JSON.stringify does, in chunks of about 16 K characters', async () => {
    // The national dashboard's shape: plans → sections → tasks → units, Vietnamese names throughout.
    const answer = {
      unitId: 'vn',
      totals: { expected: 113_000, submitted: 98_000, completeness: 86.7 },
      plans: Array.from({ length: 34 }, (_, p) => ({
        planId: `plan-${p}`,
        title: `Kế hoạch thực hiện Chỉ số PAPI năm 2024 của tỉnh số ${p}`,
        sections: Array.from({ length: 4 }, (_, s) => ({
          code: `${s + 1}`,
          tasks: Array.from({ length: 10 }, (_, t) => ({
            taskId: `t-${p}-${s}-${t}`,
            title: 'Công khai, minh bạch trong việc lập và thực hiện kế hoạch sử dụng đất',
            completedOn: t % 3 === 0 ? undefined : '2024-05-01',
            units: Array.from({ length: 100 }, (_, u) => ({ unitId: `xa-${u}`, progress: (u * 7) % 100, workStatus: null })),
          })),
        })),
        units: Array.from({ length: 120 }, (_, u) => ({ unitId: `xa-${u}`, unitName: `Xã Vĩnh Hòa ${u}`, parentId: null })),
      })),
    }
    const chunks = await chunksOf(jsonStream(answer))
    const text = Buffer.concat(chunks).toString('utf8')
    expect(text).toBe(JSON.stringify(answer))
    expect(chunks.length).toBeGreaterThan(100)
    // A chunk is a piece of 16 K characters plus the piece that passed it (one task, here ~3 KB).
    for (const chunk of chunks) expect(chunk.byteLength).toBeLessThan(64 * 1024)
  })

  it('makes each chunk when it is read, not before', async () => {
    let read = 0
    const big = Array.from({ length: 1000 }, (_, i) => ({
      get value() {
        read++
        return 'x'.repeat(100) + i
      },
    }))
    // The getters are enumerable own properties of plain objects: read as their items are written.
    const reader = jsonStream(big).getReader()
    await reader.read()
    expect(read).toBeLessThan(1000)
    await reader.cancel()
  })
})
