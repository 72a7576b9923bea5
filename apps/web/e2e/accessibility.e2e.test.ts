import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startApiServer, type RunningServer } from './api-server'
import { axeViolations } from './axe'
import { browserAvailable, launchChromium } from './browser'
import { DEMO_USERS, type DemoUser } from './demo-users'

// The dashboard driven by keyboard alone, as a screen-reader or keyboard user does (issue #14), at
// 1366 and 360 px: every Tab stop shows where focus is; the skip link moves focus into main; page
// changes are titled, announced and focused; the report form names the field the API refused and
// tells what happened in a status line that is always there. And axe-core finds no WCAG 2.2 A/AA
// violation on any page at either width. Photographs go to test-results/a11y-*.png.

const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url))
const WIDTHS = [
  { name: '1366', viewport: { width: 1366, height: 768 } },
  { name: '360', viewport: { width: 360, height: 740 } },
] as const

const canRun = browserAvailable()

/** Where focus is, and whether a sighted keyboard user can see it. */
interface FocusStop {
  tag: string
  text: string
  id: string
  visible: boolean
  outlined: boolean
  inMain: boolean
}

async function focusStop(page: Page): Promise<FocusStop> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return { tag: 'body', text: '', id: '', visible: false, outlined: false, inMain: false }
    const style = getComputedStyle(el)
    const box = el.getBoundingClientRect()
    // A date field keeps focus in its parts (day, month, year, the calendar button), inside the
    // browser's own shadow tree: Chromium rings the part itself, and the field does not match :focus.
    const ownRing = el instanceof HTMLInputElement && el.type === 'date'
    const outlined =
      ownRing ||
      (style.outlineStyle !== 'none' && Number.parseFloat(style.outlineWidth) >= 2) ||
      (style.boxShadow !== 'none' && style.boxShadow !== '')
    return {
      tag: el.tagName.toLowerCase(),
      text: (el.getAttribute('aria-label') ?? el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 60),
      id: el.id,
      visible: box.width > 0 && box.height > 0 && style.visibility !== 'hidden',
      outlined,
      inMain: document.querySelector('main')?.contains(el) ?? false,
    }
  })
}

/** Presses Tab and checks that focus landed somewhere visible, with a visible focus indicator. */
async function tab(page: Page, shift = false): Promise<FocusStop> {
  await page.keyboard.press(shift ? 'Shift+Tab' : 'Tab')
  const stop = await focusStop(page)
  expect(stop.visible, `focus on a hidden element: ${JSON.stringify(stop)}`).toBe(true)
  expect(stop.outlined, `no visible focus indicator on ${JSON.stringify(stop)}`).toBe(true)
  return stop
}

/** Tabs until `match` has focus (at most `max` stops), checking every stop on the way. */
async function tabTo(page: Page, match: (stop: FocusStop) => boolean, max = 60): Promise<FocusStop> {
  for (let i = 0; i < max; i++) {
    const stop = await tab(page)
    if (match(stop)) return stop
  }
  throw new Error(`not reached within ${max} Tab presses`)
}

async function settled(page: Page) {
  await page.locator('main h1').first().waitFor()
  await page.waitForFunction(() => document.querySelector('main .loading') === null, undefined, { timeout: 20_000 })
}

/** Every aria-describedby names elements that are in the page. */
async function danglingDescribedBy(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('[aria-describedby]')].flatMap((el) =>
      (el.getAttribute('aria-describedby') ?? '')
        .split(/\s+/)
        .filter((id) => id !== '' && document.getElementById(id) === null)
        .map((id) => `${el.tagName.toLowerCase()}#${el.id} → ${id}`),
    ),
  )
}

describe.skipIf(!canRun)('the dashboard by keyboard alone, and axe-core', () => {
  let server: RunningServer | { url: string; stop: () => Promise<void>; log: () => string }
  let browser: Browser

  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = process.env.PAPI_E2E_URL ? { url: process.env.PAPI_E2E_URL, stop: async () => {}, log: () => '' } : await startApiServer()
    browser = await launchChromium()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  const open = async (viewport: { width: number; height: number }) => {
    const context = await browser.newContext({ viewport, locale: 'vi-VN' })
    return { context, page: await context.newPage() }
  }

  /** Signs in with the keyboard: the user name field has focus on arrival. */
  const signInByKeyboard = async (page: Page, user: DemoUser) => {
    await page.goto(`${server.url}/`)
    await page.getByLabel('Tên đăng nhập').waitFor()
    expect((await focusStop(page)).id).toBe('login-username')
    await page.keyboard.type(user.username)
    expect((await tab(page)).id).toBe('login-password')
    await page.keyboard.type(user.password)
    await page.keyboard.press('Enter')
    await page.getByRole('navigation').waitFor()
    await settled(page)
  }

  for (const width of WIDTHS) {
    describe(`at ${width.name} px`, () => {
      it('signs in, skips to the content, moves between pages and hears each one', async () => {
        const { context, page } = await open(width.viewport)
        await signInByKeyboard(page, DEMO_USERS.planner)
        // After sign-in, focus is on the new page's heading, not lost on <body>.
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
        const heading = (await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim() ?? ''
        expect(await page.title()).toBe(`${heading} · papi`)
        await expect.poll(() => page.getByTestId('page-announcer').textContent()).toBe(heading)
        await page.screenshot({ path: `${SHOTS}a11y-${width.name}-signed-in.png` })

        // The skip link is the first stop of a page, and moves focus into main: the next Tab stays there.
        await page.reload()
        await settled(page)
        const skip = await tab(page)
        expect(skip.text).toBe('Bỏ qua đến nội dung chính')
        await page.screenshot({ path: `${SHOTS}a11y-${width.name}-skip-link.png` })
        await page.keyboard.press('Enter')
        expect((await focusStop(page)).id).toBe('main')
        expect((await tab(page)).inMain).toBe(true)

        // To "Báo cáo" through the menu: the page is titled, announced and focused; the menu says where we are.
        await page.reload()
        await settled(page)
        await tabTo(page, (s) => s.tag === 'a' && s.text === 'Báo cáo')
        await page.keyboard.press('Enter')
        await page.waitForURL(/\/reporting/)
        await settled(page)
        await page.waitForFunction(() => document.activeElement?.tagName === 'H1')
        const reporting = (await page.locator('main h1').first().textContent())?.replace(/\s+/g, ' ').trim() ?? ''
        expect(reporting).toMatch(/^Báo cáo/)
        expect(await page.title()).toBe(`${reporting} · papi`)
        await expect.poll(() => page.getByTestId('page-announcer').textContent()).toBe(reporting)
        expect(await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo' }).getAttribute('aria-current')).toBe('page')
        expect(await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).getAttribute('aria-current')).toBeNull()
        await context.close()
      })

      it('files a report by keyboard: the missing completion date is named and marked, then it is submitted', async () => {
        const { context, page } = await open(width.viewport)
        await signInByKeyboard(page, DEMO_USERS.reporter)
        await page.goto(`${server.url}/reporting`)
        await settled(page)
        // The first task not yet submitted (the run at the other width submitted one).
        await page.locator('[data-testid^="report-form-"]').first().waitFor()
        const testId = await page.evaluate(
          () =>
            [...document.querySelectorAll('[data-testid^="report-form-"]')]
              .find((f) => f.querySelector('[data-testid="report-status"]')?.textContent !== 'Đã gửi')
              ?.getAttribute('data-testid') ?? '',
        )
        const form = page.getByTestId(testId)
        const statusLine = form.getByTestId('report-status-line')
        // A folded task opens from its title, by keyboard too.
        const disclosure = form.locator('button.disclosure')
        if ((await disclosure.getAttribute('aria-expanded')) === 'false') {
          const title = (await disclosure.textContent())?.replace(/\s+/g, ' ').trim().slice(0, 40) ?? '-'
          await tabTo(page, (s) => s.tag === 'button' && s.text.startsWith(title))
          await page.keyboard.press('Enter')
          expect(await disclosure.getAttribute('aria-expanded')).toBe('true')
        }
        // The status line is in the page before anything is saved, so what it later says is heard.
        expect(await statusLine.getAttribute('aria-live')).toBe('polite')
        const statusId = (await form.getByLabel('Tình trạng thực hiện').getAttribute('id')) ?? ''

        await tabTo(page, (s) => s.id === statusId)
        // Choose "Đã hoàn thành" with the arrow keys.
        for (let i = 0; i < 3 && (await form.getByLabel('Tình trạng thực hiện').inputValue()) !== 'done'; i++) {
          await page.keyboard.press('ArrowDown')
        }
        expect(await form.getByLabel('Tình trạng thực hiện').inputValue()).toBe('done')
        const progress = await tab(page)
        expect(progress.id).toMatch(/-progress$/)
        await page.keyboard.press('Control+A')
        await page.keyboard.type('100')
        // Past the (empty) completion date, the narrative, to "Nộp báo cáo".
        await tabTo(page, (s) => s.tag === 'button' && s.text === 'Nộp báo cáo')
        await page.keyboard.press('Enter')

        // The API refuses it and says which field; the form marks that field and puts focus there.
        const completed = form.getByLabel('Ngày hoàn thành')
        await page.waitForFunction(() => document.activeElement?.getAttribute('type') === 'date')
        expect(await completed.getAttribute('aria-invalid')).toBe('true')
        const describedBy = (await completed.getAttribute('aria-describedby')) ?? ''
        expect(await page.locator(`[id="${describedBy}"]`).textContent()).toMatch(/ngày hoàn thành/i)
        expect(await danglingDescribedBy(page)).toEqual([])
        await page.screenshot({ path: `${SHOTS}a11y-${width.name}-completion-date-missing.png`, fullPage: false })

        // Typed in the field's order, which follows Chromium's own UI language (launched without
        // --lang: en-US, month first), not the page's locale.
        await page.keyboard.type('05312018')
        expect(await completed.inputValue()).toBe('2018-05-31')
        await tabTo(page, (s) => s.tag === 'button' && s.text === 'Nộp báo cáo')
        await page.keyboard.press('Enter')
        // Submitted: the form locks, and focus goes to the status line that says so.
        await page.waitForFunction(() => /Đã nộp lúc/.test(document.activeElement?.textContent ?? ''))
        expect(await statusLine.textContent()).toMatch(/Đã nộp lúc/)
        expect((await focusStop(page)).outlined).toBe(true)
        await page.screenshot({ path: `${SHOTS}a11y-${width.name}-submitted.png`, fullPage: false })
        await context.close()
      })

      it('has no WCAG 2.2 A/AA violation (axe-core), no dangling aria-describedby and no hidden Tab stop on any page', async () => {
        const { context, page } = await open(width.viewport)
        await page.goto(`${server.url}/`)
        await page.getByLabel('Tên đăng nhập').waitFor()
        expect(await axeViolations(page), 'sign-in page').toEqual([])
        await signInByKeyboard(page, DEMO_USERS.planner)
        const plans = await page.evaluate(async () => (await (await fetch('/api/v1/plans')).json()) as { id: string }[])
        const pages: [string, string][] = [
          ['overview', '/'],
          ['plans', '/plans'],
          ['plan', `/plans/${plans[0]?.id ?? ''}`],
          ['plan-import', '/plans/import'],
          ['reporting', '/reporting'],
          ['units', '/units'],
          ['not-found', '/nowhere'],
        ]
        for (const [name, path] of pages) {
          await page.goto(`${server.url}${path}`)
          await settled(page)
          expect(await page.title(), `${name} has its own title`).not.toBe('papi')
          expect(await axeViolations(page), `${name} at ${width.name} px`).toEqual([])
          expect(await danglingDescribedBy(page), name).toEqual([])
          // Walk every Tab stop of the page: each one visible, with its focus indicator (tab() checks).
          await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur())
          const seen = new Set<string>()
          for (let i = 0; i < 200; i++) {
            await page.keyboard.press('Tab')
            const stop = await focusStop(page)
            const key = JSON.stringify(stop)
            // Past the last stop focus leaves the page (body) or wraps to the first one.
            if (stop.tag === 'body' || seen.has(key)) break
            seen.add(key)
            expect(stop.visible, `${name}: focus on a hidden element: ${key}`).toBe(true)
            expect(stop.outlined, `${name}: no visible focus indicator on ${key}`).toBe(true)
          }
          expect(seen.size, `${name}: Tab stops`).toBeGreaterThan(3)
          // The hidden header rows of stacked tables hold no Tab stop.
          if (width.name === '360') {
            const hiddenButtons = await page.evaluate(
              () =>
                [...document.querySelectorAll('table.stack thead button')].filter((b) => (b as HTMLElement).offsetParent !== null).length,
            )
            expect(hiddenButtons, name).toBe(0)
          }
        }
        await context.close()
      })
    })
  }
})
