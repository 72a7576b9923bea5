import { describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { browserAvailable } from './browser'
import { demoServerAndChromium, SHOTS } from './harness'
import { DEMO_USERS } from './demo-users'

// A district plan carries out the province's 97/KH-UBND (as Đức Hợp's commune plan carries out
// 07/KH-UBND): the planner links it on its plan page, and the province plan's page then shows how
// the district plan is doing. Photographs go to test-results/child-plans-*.png.

const canRun = browserAvailable()

describe.skipIf(!canRun)('a parent plan shows its child plans in Chromium', () => {
  const e2e = demoServerAndChromium({ PAPI_DEMO_PLANS: 'kien-giang-97-KH-UBND-2018-papi.txt' })

  /** The district's own plan, stored and published through the API as a script would. */
  async function districtPlan(): Promise<string> {
    const call = async (method: string, path: string, token?: string, body?: unknown) => {
      const res = await fetch(`${e2e.server.url}/api/v1${path}`, {
        method,
        headers: { 'content-type': 'application/json', ...(token && { authorization: `Bearer ${token}` }) },
        ...(body !== undefined && { body: JSON.stringify(body) }),
      })
      const json = await res.json()
      if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${JSON.stringify(json)}`)
      return json
    }
    const { token } = await call('POST', '/auth/login', undefined, DEMO_USERS.planner)
    const units: { id: string; name: string; parentId: string | null }[] = await call('GET', '/units', token)
    const province = units.find((u) => u.name === 'UBND tỉnh Kiên Giang')
    const district = units.find((u) => u.name === 'UBND huyện Châu Thành' && u.parentId === province?.id)
    if (!district) throw new Error('no district Châu Thành in Kiên Giang')
    const plan = await call('POST', '/plans', token, {
      number: '45/KH-UBND',
      title: 'Kế hoạch thực hiện Kế hoạch số 97/KH-UBND trên địa bàn huyện Châu Thành năm 2018',
      issuer: 'Ủy ban nhân dân huyện Châu Thành',
      issuerUnitId: district.id,
      scopeUnitId: district.id,
      issuedOn: '2018-05-25',
      index: 'papi',
      years: { from: 2018, to: 2018 },
      goals: [],
      targets: [],
      sections: [
        {
          code: '1',
          title: 'Tham gia của người dân ở cấp cơ sở',
          tasks: [
            {
              code: '1.1',
              title: 'Công khai các khoản đóng góp tự nguyện tại địa phương',
              lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
              coordinators: [],
              timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
              targets: [],
            },
          ],
        },
      ],
    })
    await call('POST', `/plans/${plan.id}/publish`, token, { version: plan.version })
    return plan.id
  }

  it('links the district plan to 97/KH-UBND on its page; 97/KH-UBND lists it with its reports and progress', async () => {
    const childId = await districtPlan()
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/plans/${childId}`)
    await page.getByLabel('Tên đăng nhập').fill(DEMO_USERS.planner.username)
    await page.getByLabel('Mật khẩu').fill(DEMO_USERS.planner.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()

    const parent = page.getByTestId('parent-plan')
    await parent.waitFor()
    const option = parent.locator('option', { hasText: '97/KH-UBND' }).first()
    await option.waitFor({ state: 'attached' })
    await parent.getByRole('combobox').selectOption((await option.getAttribute('value')) ?? '')
    await parent.getByRole('button').click()
    await page.getByTestId('plan-admin-status').filter({ hasText: /./ }).waitFor()
    const link = page.locator('dl.facts a', { hasText: '97/KH-UBND' })
    await link.click()

    const block = page.getByTestId('child-plans')
    await block.waitFor()
    const row = block.getByTestId('child-plan-45/KH-UBND')
    const cells = await row.locator('td').allTextContents()
    expect(cells[0]).toContain('Ủy ban nhân dân huyện Châu Thành')
    // Every commune of the district leads the task: each owes a report; none is filed yet.
    expect(Number(cells[2])).toBeGreaterThan(0)
    expect(cells[3]).toBe('0')
    expect(cells.at(-1)).toBe('0%')
    expect(await axeViolations(page), 'the parent plan page').toEqual([])
    await block.scrollIntoViewIfNeeded()
    await page.screenshot({ path: `${SHOTS}child-plans-parent.png` })
    await context.close()
  })
})
