/** @jsxRuntime automatic */
import { createApp, hashPassword } from '@papi/api'
import type { Store } from '@papi/store'
import { openPgliteClone } from '@papi/store/testing'
import { render } from 'ink-testing-library'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { App } from './app'
import { waitForFrame } from './test-kit'

const PASSWORD = 'mat-khau-admin'
const ENTER = '\r'
const ESC = '\u001B'
const DOWN = '\u001B[B'

let store: Store
let request: typeof fetch

beforeAll(async () => {
  store = await openPgliteClone()
  const change = { actorId: null, at: new Date('2026-01-01T00:00:00Z') }
  await store.users.create(
    {
      username: 'admin',
      // A cheap scrypt cost, as test-kit's: each sign-in below verifies it (~0.24 s of CPU at the production cost).
      passwordHash: await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 }),
      displayName: 'Quản trị',
      roles: [{ role: 'admin', unitId: null }],
    },
    change,
  )
  await store.units.create(
    { code: 'KG', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null },
    change,
  )
  const app = createApp({ store })
  request = ((input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init)) as typeof fetch
})
afterAll(() => store?.close())

const pause = () => new Promise((r) => setTimeout(r, 40))

/** Types each chunk as its own key press, the way a person does. */
async function press(stdin: { write: (data: string) => void }, ...chunks: string[]) {
  for (const chunk of chunks) {
    stdin.write(chunk)
    await pause()
  }
}

const settle = waitForFrame

describe('App at 80×24', () => {
  it('signs in by prompt, shows the units, creates one by its keys, and speaks English on Ctrl-L', async () => {
    const ui = render(<App url="http://papi.test" locale="vi" color={false} fetch={request} size={{ columns: 80, rows: 24 }} />)
    const frame = () => ui.lastFrame()
    await settle(frame, (f) => f.includes('Tên đăng nhập'))
    await press(ui.stdin, 'admin')
    await press(ui.stdin, ENTER)
    await settle(frame, (f) => f.includes('Mật khẩu'))
    await press(ui.stdin, PASSWORD)
    await settle(frame, (f) => f.includes('•'.repeat(PASSWORD.length)))
    expect(frame()).not.toContain(PASSWORD)
    await press(ui.stdin, ENTER)
    await settle(frame, (f) => f.includes('UBND tỉnh Kiên Giang'))
    const lines = frame()!.split('\n')
    expect(lines.length).toBeLessThanOrEqual(24)
    expect(lines.slice(-2).join(' ')).toContain('n tạo')
    expect(lines.slice(-2).join(' ')).toContain('ctrl+c/ctrl+q thoát')

    // n: parent code, code, name, then level and kind from the domain's labels.
    for (const answer of ['KG', 'KG-SNV', 'Sở Nội vụ']) {
      await press(ui.stdin, answer === 'KG' ? 'n' : '')
      await settle(frame, (f) => f.includes('>'))
      await press(ui.stdin, answer)
      await press(ui.stdin, ENTER)
    }
    await settle(frame, (f) => f.includes('Cấp'))
    await press(ui.stdin, DOWN)
    await press(ui.stdin, ENTER) // the second level: province
    await settle(frame, (f) => f.includes('Loại'))
    await press(ui.stdin, DOWN)
    await press(ui.stdin, ENTER) // the second kind: department
    await settle(frame, (f) => f.includes('  Sở Nội vụ'))
    expect((await store.units.findByCode('KG-SNV'))?.name).toBe('Sở Nội vụ')

    // d asks first; n keeps the unit.
    await press(ui.stdin, 'd')
    await settle(frame, (f) => f.includes('chắc chắn?'))
    await press(ui.stdin, 'n')
    await settle(frame, (f) => f.includes('Đã hủy.'))

    // / filters without diacritics.
    await press(ui.stdin, '/')
    await press(ui.stdin, 'noi vu')
    await settle(frame, (f) => f.includes('1/2 dòng'))
    await press(ui.stdin, ESC)

    await press(ui.stdin, '\u000C') // Ctrl-L
    await settle(frame, (f) => f.includes('Units'))
    expect(frame()!.split('\n').slice(-2).join(' ')).toContain('n new')
    ui.unmount()
  })

  it('shows an API refusal in the status line, in Vietnamese', async () => {
    const ui = render(<App url="http://papi.test" locale="vi" color={false} fetch={request} size={{ columns: 80, rows: 24 }} />)
    const frame = () => ui.lastFrame()
    await settle(frame, (f) => f.includes('Tên đăng nhập'))
    await press(ui.stdin, 'admin')
    await press(ui.stdin, ENTER)
    await settle(frame, (f) => f.includes('Mật khẩu'))
    await press(ui.stdin, 'sai')
    await press(ui.stdin, ENTER)
    await settle(frame, (f) => f.includes('Sai tên đăng nhập hoặc mật khẩu.'))
    ui.unmount()
  })
})
