/** @jsxRuntime automatic */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTER, ESC, openTui, type TestServer, testServer } from '../test-kit'

let server: TestServer

beforeAll(async () => {
  server = await testServer()
})
afterAll(() => server?.store.close())

describe('Units screen (1): the national register', () => {
  it('imports one province of the register with i, showing the time it takes, then what it loaded', async () => {
    const tui = await openTui(server, 1)
    await tui.settle('UBND tỉnh Kiên Giang')
    await tui.press('i')
    await tui.settle('Mã tỉnh trong danh mục')
    await tui.press('10', ENTER)
    await tui.settle('Nhập danh mục của tỉnh mã 10')
    await tui.press('y')
    const summary = await tui.settle('Đơn vị: 319 mới, 0 đã có')
    // The server answers once, at the end; meanwhile the dialog counted seconds and offered no keys.
    const running = tui.frames().filter((f) => f.includes('Đang nhập danh mục… 0 giây'))
    expect(running.length).toBeGreaterThan(0)
    expect(running.some((f) => f.includes('return đồng ý'))).toBe(false)
    expect(summary).toContain('Tỉnh: 1 (đến 30/06/2025) → 1 (từ 01/07/2025)')
    expect(summary).toContain('Huyện: 9 · Xã: 151 → 99')
    await tui.press(ESC)
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
