/** @jsxRuntime automatic */
import { samplePlan } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { BACKSPACE, CHANGE, ENTER, ESC, openTui, type TestServer, testServer } from '../test-kit'

let server: TestServer
let planId: string

beforeAll(async () => {
  server = await testServer()
  const plan = await server.store.plans.create(samplePlan(server.units), CHANGE)
  planId = plan.id
  await server.store.periods.open(planId, '2018Q2', {}, CHANGE)
  await server.store.periods.open(planId, '2018Q3', {}, CHANGE)
})
afterAll(() => server?.store.close())

describe('Periods screen (4)', () => {
  it("lists a plan's periods with their windows and each level's deadline", async () => {
    const tui = await openTui(server, 4)
    const frame = await tui.settle('2018Q3')
    expect(frame).toContain('Kế hoạch: 97/KH-UBND')
    expect(frame.replace(/\s+/g, ' ')).toContain('Kỳ Khoảng số liệu Hạn xã Hạn huyện Hạn tỉnh Khóa')
    // Decree 09/2019: Q2's data run from 15 March to 14 June; communes report first.
    const q2 = frame.split('\n').find((line) => line.includes('2018Q2')) ?? ''
    expect(q2.replace(/\s+/g, ' ')).toContain('15/03/2018 – 14/06/2018 16/06/2018 18/06/2018 18/06/2018')
    const period = await server.store.periods.find(planId, '2018Q2')
    expect(period?.dueOn).toBeDefined()
    expect(frame).toContain('2/2 dòng')
    expect(frame).toContain('l khóa/mở kỳ')
    tui.ui.unmount()
  })

  it('locks a period after asking, and unlocks it again', async () => {
    const tui = await openTui(server, 4)
    await tui.settle('2018Q2')
    await tui.press('l')
    await tui.settle('chắc chắn?')
    await tui.press('y')
    await tui.settle((f) => f.includes('🔒') && f.includes('Xong.'))
    expect((await server.store.periods.find(planId, '2018Q2'))?.locked).toBe(true)
    await tui.press('l')
    await tui.settle('chắc chắn?')
    await tui.press('n')
    await tui.settle('Đã hủy.')
    expect((await server.store.periods.find(planId, '2018Q2'))?.locked).toBe(true)
    await tui.press('l')
    await tui.settle('chắc chắn?')
    await tui.press('y')
    await tui.settle((f) => !f.includes('🔒'))
    expect((await server.store.periods.find(planId, '2018Q2'))?.locked).toBe(false)
    tui.ui.unmount()
  })

  it('acts on the row the keys before it selected, when keys come faster than redraws', async () => {
    const tui = await openTui(server, 4)
    await tui.settle('2018Q3')
    // "j" then "e" in one burst (a slow SSH link, a loaded machine): "e" edits 2018Q3, not 2018Q2.
    tui.burst('j', 'e')
    const q3 = (await server.store.periods.find(planId, '2018Q3'))?.dueOn as string
    const q2 = (await server.store.periods.find(planId, '2018Q2'))?.dueOn as string
    expect(q3).not.toBe(q2)
    await tui.settle(`> ${q3}`)
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it('acts on keys typed together in one chunk one after another', async () => {
    const tui = await openTui(server, 4)
    await tui.settle('2018Q3')
    // "je" as one chunk, as a slow SSH link delivers keys typed quickly: "j" moves, then "e" edits 2018Q3.
    tui.burst('je')
    await tui.settle(`> ${(await server.store.periods.find(planId, '2018Q3'))?.dueOn}`)
    await tui.press(ESC)
    tui.ui.unmount()
  })

  it("moves the selected period's deadline", async () => {
    const tui = await openTui(server, 4)
    await tui.settle('2018Q3')
    await tui.press('j', 'e')
    const before = (await server.store.periods.find(planId, '2018Q3'))?.dueOn as string
    await tui.settle(`> ${before}`)
    await tui.press(BACKSPACE.repeat(10), '2018-10-05')
    // The date drawn in the field before Enter: on a loaded machine a redraw can lag the keys.
    await tui.settle('> 2018-10-05')
    await tui.press(ENTER)
    await tui.settle('Xong.')
    expect((await server.store.periods.find(planId, '2018Q3'))?.dueOn).toBe('2018-10-05')
    tui.ui.unmount()
  })
})
