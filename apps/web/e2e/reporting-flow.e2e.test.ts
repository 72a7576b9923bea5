import { mkdirSync, readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningServer } from './api-server'
import { browserAvailable, launchChromium } from './browser'
import { DEMO_USERS, type DemoUser } from './demo-users'

// The core flow in real Chromium against the API on a fresh embedded database with the demo
// data: a reporter files and submits, the planner sees it counted and accepts it; a reporter
// gets no form for another unit's task; the language switch changes the UI. Every page is
// photographed into test-results/ (gitignored) to be looked at.

const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url))
const canRun = browserAvailable()

describe.skipIf(!canRun)('the dashboard in Chromium', () => {
  let server: RunningServer | { url: string; stop: () => Promise<void>; log: () => string }
  let browser: Browser
  let context: BrowserContext
  let page: Page
  let filedTaskCode = ''

  const shot = async (name: string, p: Page = page) => {
    // A sticky header photographs mid-page in a full-page shot of a scrolled page.
    await p.evaluate(() => window.scrollTo(0, 0))
    await p.screenshot({ path: `${SHOTS}${name}.png`, fullPage: true })
  }
  const signIn = async (user: DemoUser, p: Page = page) => {
    await p.goto(`${server.url}/`)
    await p.getByLabel('Tên đăng nhập').fill(user.username)
    await p.getByLabel('Mật khẩu').fill(user.password)
    await p.getByRole('button', { name: 'Đăng nhập' }).click()
    await p.getByRole('navigation').waitFor()
  }
  const signOut = async () => {
    await page.getByRole('button', { name: 'Đăng xuất' }).click()
    await page.getByLabel('Tên đăng nhập').waitFor()
  }

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = process.env.PAPI_E2E_URL ? { url: process.env.PAPI_E2E_URL, stop: async () => {}, log: () => '' } : await startApiServer()
    browser = await launchChromium()
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true })
    page = await context.newPage()
    // No request may leave the server's origin (closed government networks).
    page.on('request', (req) => {
      if (!req.url().startsWith(server.url) && !req.url().startsWith('data:')) throw new Error(`request left the origin: ${req.url()}`)
    })
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  it('a reporter signs in, saves a draft and submits it', async () => {
    await page.goto(`${server.url}/`)
    await page.getByLabel('Tên đăng nhập').waitFor()
    await shot('01-login')
    await signIn(DEMO_USERS.reporter)
    await page.goto(`${server.url}/reporting`)
    const form = page.locator('[data-testid^="report-form-"]').first()
    await form.waitFor()
    // Loaded afresh, with nothing left over from the page before.
    const asked: string[] = []
    const record = (req: { url(): string }) => asked.push(new URL(req.url()).pathname)
    page.on('request', record)
    await page.reload()
    await form.waitFor()
    page.off('request', record)
    // One request for the unit's tasks, not every plan's details.
    expect(asked.filter((p) => p === '/api/v1/my-tasks')).toHaveLength(1)
    expect(asked.filter((p) => /^\/api\/v1\/plans\/[^/]+$/.test(p))).toEqual([])
    // The tasks the ward only coordinates are listed to read, with who leads them, and get no form.
    const coordinating = page.getByTestId('coordinating')
    expect(await coordinating.getByRole('heading').textContent()).toMatch(/^Nhiệm vụ phối hợp \(\d+\)$/)
    expect(await coordinating.locator('li').first().textContent()).toContain('Chủ trì:')
    expect(await coordinating.locator('form').count()).toBe(0)
    filedTaskCode = ((await form.getAttribute('data-testid')) ?? '').replace('report-form-', '')
    await form.getByLabel('Tiến độ (%)').fill('60')
    await form.getByLabel('Kết quả thực hiện').fill('Đã niêm yết công khai các khoản đóng góp tại trụ sở và nhà văn hóa ấp.')
    await form.getByRole('button', { name: 'Lưu nháp' }).click()
    await form.getByText(/Đã lưu nháp/).waitFor()
    await shot('02-reporter-draft-saved')
    await form.getByRole('button', { name: 'Nộp báo cáo' }).click()
    await form.getByText(/Đã nộp lúc/).waitFor()
    expect(await form.getByTestId('report-status').textContent()).toBe('Đã gửi')
    // Submitted: under review, the form is locked and its buttons are gone.
    expect(await form.getByRole('button', { name: 'Nộp báo cáo' }).count()).toBe(0)
    await shot('03-reporter-submitted')
  })

  it("a reporter asking for another unit's task gets no form", async () => {
    const other = await page.evaluate(async () => {
      const me = await (await fetch('/api/v1/me')).json()
      const unitIds = new Set(me.roles.map((r: { unitId: string }) => r.unitId))
      for (const summary of await (await fetch('/api/v1/plans')).json()) {
        const plan = await (await fetch(`/api/v1/plans/${summary.id}`)).json()
        for (const section of plan.sections)
          for (const task of section.tasks)
            if (!task.assignees.some((a: { unitId: string }) => unitIds.has(a.unitId))) return { id: task.id, code: task.code }
      }
      return undefined
    })
    expect(other).toBeDefined()
    await page.goto(`${server.url}/reporting?task=${encodeURIComponent(other?.id ?? '')}`)
    await page.getByTestId('no-form').first().waitFor()
    expect(await page.getByTestId(`report-form-${other?.code}`).count()).toBe(0)
    await shot('04-reporter-other-unit-no-form')
    await signOut()
  })

  it('a viewer on the reporting page is told the account only views, not shown an empty page', async () => {
    await signIn(DEMO_USERS.viewer)
    await page.goto(`${server.url}/reporting`)
    await page.getByTestId('view-only').waitFor()
    expect(await page.getByTestId('view-only').textContent()).toMatch(/chỉ được xem/)
    expect(await page.locator('[data-testid^="report-form-"]').count()).toBe(0)
    await shot('04b-viewer-view-only')
    await signOut()
  })

  it('the planner sees the report counted and accepts it', async () => {
    await signIn(DEMO_USERS.planner)
    await page.goto(`${server.url}/reporting`)
    const item = page.getByTestId(`review-${filedTaskCode}`).first()
    await item.waitFor()
    const submitted = await page.getByTestId('kpi-submitted').first().textContent()
    expect(Number(submitted?.match(/^(\d+)/)?.[1])).toBeGreaterThanOrEqual(1)
    await shot('05-planner-review-queue')
    await item.getByRole('button', { name: 'Duyệt' }).click()
    await item.getByTestId('review-status').filter({ hasText: 'Đã chấp nhận' }).waitFor()
    await page.getByTestId('kpi-accepted').filter({ hasText: /[1-9]/ }).first().waitFor()
    await shot('06-planner-accepted')
  })

  it('the planner reopens the accepted report with a reason', async () => {
    const item = page.getByTestId(`review-${filedTaskCode}`).first()
    await item.getByRole('button', { name: 'Mở lại' }).click()
    await item.getByRole('button', { name: 'Mở lại báo cáo' }).click()
    // No reason, no reopening: the field says so.
    await item.getByText('Nhập lý do mở lại.').waitFor()
    await item.getByLabel('Lý do mở lại').fill('Bổ sung số liệu 6 tháng theo Công văn của Sở Nội vụ.')
    await item.getByRole('button', { name: 'Mở lại báo cáo' }).click()
    await item.getByTestId('review-status').filter({ hasText: 'Bị trả lại' }).waitFor()
    await shot('06b-planner-reopened')
  })

  it('the planner downloads the task table (.xlsx) from the plan page and the period report from reporting', async () => {
    const plans = await page.evaluate(async () => (await (await fetch('/api/v1/plans')).json()) as { id: string; status: string }[])
    const planId = plans.find((p) => p.status === 'published')?.id ?? ''
    await page.goto(`${server.url}/plans/${planId}`)
    const link = page.getByTestId('export-task-table').getByRole('link', { name: /xlsx/ })
    await link.waitFor()
    const href = (await link.getAttribute('href')) ?? ''
    expect(href).toMatch(/format=xlsx/)
    // The same request the link makes, with the planner's session cookie.
    const res = await context.request.get(`${server.url}${href}`)
    expect(res.status(), `GET ${href}: ${(await res.text()).slice(0, 200)}`).toBe(200)
    expect(res.headers()['content-type']).toMatch(/spreadsheetml|application\/vnd\.ms-excel|octet-stream/)
    expect((await res.body()).subarray(0, 2).toString('latin1')).toBe('PK')
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()])
    expect(download.suggestedFilename()).toMatch(/\.xlsx$/)
    const file = await download.path()
    expect(readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK')
    await shot('08-plan-downloads')

    await page.goto(`${server.url}/reporting`)
    const report = page.locator('[data-testid^="export-report-"]').first().getByRole('link', { name: /xlsx/ })
    await report.waitFor()
    const reportHref = (await report.getAttribute('href')) ?? ''
    expect(reportHref).toMatch(/periodId=\w+/)
    const answer = await context.request.get(`${server.url}${reportHref}`)
    expect(answer.status(), `GET ${reportHref}: ${(await answer.text()).slice(0, 200)}`).toBe(200)
    expect((await answer.body()).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  it('the language switch changes the UI and is remembered', async () => {
    await page.getByLabel('Ngôn ngữ').selectOption('en')
    await page.getByRole('link', { name: 'Overview' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Reporting for/)
    // Table headers follow the switch too, not only the page's own texts.
    await page.getByTestId('completeness').getByRole('columnheader', { name: /^Unit/ }).first().waitFor()
    await shot('07-planner-english')
    await page.reload()
    await page.getByRole('link', { name: 'Plans' }).waitFor()
    await page.getByLabel('Language').selectOption('vi')
    await page.getByRole('link', { name: 'Tổng quan' }).waitFor()
  })

  it('every page renders at 1366 px and at 360 px', async () => {
    const phone = await context.newPage()
    await phone.setViewportSize({ width: 360, height: 740 })
    const plans = await page.evaluate(async () => (await (await fetch('/api/v1/plans')).json()) as { id: string }[])
    const pages: [string, string][] = [
      ['overview', '/'],
      ['plans', '/plans'],
      ['plan', `/plans/${plans[0]?.id ?? ''}`],
      ['reporting', '/reporting'],
      ['units', '/units'],
    ]
    for (const [name, path] of pages) {
      for (const [label, p] of [
        ['1366', page],
        ['360', phone],
      ] as const) {
        await p.goto(`${server.url}${path}`)
        await p.locator('main h1').first().waitFor()
        await p.waitForFunction(() => document.querySelector('main .loading') === null, undefined, { timeout: 15_000 })
        // Nothing may stick out sideways on a phone but the tables' own scrollers.
        if (label === '360') {
          const overflow = await p.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)
          expect(overflow, `${name} overflows at 360 px`).toBeLessThanOrEqual(1)
        }
        await shot(`10-${name}-${label}`, p)
      }
    }
    await phone.getByRole('button', { name: 'Đăng xuất' }).click()
    await phone.getByLabel('Tên đăng nhập').waitFor()
    await shot('11-signed-out-360', phone)
  })
})
