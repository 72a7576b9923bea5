import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { readDocx, readXlsx } from '@papi/documents/testing'
import { expect } from 'vitest'
import { startApiServer, type RunningServer } from './api-server'
import { launchChromium } from './browser'

// One seed plan's whole cycle in Chromium, as a planner at a province (or commune) would run it on
// a fresh database (issue #13, "Done means"): the admin loads the national register and creates the
// planner's and the reporter's accounts through the API; the planner imports the seed document
// in the browser, picks a unit for every name the importer matched to none, publishes, opens a
// period; the reporter files a report on one task; the planner accepts it; the reporting page's
// figures and the period report (.xlsx and .docx read back) say the same. Each seed has its own
// test file (seed-*.e2e.test.ts), so each fails on its own. Photographs: test-results/seed-*.png.
//
// Cost, measured on the shared 2-core machine under load (files run one after another), whole
// register: Huế 64 s, Đức Hợp 70 s, Lào Cai 90 s, Kiên Giang 112 s (~5.6 min for the four); of
// each, the server's start ~15 s and the register ~11 s; Kiên Giang's .docx report (2,228 expected
// reports, a line each) alone 36 s. With only the seed's province (Huế, same run): register 2.5 s
// instead of 11.3 s, the journey 23 s instead of 31 s (the browser loads 17,065 units), 42 s in all.
// The whole country stays the default: it is what a real install has, and it found the pickers
// listing every province's units.
// PAPI_E2E_REGISTER=province loads only the seed's province (and what it became in 2025).

export const SEEDS = fileURLToPath(new URL('../../../packages/documents/fixtures/seeds/', import.meta.url))
export const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url))

/** A name the importer matched to no unit, and what the planner types and picks for it. */
export interface Fix {
  /** The name as the plan writes it (the fix list's heading). */
  name: string
  /** Typed into the picker's search box. */
  search: string
  /** The unit picked, as the list shows it (its name, after the tree's indentation). */
  unit: string
}

export interface SeedJourney {
  /** Short name of the photographs: test-results/seed-<slug>-*.png. */
  slug: string
  /** The file in packages/documents/fixtures/seeds. */
  seed: string
  /** The official code of the province (before 1 July 2025) the register is loaded for. */
  province: string
  /** The register code of the plan's scope (planner's unit): P91, C12316… */
  scope: string
  /** The register code of the unit the planner also reports for (the standing agency), if any. */
  agency?: string
  /** The register code of the reporter's unit and the task it files on. */
  reporter: { unit: string; task: string }
  /** As the preview's heading shows the plan's number. */
  number: string
  summary: string
  fixes: readonly Fix[]
  /** The period the reporter files for, and the day its task was done (inside that period). */
  period: string
  doneOn: string
}

interface Unit {
  id: string
  code: string
  name: string
}

/** Fills in the journey's world: a server on a fresh database, the register, two accounts. */
export async function setUpSeedWorld(journey: SeedJourney) {
  mkdirSync(SHOTS, { recursive: true })
  const timings: Record<string, number> = {}
  let started = performance.now()
  const server: RunningServer = await startApiServer({ PAPI_DEMO: '0', PAPI_LOG_LEVEL: 'warn' })
  timings.server = performance.now() - started

  const api = async <T>(token: string, method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${server.url}/api/v1${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'accept-language': 'vi' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    })
    const text = await res.text()
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text.slice(0, 400)}`)
    return JSON.parse(text) as T
  }
  const login = await fetch(`${server.url}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: 'e2e-admin-password' }),
  })
  const { token } = (await login.json()) as { token: string }

  // The register: the whole country, or one province (PAPI_E2E_REGISTER=province) — see README.
  started = performance.now()
  const whole = process.env.PAPI_E2E_REGISTER !== 'province'
  await api(token, 'POST', '/units/import-register', whole ? {} : { province: journey.province })
  timings.register = performance.now() - started

  const units = await api<Unit[]>(token, 'GET', '/units')
  const byCode = (code: string) => {
    const unit = units.find((u) => u.code === code)
    if (!unit) throw new Error(`unit ${code} is not in the register`)
    return unit
  }
  const password = 'e2e-seed-journey-2025'
  const planner = { username: `planner-${journey.slug}`, password }
  const reporter = { username: `reporter-${journey.slug}`, password }
  await api(token, 'POST', '/users', {
    username: planner.username,
    password,
    displayName: 'Chuyên viên lập kế hoạch',
    roles: [
      { role: 'planner', unitId: byCode(journey.scope).id },
      ...(journey.agency ? [{ role: 'reporter', unitId: byCode(journey.agency).id }] : []),
    ],
  })
  await api(token, 'POST', '/users', {
    username: reporter.username,
    password,
    displayName: 'Chuyên viên báo cáo',
    roles: [{ role: 'reporter', unitId: byCode(journey.reporter.unit).id }],
  })
  const browser = await launchChromium()
  return {
    server,
    browser,
    planner,
    reporter,
    timings,
    reporterUnit: byCode(journey.reporter.unit),
    async close() {
      await browser.close()
      await server.stop()
    },
  }
}

export type SeedWorld = Awaited<ReturnType<typeof setUpSeedWorld>>

export async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN', acceptDownloads: true })
  // A step that waits fails (and is photographed) before the test's own timeout ends the run.
  context.setDefaultTimeout(20_000)
  return { context, page: await context.newPage() }
}

export async function signIn(page: Page, url: string, user: { username: string; password: string }, path = '/') {
  await page.goto(`${url}${path}`)
  await page.getByLabel('Tên đăng nhập').fill(user.username)
  await page.getByLabel('Mật khẩu').fill(user.password)
  await page.getByRole('button', { name: 'Đăng nhập' }).click()
  await page.getByRole('navigation').waitFor()
}

/** Full pages, or only the top screen of a long one (a province's reporting page is 16,000 px tall). */
export function photographer(slug: string) {
  return async (page: Page, name: string, options: { fullPage?: boolean } = {}) => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}seed-${slug}-${name}.png`, fullPage: options.fullPage ?? true })
  }
}

export { expect }

/** The whole cycle for one seed; answers how long each step took (ms). A failure photographs the open pages. */
export async function runSeedJourney(world: SeedWorld, journey: SeedJourney) {
  try {
    return await journeySteps(world, journey)
  } catch (error) {
    let n = 0
    for (const context of world.browser.contexts())
      for (const page of context.pages()) await page.screenshot({ path: `${SHOTS}seed-${journey.slug}-failed-${++n}.png`, fullPage: true })
    throw error
  }
}

async function journeySteps(world: SeedWorld, journey: SeedJourney) {
  const { server, browser } = world
  const shot = photographer(journey.slug)
  const timings: Record<string, number> = {}
  let mark = performance.now()
  const lap = (name: string) => {
    const now = performance.now()
    timings[name] = Math.round(now - mark)
    mark = now
    if (process.env.PAPI_E2E_VERBOSE) console.log(journey.slug, name, timings[name])
  }

  // 1. The planner reads the seed document: the dry run and the names that matched no unit.
  const { context, page } = await newPage(browser)
  await signIn(page, server.url, world.planner, '/plans/import')
  await page.locator('main h1', { hasText: 'Nhập kế hoạch từ văn bản' }).waitFor()
  await page.setInputFiles('#import-file', `${SEEDS}${journey.seed}`)
  await page.getByRole('button', { name: 'Đọc thử' }).click()
  await page.getByTestId('import-preview').waitFor()
  await shot(page, '1-preview')
  expect(await page.locator('#import-preview-title').textContent()).toContain(journey.number)
  expect(await page.getByTestId('import-summary').textContent()).toContain(journey.summary)
  const names = (await page.getByTestId('unmatched-name').locator('strong').allTextContents()).map((s) => s.trim())
  expect(names.toSorted()).toEqual(journey.fixes.map((f) => f.name).toSorted())
  lap('preview')

  // 2. Every name gets a unit: searched for, then picked.
  for (const fix of journey.fixes) {
    const item = page
      .getByTestId('unmatched-name')
      .filter({ has: page.locator('strong', { hasText: new RegExp(`^${escapeRegExp(fix.name)}$`) }) })
    await item.getByRole('searchbox').fill(fix.search)
    const select = item.getByRole('combobox')
    const option = select.locator('option').filter({ hasText: new RegExp(`^[\\s\\u00a0—–-]*${escapeRegExp(fix.unit)}$`) })
    expect(await option.count(), `${fix.name}: “${fix.unit}” among the units found for “${fix.search}”`).toBeGreaterThan(0)
    await select.selectOption((await option.first().getAttribute('value')) ?? '')
  }
  await shot(page, '2-fixed')
  expect(await page.getByTestId('fix-remaining').count()).toBe(0)
  lap('fix')

  // 3. Saved as a draft, published; the plan's own page opens.
  await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
  await page.locator('#import-outcome', { hasText: 'Đã lưu bản nháp' }).waitFor()
  await page.getByRole('button', { name: 'Công bố kế hoạch' }).click()
  await page.locator('#import-outcome', { hasText: 'Đã công bố kế hoạch' }).waitFor()
  await shot(page, '3-published')
  const planId = decodeURIComponent(((await page.locator('#import-outcome a').getAttribute('href')) ?? '').replace('/plans/', ''))
  const assignments = await page.evaluate(
    async (id) => (await (await fetch(`/api/v1/plans/${id}/assignments`)).json()) as { taskCode: string; unitName: string }[],
    planId,
  )
  // Nothing the planner picked is lost: every name's unit is assigned on the tasks that named it.
  for (const fix of journey.fixes)
    expect(
      assignments.map((a) => a.unitName),
      fix.name,
    ).toContain(fix.unit)
  lap('publish')

  // 4. On the plan's page: the periods publishing opened (Decree 09/2019), and one more the planner opens.
  await page.locator('#import-outcome a').click()
  const periods = page.getByTestId('plan-periods')
  await periods.locator('table').waitFor()
  expect(await page.getByTestId(`period-${journey.period}`).count(), `${journey.period} is not open yet`).toBe(0)
  await page.getByLabel('Mã kỳ').fill(journey.period)
  await page.getByTestId('period-defaults').waitFor()
  await page.getByRole('button', { name: 'Mở kỳ' }).click()
  await page.getByTestId(`period-${journey.period}`).waitFor()
  await shot(page, '4-plan-periods')
  await context.close()
  lap('period')

  // 5. The reporter files on the task its unit leads, for that period.
  const reporter = await newPage(browser)
  await signIn(reporter.page, server.url, world.reporter, `/reporting?period=${journey.period}`)
  const form = reporter.page.getByTestId(`report-form-${journey.reporter.task}`)
  await form.waitFor()
  // The first task is open; the others open on their heading.
  const disclosure = form.getByRole('button', { name: new RegExp(`^\\W*${escapeRegExp(journey.reporter.task)}\\. `) })
  if ((await disclosure.getAttribute('aria-expanded')) !== 'true') await disclosure.click()
  await form.getByLabel('Tình trạng thực hiện').selectOption({ label: 'Đã hoàn thành' })
  await form.getByLabel('Tiến độ (%)').fill('100')
  await form.getByLabel('Ngày hoàn thành').fill(journey.doneOn)
  await form.getByLabel('Kết quả thực hiện').fill('Đã hoàn thành nhiệm vụ theo kế hoạch; có văn bản kèm theo.')
  await form.getByRole('button', { name: 'Nộp báo cáo' }).click()
  await form.getByText(/Đã nộp lúc/).waitFor()
  expect(await form.getByTestId('report-status').textContent()).toBe('Đã gửi')
  await shot(reporter.page, '5-reporter-submitted')
  await reporter.context.close()
  lap('file')

  // 6. The planner sees it in the queue and accepts it.
  const review = await newPage(browser)
  await signIn(review.page, server.url, world.planner, `/reporting?period=${journey.period}`)
  const item = review.page.getByTestId(`review-${journey.reporter.task}`).first()
  await item.waitFor()
  await shot(review.page, '6-planner-queue', { fullPage: false })
  await item.getByRole('button', { name: 'Duyệt' }).click()
  await item.getByTestId('review-status').filter({ hasText: 'Đã chấp nhận' }).waitFor()
  await review.page
    .getByTestId('kpi-accepted')
    .filter({ hasText: /^\D*1\D*$/ })
    .first()
    .waitFor()
  await shot(review.page, '7-planner-accepted', { fullPage: false })
  await item.screenshot({ path: `${SHOTS}seed-${journey.slug}-7-accepted-report.png` })
  lap('accept')

  // 7. The page's figures and the exported report agree.
  // Vietnamese figures group thousands with a dot: "1/2.228".
  const submitted = ((await review.page.getByTestId('kpi-submitted').first().textContent()) ?? '').match(/([\d.]+)\s*\/\s*([\d.]+)/)
  const accepted = ((await review.page.getByTestId('kpi-accepted').first().textContent()) ?? '').match(/([\d.]+)/)
  expect(submitted, 'the submitted figure').not.toBeNull()
  const figures = { submitted: count(submitted?.[1]), expected: count(submitted?.[2]), accepted: count(accepted?.[1]) }
  expect(figures.submitted).toBe(1)
  expect(figures.accepted).toBe(1)
  const links = review.page.getByTestId(`export-report-${planId}`)
  const xlsxHref = (await links.getByRole('link', { name: /xlsx/ }).getAttribute('href')) ?? ''
  const docxHref = (await links.getByRole('link', { name: /docx/ }).getAttribute('href')) ?? ''
  // Kiên Giang's report lists 2,228 expected reports in 2018Q4, a unit a line: the .docx takes its time.
  const xlsx = await review.context.request.get(`${server.url}${xlsxHref}`, { timeout: 90_000 })
  expect(xlsx.status(), `GET ${xlsxHref}`).toBe(200)
  lap('export-xlsx')
  const docx = await review.context.request.get(`${server.url}${docxHref}`, { timeout: 90_000 })
  expect(docx.status(), `GET ${docxHref}`).toBe(200)
  const exported = { xlsx: await readXlsx(await xlsx.body()), docx: await readDocx(await docx.body()) }
  await review.context.close()
  lap('export-docx')

  // The report counts what the page counts: reports filed out of those expected…
  const xlsxRows = exported.xlsx.flatMap((sheet) => sheet.rows)
  const filed = (line: string | undefined) => {
    const m = line?.match(/^Tình hình gửi báo cáo: ([\d.]+)\/([\d.]+) báo cáo đã gửi/)
    return m ? { submitted: count(m[1]), expected: count(m[2]) } : undefined
  }
  const onPage = { submitted: figures.submitted, expected: figures.expected }
  expect(xlsxRows.map((row) => filed(row[0])).find(Boolean), '.xlsx: “Tình hình gửi báo cáo: …”').toEqual(onPage)
  expect(exported.docx.paragraphs.map(filed).find(Boolean), '.docx: “Tình hình gửi báo cáo: …”').toEqual(onPage)
  // …and the task's line for the reporter's unit says what was filed: done, 100 %.
  const unitName = world.reporterUnit.name
  const xlsxLine = unitLine(exported.xlsx.find((s) => s.name === 'Nhiệm vụ')?.rows ?? [], journey.reporter.task, unitName)
  expect(xlsxLine, `.xlsx: ${journey.reporter.task} / ${unitName}`).toContain('Đã hoàn thành')
  expect(xlsxLine).toContain('1') // the progress cell, as a fraction formatted as a percentage
  const docxLine = unitLine(
    exported.docx.tables.find((t) => t.some((r) => r[0] === journey.reporter.task)) ?? [],
    journey.reporter.task,
    unitName,
  )
  expect(docxLine, `.docx: ${journey.reporter.task} / ${unitName}`).toContain('Đã hoàn thành')
  expect(docxLine).toContain('100%')
  return { timings, figures, planId, exported }
}

/** "2.228" → 2228 (a figure as the Vietnamese UI and documents group it). */
const count = (text: string | undefined) => Number((text ?? '').replaceAll('.', ''))

/** The row of `unit` under the row of task `code` (a task's row, then one row per unit, in a tasks table). */
function unitLine(rows: string[][], code: string, unit: string): string[] | undefined {
  const start = rows.findIndex((r) => r[0] === code)
  if (start < 0) return undefined
  for (const row of rows.slice(start + 1)) {
    if (row[0] !== '') return undefined
    if (row[1] === unit) return row
  }
  return undefined
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
