import { describe, expect, it } from 'vitest'
import { axeViolations } from './axe'
import { browserAvailable } from './browser'
import { demoServerAndChromium, SHOTS } from './harness'
import { DEMO_USERS } from './demo-users'

// The demo planner uploads a year's results table on Kiên Giang's page (issue #13): the province,
// named as the published tables name it, is stored; a row naming no unit is listed with its reason.
// One run at 1366 px, about 20 s with the server start. Photograph: test-results/score-upload.png.

const canRun = browserAvailable()
const CSV = 'unit;total;rank;rankOf\nKiên Giang;35,71;45;63\nAtlantis;30;60;63\n'

describe.skipIf(!canRun)('a planner uploads a results table in Chromium', () => {
  const e2e = demoServerAndChromium({ PAPI_DEMO_PLANS: 'kien-giang-97-KH-UBND-2018-papi.txt' })

  it('Kiên Giang 2017 stored from a .csv, “Atlantis” listed as matching no unit', async () => {
    const context = await e2e.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'vi-VN' })
    const page = await context.newPage()
    await page.goto(`${e2e.server.url}/units`)
    await page.getByLabel('Tên đăng nhập').fill(DEMO_USERS.planner.username)
    await page.getByLabel('Mật khẩu').fill(DEMO_USERS.planner.password)
    await page.getByRole('button', { name: 'Đăng nhập' }).click()
    await page.getByTestId('unit-tree').getByRole('link', { name: 'UBND tỉnh Kiên Giang', exact: true }).click()

    const upload = page.getByTestId('score-upload')
    await upload.getByLabel('Năm').fill('2017')
    await upload.getByRole('button', { name: 'Xem trước' }).click()
    await expect.poll(() => upload.getByText('Chọn tệp .csv để tải lên.').count()).toBe(1)
    await upload
      .getByLabel('Tệp bảng kết quả (.csv)')
      .setInputFiles({ name: 'papi-2017.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV) })
    // The table is previewed first; the save names the version of 2017 that the preview read.
    await upload.getByRole('button', { name: 'Xem trước' }).click()
    await expect
      .poll(() => upload.getByTestId('score-upload-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Sẽ lưu 1 kết quả PAPI.* năm 2017, thay cho/)
    expect(await upload.getByTestId('score-upload-preview').textContent()).toContain('UBND tỉnh Kiên Giang')
    await upload.getByRole('button', { name: 'Lưu bảng' }).click()

    await expect
      .poll(() => upload.getByTestId('score-upload-status').textContent(), { timeout: 10_000 })
      .toMatch(/^Đã lưu 1 kết quả PAPI.* năm 2017\.$/)
    expect(await upload.getByTestId('score-upload-saved').textContent()).toContain('UBND tỉnh Kiên Giang')
    const unmatched = await upload.getByTestId('score-upload-unmatched').textContent()
    expect(unmatched).toContain('Atlantis')
    expect(unmatched).toContain('Không có đơn vị hay tỉnh nào mang mã hoặc tên này.')
    // The unit's own table above shows the stored year.
    await expect.poll(() => page.getByTestId('unit-scores').textContent()).toContain('2017')
    expect(await axeViolations(page)).toEqual([])
    // The unit's page is long (its history): the photograph is of the upload itself.
    await upload.screenshot({ path: `${SHOTS}score-upload.png` })
    await context.close()
  }, 60_000)
})
