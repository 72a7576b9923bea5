/** @jsxRuntime automatic */
import { samplePlan } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHANGE, DOWN, ENTER, ESC, openTui, type TestServer, testServer } from '../test-kit'

let server: TestServer
let periods: string[]

beforeAll(async () => {
  server = await testServer()
  const plan = await server.store.plans.create(samplePlan(server.units), CHANGE)
  // Publishing opens the plan's reporting periods (its own schedule: a half-year, a quarter and the year).
  await server.store.plans.publish(plan.id, CHANGE)
  periods = (await server.store.periods.list(plan.id)).map((p) => p.code)
})
afterAll(() => server?.store.close())

describe('Reporting status screen (5)', () => {
  it('shows completeness per unit for the first period, nothing filed yet', async () => {
    expect(periods).toEqual(['2018S1', '2018Q3', '2018'])
    const tui = await openTui(server, 5)
    const frame = await tui.settle('UBND thị trấn Minh Lương')
    expect(frame).toContain('Kế hoạch: 97/KH-UBND · Kỳ: 2018S1')
    // The province leads one task and takes in two more: three reports due, none in.
    const kg = frame.split('\n').find((line) => line.includes('UBND tỉnh Kiên Giang')) ?? ''
    expect(kg.replace(/\s+/g, ' ')).toContain('UBND tỉnh Kiên Giang 3 0 0 3 0%')
    expect(frame).toContain('6/6 dòng')
    tui.ui.unmount()
  })

  it('lists the units still missing reports as a reminder to copy', async () => {
    const tui = await openTui(server, 5)
    await tui.settle('UBND thị trấn Minh Lương')
    await tui.press('c')
    const panel = await tui.settle('Danh sách nhắc nộp báo cáo kỳ 2018S1')
    expect(panel).toContain('- UBND tỉnh Kiên Giang: 3/3')
    expect(panel).toContain('- Sở Tài nguyên và Môi trường: 1/1')
    await tui.press(ESC)
    await tui.settle((f) => !f.includes('Danh sách nhắc'))
    tui.ui.unmount()
  })

  it('switches to another period with p', async () => {
    const tui = await openTui(server, 5)
    await tui.settle('UBND thị trấn Minh Lương')
    await tui.press('p')
    await tui.settle('Quý III/2018')
    await tui.press(DOWN, ENTER)
    await tui.settle('Kỳ: 2018Q3')
    tui.ui.unmount()
  })
})
