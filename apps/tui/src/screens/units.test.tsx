/** @jsxRuntime automatic */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTER, ESC, openTui, type TestServer, testServer } from '../test-kit'

let server: TestServer

/**
 * A fetch whose answers' bodies arrive one line every `ms` milliseconds. By line, not by chunk:
 * a fast import writes its last progress lines together, and the server's stream may hand them
 * over as one chunk, which the screen then draws as one frame.
 */
function slowly(request: typeof fetch, ms: number): typeof fetch {
  return async (input, init) => {
    const res = await request(input, init)
    if (!res.body) return res
    const pause = () => new Promise((r) => setTimeout(r, ms))
    let rest = new Uint8Array(0)
    const delayed = res.body.pipeThrough(
      new TransformStream<Uint8Array, Uint8Array>({
        transform: async (chunk, controller) => {
          const bytes = new Uint8Array(rest.length + chunk.length)
          bytes.set(rest)
          bytes.set(chunk, rest.length)
          let start = 0
          for (let end = bytes.indexOf(10); end >= 0; end = bytes.indexOf(10, start)) {
            await pause()
            controller.enqueue(bytes.slice(start, end + 1))
            start = end + 1
          }
          rest = bytes.slice(start)
        },
        flush: async (controller) => {
          if (rest.length === 0) return
          await pause()
          controller.enqueue(rest)
        },
      }),
    )
    return new Response(delayed, { status: res.status, headers: res.headers })
  }
}

beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server?.store.close())

describe('Units screen (1): the national register', () => {
  it('imports one province of the register with i, showing a bar of its progress, then what it loaded', async () => {
    // One province loads in a blink: its answer arrives here piece by piece, 80 ms apart, as a
    // whole country's would over a minute, so that each step is drawn.
    const tui = await openTui({ ...server, request: slowly(server.request, 80) }, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press('10', ENTER)
    await tui.settle('Nhập danh mục của tỉnh mã 10')
    await tui.press('y')
    const summary = await tui.settle('Đơn vị: 319 mới, 0 đã có')
    // The server streams its progress: each phase's bar with its counts, and no keys to press meanwhile.
    const running = tui.frames().filter((f) => f.includes('Đang nhập danh mục ·'))
    expect(running.some((f) => f.includes('Đang nhập danh mục · Đơn vị: 319/319 100%'))).toBe(true)
    expect(running.some((f) => /Đang nhập danh mục · Liên kết cũ → mới: (\d+)\/\1 100%/.test(f))).toBe(true)
    expect(running.some((f) => f.includes('█'))).toBe(true)
    expect(running.some((f) => f.includes('return đồng ý'))).toBe(false)
    expect(summary).toContain('Tỉnh: 1 (đến 30/06/2025) → 1 (từ 01/07/2025)')
    expect(summary).toContain('Huyện: 9 · Xã: 151 → 99')
    // Already stored: the summary only tells, and says how to close it (not "return lưu").
    expect(summary).toContain('escape/return đóng')
    expect(summary).not.toContain('return lưu')
    await tui.press(ENTER)
    await tui.settle('Đã nhập danh mục: 319 đơn vị mới, 0 đã có.')
    expect((await server.store.units.list()).filter((u) => u.officialCode === '10' && u.level === 'province')).toHaveLength(1)

    // Again: nothing new (the import is idempotent).
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press('10', ENTER)
    await tui.settle('chắc chắn?')
    await tui.press('y')
    await tui.settle('Đơn vị: 0 mới, 319 đã có')
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it('counts the seconds instead when the server answers once, at the end (one that does not stream)', async () => {
    const plainOnly: typeof fetch = (input, init) => {
      const headers = new Headers(init?.headers)
      headers.delete('accept')
      return server.request(input, { ...init, headers })
    }
    const tui = await openTui({ ...server, request: slowly(plainOnly, 200) }, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press('10', ENTER)
    await tui.settle('chắc chắn?')
    await tui.press('y')
    await tui.settle('Đơn vị: 0 mới, 319 đã có')
    expect(tui.frames().some((f) => f.includes('Đang nhập danh mục… 0 giây'))).toBe(true)
    expect(tui.frames().some((f) => f.includes('Đang nhập danh mục ·'))).toBe(false)
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it('imports with i when no unit is selected (an empty list, as on a new database)', async () => {
    const tui = await openTui(server, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    // Typed faster than the screen redraws (keys arrive in bursts over a slow link): the filter
    // opened by "/" takes the text that came before the next frame.
    tui.burst('/', 'khong-co-don-vi-nao')
    await tui.press(ENTER)
    await tui.settle('Không có dòng nào')
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it('ends the filter on an Enter read together with the text typed before it, and erases backspaces read at once', async () => {
    const tui = await openTui(server, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    // Over a slow link "/", the text, two backspaces and Enter can arrive in one read.
    tui.burst('/Kiên Giangxx\x7f\x7f\r')
    await tui.settle((f) => f.includes('Lọc: Kiên Giang') && !f.includes('Lọc: Kiên Giang█'))
    expect(tui.frame()).toContain('UBND tỉnh Kiên Giang')
    // The filter is closed: "/" opens it again (a key typed into it would have been text).
    await tui.press('/')
    await tui.settle('Lọc: Kiên Giang█')
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it('deletes a unit typed by mistake with d, naming the version it read', async () => {
    const typo = await server.store.units.create(
      { code: 'KG-NHAM', name: 'Sở Nội vụu gõ nhầm', level: 'province', kind: 'department', parentId: server.units.kg.id },
      { actorId: null, at: new Date('2026-01-01T00:00:00Z') },
    )
    const tui = await openTui(server, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    await tui.press('/', 'gõ nhầm', ENTER)
    await tui.settle('Sở Nội vụu gõ nhầm')
    await tui.press('d')
    await tui.settle('Xóa KG-NHAM Sở Nội vụu gõ nhầm')
    await tui.press('y')
    await tui.settle('Xong.')
    expect(await server.store.units.find(typo.id)).toBeUndefined()
    tui.ui.unmount()
  })

  it('names an unknown province code in the status line', async () => {
    const tui = await openTui(server, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press('99', ENTER)
    await tui.settle('chắc chắn?')
    await tui.press('y')
    await tui.settle('Không có tỉnh, thành phố nào mang mã 99 trong danh mục.')
    tui.ui.unmount()
  })
})
