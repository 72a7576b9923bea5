import { mkdirSync } from 'node:fs'
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
    context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
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

  it('the language switch changes the UI and is remembered', async () => {
    await page.getByLabel('Ngôn ngữ').selectOption('en')
    await page.getByRole('link', { name: 'Overview' }).waitFor()
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Reporting for/)
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
