import { fileURLToPath } from 'node:url'
import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { browserAvailable } from './browser'
import { DEMO_USERS } from './demo-users'
import { demoServerAndChromium, SHOTS } from './harness'

// In the dry-run preview a planner sets each section's index dimension, weight and targets before
// saving (issue #13, "set sections' dimensions, weights and targets, then publish"): Lào Cai's
// 165/KH-UBND (PAR INDEX 2020) — content area 3 with the targets the domain read from its text,
// III.1 with no dimension. Mistakes are refused under their field before anything is sent, in
// Vietnamese, and in English for an English user; what is set is what the API stores.
// Cost: one demo server (Kiên Giang only), two pages, ~35 s. Photographs: test-results/sections-*.png.

const SEED = fileURLToPath(new URL('../../../packages/documents/fixtures/seeds/lao-cai-165-KH-UBND-2020-par-index.txt', import.meta.url))

interface StoredPlan {
  id: string
  sections: {
    code: string
    dimension?: string
    weight?: number
    tasks: {
      code: string
      targets: { comparator: string; value: number; valueMax?: number; unit: string; metric: string; text?: string }[]
    }[]
  }[]
}

describe.skipIf(!browserAvailable())('a planner sets sections’ dimensions, weights and targets in the import preview (Chromium)', () => {
  const e2e = demoServerAndChromium({ PAPI_DEMO_PLANS: 'kien-giang-97-KH-UBND-2018-papi.txt' })

  const shot = async (page: Page, name: string) => {
    await page.evaluate(() => window.scrollTo(0, 0))
    await page.screenshot({ path: `${SHOTS}sections-${name}.png`, fullPage: true })
  }

  const preview = async (page: Page, labels: { user: string; password: string; signIn: string; read: string }) => {
    await page.goto(`${e2e.server.url}/plans/import`)
    await page.getByLabel(labels.user).fill(DEMO_USERS.planner.username)
    await page.getByLabel(labels.password).fill(DEMO_USERS.planner.password)
    await page.getByRole('button', { name: labels.signIn }).click()
    await page.setInputFiles('#import-file', SEED)
    await page.getByRole('button', { name: labels.read }).click()
    await page.getByTestId('import-preview').waitFor()
  }
  const section = (page: Page, code: string) =>
    page.getByTestId('import-section').filter({ has: page.locator('summary', { hasText: new RegExp(`^${code.replace('.', '\\.')}\\. `) }) })

  // First: the Vietnamese run below stores Lào Cai's plan, after which the same document previews as a revision.
  it('at 360 px in English: the same fields and refusals in English, no header rows; axe finds nothing', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 360, height: 740 }, locale: 'en-GB' })
    await context.addInitScript(() => window.localStorage.setItem('papi.locale', 'en'))
    const page = await context.newPage()
    await preview(page, { user: 'User name', password: 'Password', signIn: 'Sign in', read: 'Preview' })
    const three = section(page, '3')
    await three.locator('summary').click()
    expect(await three.getByLabel('Index dimension').inputValue()).toBe('administrative-procedures')
    await three.getByLabel('Weight').fill('heavy')
    expect(await three.locator('#section-2-weight-error').textContent()).toBe('Enter a number, e.g. 1.5.')
    const onTime = three.getByTestId('target-edit').filter({ hasText: 'đạt từ 95% - 100%' })
    expect(await onTime.count()).toBe(1)
    await onTime.getByLabel('Year (empty: the plan’s last year)').fill('1990')
    expect(await onTime.locator('.field-error').textContent()).toBe('The year must be from 2000 to 2100.')
    expect(await onTime.getByLabel('Comparison').locator('option:checked').textContent()).toBe('Between')
    // At 360 px the task table shows cards: its header row is hidden.
    expect(await three.locator('table.stack thead').isVisible()).toBe(false)
    expect(await axeViolations(page)).toEqual([])
    await shot(page, '360-en')
    await onTime.screenshot({ path: `${SHOTS}sections-360-en-target.png` })
    await context.close()
  }, 120_000)

  it('at 1366 px in Vietnamese: a dimension for III.1, weight 1,5 for area 3, a corrected and a typed target; mistakes refused under their field', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
    const page = await context.newPage()
    await preview(page, { user: 'Tên đăng nhập', password: 'Mật khẩu', signIn: 'Đăng nhập', read: 'Đọc thử' })

    // III.1 (the plan's own organising tasks) names no dimension: the planner gives it one.
    const organising = section(page, 'III.1')
    await organising.locator('summary').click()
    const dimension = organising.getByLabel('Lĩnh vực chỉ số')
    expect(await dimension.inputValue()).toBe('')
    await dimension.selectOption({ label: 'Công tác chỉ đạo, điều hành cải cách hành chính' })
    await organising.locator('summary', { hasText: 'Lĩnh vực: Công tác chỉ đạo, điều hành cải cách hành chính' }).waitFor()

    // Area 3: its dimension as read, its targets as the domain read them from the text.
    const three = section(page, '3')
    await three.locator('summary').click()
    expect(await three.getByLabel('Lĩnh vực chỉ số').inputValue()).toBe('administrative-procedures')
    const targets = three.getByTestId('target-edit')
    expect(await targets.count()).toBe(13)
    const onTime = targets.filter({ hasText: 'đạt từ 95% - 100%' })
    expect(await onTime.getByLabel('So sánh').inputValue()).toBe('between')
    expect(await onTime.getByLabel('Giá trị').inputValue()).toBe('95')
    expect(await onTime.getByLabel('Đến').inputValue()).toBe('100')

    // A weight of 0 is refused under the field, as the API would.
    const weight = three.getByLabel('Trọng số')
    await weight.fill('0')
    expect(await weight.getAttribute('aria-invalid')).toBe('true')
    expect(await three.locator('#section-2-weight-error').textContent()).toBe('Trọng số phải lớn hơn 0.')
    await weight.fill('1,5')
    expect(await weight.getAttribute('aria-invalid')).toBe('false')
    await three.locator('summary', { hasText: 'trọng số 1,5' }).waitFor()

    // The on-time rate raised to 98–100 %.
    await onTime.getByLabel('Giá trị').fill('98')
    // A phrase with nothing measurable is refused; a measurable one is read by the domain's parser.
    const add = three.getByTestId('add-target')
    await add.getByLabel('Thêm chỉ tiêu cho nhiệm vụ').selectOption('3.5')
    await add.getByLabel('Chỉ tiêu, ghi như văn bản kế hoạch').fill('Thực hiện nghiêm túc, đầy đủ')
    await add.getByRole('button', { name: 'Đọc và thêm chỉ tiêu' }).click()
    expect(await add.locator('.field-error').textContent()).toContain('Không đọc được chỉ tiêu đo được nào')
    await add
      .getByLabel('Chỉ tiêu, ghi như văn bản kế hoạch')
      .fill('Tỷ lệ thủ tục hành chính công khai trên Cổng dịch vụ công đạt từ 100% trở lên')
    await add.getByRole('button', { name: 'Đọc và thêm chỉ tiêu' }).click()
    await expect.poll(() => targets.count()).toBe(14)
    const typed = targets.last()
    expect(await typed.getAttribute('data-task')).toBe('3.5')
    expect(await typed.getByLabel('So sánh').inputValue()).toBe('gte')
    expect(await typed.getByLabel('Giá trị').inputValue()).toBe('100')
    expect(await typed.getByLabel('Đơn vị tính').inputValue()).toBe('percent')

    // A target whose metric was wiped: saving is refused, the section opened on the field at fault.
    await typed.getByLabel('Chỉ tiêu đo').fill('')
    await three.locator('summary').click() // closed again by the planner
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
    expect(await page.getByTestId('sections-problems').textContent()).toBe('Chưa lưu: 1 ô cần sửa, lời nhắn ngay dưới từng ô.')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-invalid'))).toBe('true')
    expect(await typed.locator('.field-error').textContent()).toBe('Ghi chỉ tiêu đo (điều được đo).')
    expect(await axeViolations(page)).toEqual([])
    await shot(page, '1366-1-refused')
    await three.screenshot({ path: `${SHOTS}sections-1366-1-area-3.png` })
    await typed.getByLabel('Chỉ tiêu đo').fill('Tỷ lệ TTHC công khai trên Cổng dịch vụ công')

    // Saved: the API stores what was set.
    await page.getByRole('button', { name: 'Lưu bản nháp' }).click()
    await page.locator('#import-outcome', { hasText: 'Đã lưu bản nháp' }).waitFor()
    await shot(page, '1366-2-saved')
    const planId = decodeURIComponent(((await page.locator('#import-outcome a').getAttribute('href')) ?? '').replace('/plans/', ''))
    const plan = await page.evaluate(async (id) => (await (await fetch(`/api/v1/plans/${id}`)).json()) as StoredPlan, planId)
    const stored = (code: string) => plan.sections.find((s) => s.code === code)
    expect(stored('III.1')?.dimension).toBe('direction')
    expect(stored('3')).toMatchObject({ dimension: 'administrative-procedures', weight: 1.5 })
    const task = (code: string) => stored('3')?.tasks.find((t) => t.code === code)
    expect(task('3.4')?.targets.find((t) => t.comparator === 'between')).toMatchObject({ value: 98, valueMax: 100, unit: 'percent' })
    // Changed by the planner, it no longer carries the plan's words for 95.
    expect(task('3.4')?.targets.find((t) => t.comparator === 'between')?.text).toBeUndefined()
    expect(task('3.5')?.targets.at(-1)).toMatchObject({
      metric: 'Tỷ lệ TTHC công khai trên Cổng dịch vụ công',
      comparator: 'gte',
      value: 100,
      unit: 'percent',
    })
    // Untouched sections keep what the importer read.
    expect(stored('1')?.dimension).toBe('direction')
    expect(stored('1')?.weight).toBeUndefined()
    // Published from the same screen.
    await page.getByRole('button', { name: 'Công bố kế hoạch' }).click()
    await page.locator('#import-outcome', { hasText: 'Đã công bố kế hoạch' }).waitFor()
    await context.close()
  }, 120_000)
})
