import { describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { browserAvailable } from './browser'
import { demoServerAndChromium, SHOTS } from './harness'
import { DEMO_USERS } from './demo-users'

// The standing agency writes the plan's own report for a period in the browser (issue #13 item 7):
// the four written parts on the plan page, saved with a version, read back after a reload, and the
// .docx downloaded from the same place. Photographs go to test-results/period-report-*.png.

const canRun = browserAvailable()

describe.skipIf(!canRun)('a planner writes the period report of Kiên Giang’s plan in Chromium', () => {
  const e2e = demoServerAndChromium({ PAPI_DEMO_PLANS: 'kien-giang-97-KH-UBND-2018-papi.txt' })

  it('writes results, limits, next tasks and proposals for 2018S1, reads them back, downloads the .docx', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 900 }, locale: 'vi-VN', acceptDownloads: true })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/plans`)
    await page.getByLabel('Tên đăng nhập').fill(DEMO_USERS.planner.username)
    await page.getByLabel('Mật khẩu').fill(DEMO_USERS.planner.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page
      .getByRole('link', { name: /97\/KH-UBND/ })
      .first()
      .click()

    const block = page.getByTestId('period-report')
    await block.waitFor()
    await block.getByLabel('Kỳ báo cáo').selectOption('2018S1')
    const results = block.getByLabel('I. Kết quả đạt được')
    await results.waitFor()
    await results.fill(
      'Toàn tỉnh đã hoàn thành phần lớn nhiệm vụ trọng tâm của 6 tháng đầu năm 2018.\nCác sở, ngành đã niêm yết công khai thủ tục hành chính.',
    )
    await block.getByLabel('II. Tồn tại, hạn chế và nguyên nhân').fill('Một số huyện nộp báo cáo chậm do thiếu cán bộ chuyên trách.')
    await block.getByLabel('III. Nhiệm vụ trọng tâm kỳ tới').fill('Tiếp tục công khai quy hoạch sử dụng đất; đối thoại với người dân.')
    await block.getByLabel('IV. Đề xuất, kiến nghị').fill('Đề nghị Bộ Nội vụ tổ chức tập huấn về chỉ số PAPI.')
    await block.getByRole('button', { name: 'Lưu báo cáo kỳ' }).click()
    await page
      .getByTestId('narrative-status')
      .filter({ hasText: 'Đã lưu báo cáo kỳ.' })
      .waitFor()
      .catch(async (error) => {
        await page.screenshot({ path: `${SHOTS}period-report-failed.png`, fullPage: true })
        throw error
      })
    expect(await axeViolations(page), 'the plan page with the period report').toEqual([])
    await block.scrollIntoViewIfNeeded()
    await block.screenshot({ path: `${SHOTS}period-report-saved.png` })

    // Read back after a reload: what the API stored, not what the form kept.
    await page.reload()
    await page.getByTestId('period-report').getByLabel('Kỳ báo cáo').selectOption('2018S1')
    const stored = page.getByTestId('period-report')
    await expect
      .poll(() => stored.getByLabel('IV. Đề xuất, kiến nghị').inputValue())
      .toBe('Đề nghị Bộ Nội vụ tổ chức tập huấn về chỉ số PAPI.')
    // All four parts, not only the last one typed: the first three were once typed into the
    // previous period's form while 2018S1 loaded, and lost.
    expect(await stored.getByLabel('I. Kết quả đạt được').inputValue()).toContain('Toàn tỉnh đã hoàn thành phần lớn nhiệm vụ trọng tâm')
    expect(await stored.getByLabel('II. Tồn tại, hạn chế và nguyên nhân').inputValue()).toBe(
      'Một số huyện nộp báo cáo chậm do thiếu cán bộ chuyên trách.',
    )
    expect(await stored.getByLabel('III. Nhiệm vụ trọng tâm kỳ tới').inputValue()).toBe(
      'Tiếp tục công khai quy hoạch sử dụng đất; đối thoại với người dân.',
    )

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('period-report-download').locator('a[data-format="docx"]').click(),
    ])
    expect(download.suggestedFilename()).toMatch(/2018S1\.docx$/)
    await download.saveAs(`${SHOTS}period-report-2018S1.docx`)
    await context.close()
  })
})
