/** @jsxRuntime automatic */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENTER, ESC, openTui, type TestServer, testServer } from '../test-kit'

/** Ctrl+L: switches the language (vi ⇄ en). */
const CTRL_L = '\f'

// Kiên Giang's 97/KH-UBND, stored and published; then the same document with task 2.6 ("Tập
// huấn cho công chức … đất đai") led by Sở Nội vụ instead of Sở Tài nguyên và Môi trường.
const SEED = new URL('../../../../packages/documents/fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url)
const original = readFileSync(SEED, 'utf8')
const TRAINING = 'Tập huấn cho công chức cấp huyện, cấp xã trong lĩnh vực đất đai'
const revised = original.replace(`${TRAINING}\n\nSở Tài nguyên và Môi trường`, `${TRAINING}\n\nSở Nội vụ`)

let server: TestServer
let planId: string
const dir = mkdtempSync(join(tmpdir(), 'papi-tui-plans-'))
const file = join(dir, 'kh-97-sua.txt')

const api = async (method: string, path: string, body?: FormData | object) => {
  const res = await server.request(`http://papi.test/api/v1${path}`, {
    method,
    headers: {
      authorization: `Bearer ${server.token}`,
      ...(body && !(body instanceof FormData) && { 'content-type': 'application/json' }),
    },
    ...(body && { body: body instanceof FormData ? body : JSON.stringify(body) }),
  })
  return (await res.json()) as any
}
const upload = (text: string) => {
  const form = new FormData()
  form.set('file', new File([text], 'kh-97.txt'))
  return form
}
const leadsOf = async (code: string) => {
  const plan = await api('GET', `/plans/${planId}`)
  const task = plan.sections.flatMap((s: any) => s.tasks).find((t: any) => t.code === code)
  return { version: plan.version, leads: task.assignees.filter((a: any) => a.role === 'lead').map((a: any) => a.unitName) }
}

beforeAll(async () => {
  server = await testServer()
  expect(revised).not.toBe(original)
  writeFileSync(file, revised)
  const stored = await api('POST', `/plans/import?scopeUnitId=${server.units.kg.id}&confirm=true`, upload(original))
  planId = stored.id
  const plan = await api('GET', `/plans/${planId}`)
  await api('POST', `/plans/${planId}/publish`, { version: plan.version })
})
afterAll(async () => {
  await server?.store.close()
  rmSync(dir, { recursive: true, force: true })
})

/** Opens Plans (3), imports the revised document into Kiên Giang, answers the panel it shows. */
async function revisionPanel() {
  const tui = await openTui(server, 3)
  await tui.settle('97/KH-UBND')
  await tui.press('i')
  await tui.settle('Đường dẫn tệp')
  await tui.press(file, ENTER)
  await tui.settle('Mã đơn vị phạm vi')
  await tui.press('KG', ENTER)
  return { tui, panel: await tui.settle('đã có (') }
}

describe('Plans screen (3): re-importing a published plan', () => {
  it('shows what changes, task by task and unit by unit, and writes nothing on Esc', async () => {
    const before = await leadsOf('2.6')
    expect(before.leads).toEqual(['Sở Tài nguyên và Môi trường'])
    const { tui, panel } = await revisionPanel()
    expect(panel).toContain('Kế hoạch 97/KH-UBND đã có (Đã ban hành')
    expect(panel).toContain('Nhiệm vụ: 0 thêm, 1 sửa, 0 bỏ, 0 giữ lại (đã có báo cáo) · 2 đơn vị đổi việc.')
    expect(panel).toContain(`~ 2.6  ${TRAINING} — sửa`)
    expect(panel).toContain('• Sở Tài nguyên và Môi trường: thôi 2.6 (chủ trì)')
    expect(panel).toContain('• Sở Nội vụ: nhận 2.6 (chủ trì)')
    expect(panel).toContain('Enter: xác nhận sửa kế hoạch · Esc: hủy')
    // The help bar says what Enter does here, not the plain preview's "lưu" (store).
    expect(panel).toContain('return xác nhận sửa kế hoạch')
    expect(panel).not.toContain('return lưu')
    await tui.press(ESC)
    await tui.settle('Đã hủy.')
    expect(await leadsOf('2.6')).toEqual(before)
    tui.ui.unmount()
  })

  it('says in English too what Enter does in the revision panel, in its help bar', async () => {
    const tui = await openTui(server, 3)
    await tui.settle('97/KH-UBND')
    await tui.press(CTRL_L)
    await tui.settle('ctrl+l Tiếng Việt')
    await tui.press('i')
    await tui.settle('File path')
    await tui.press(file, ENTER)
    await tui.settle("Code of the plan's scope unit")
    await tui.press('KG', ENTER)
    const panel = await tui.settle('is stored (')
    expect(panel).toContain('Enter: confirm the revision · Esc: cancel')
    expect(panel).toContain('return confirm the revision')
    expect(panel).not.toContain('return store')
    await tui.press(ESC)
    await tui.settle('Cancelled.')
    tui.ui.unmount()
  })

  it('stores the revision once confirmed, against the version it showed', async () => {
    const before = await leadsOf('2.6')
    const { tui } = await revisionPanel()
    await tui.press(ENTER)
    await tui.settle('Đã sửa kế hoạch 97/KH-UBND theo văn bản.')
    const after = await leadsOf('2.6')
    expect(after.leads).toEqual(['Sở Nội vụ'])
    expect(after.version).toBeGreaterThan(before.version)
    tui.ui.unmount()
  })

  it('says nothing changes when the document is what is stored, and offers nothing to confirm', async () => {
    // After the test above, the revised document is the stored plan.
    const before = await leadsOf('2.6')
    const { tui, panel } = await revisionPanel()
    expect(panel).toContain('Văn bản giống hệt kế hoạch đã lưu: không có gì thay đổi.')
    expect(panel).not.toContain('Enter: xác nhận')
    await tui.press(ESC)
    await tui.settle('không có gì thay đổi.')
    expect(await leadsOf('2.6')).toEqual(before)
    tui.ui.unmount()
  })
})
