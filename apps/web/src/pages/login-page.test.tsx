import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import type { Me } from '../api/types'
import { LanguageSwitch } from '../components/language-switch'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider, useSession } from '../session/session-context'
import { memoryStorage } from '../test/render'
import { LoginPage } from './login-page'
import { jsonResponse } from '../test/json-response'

const me: Me = {
  user: { id: 'u-1', username: 'xa.minhluong', displayName: 'Cán bộ xã Minh Lương', disabled: false, roles: [], version: 1 },
  roles: [{ role: 'reporter', unitId: 'xa-ml' }],
  permissions: [{ action: 'report.write', scope: 'unit', unitId: 'xa-ml' }],
  csrfToken: 'c',
}

/** The few API routes the sign-in needs, answering as apps/api does. */
function fakeServer() {
  let signedIn = false
  return vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = String(input)
    if (path === '/api/v1/me')
      return signedIn ? jsonResponse(200, me) : jsonResponse(401, { error: { code: 'unauthenticated', message: 'Vui lòng đăng nhập.' } })
    if (path === '/api/v1/auth/login') {
      const { password } = JSON.parse(String(init?.body)) as { password: string }
      if (password !== 'đúng') return jsonResponse(401, { error: { code: 'unauthenticated', message: 'Sai tên đăng nhập hoặc mật khẩu.' } })
      signedIn = true
      return jsonResponse(200, { token: 't', user: me.user, csrfToken: 'c', expiresAt: '2018-06-10T10:00:00Z' })
    }
    if (path === '/api/v1/units') return jsonResponse(200, [])
    return jsonResponse(404, { error: { code: 'not-found', message: 'Không tìm thấy.' } })
  })
}

const loginCalls = (server: ReturnType<typeof fakeServer>) => server.mock.calls.filter(([input]) => String(input) === '/api/v1/auth/login')

function Who() {
  const session = useSession()
  return <p data-testid="who">{session.state()}</p>
}

function setup(server = fakeServer(), storage = memoryStorage()) {
  render(() => (
    <I18nProvider storage={storage}>
      <SessionProvider fetch={server}>
        <LanguageSwitch />
        <Who />
        <LoginPage />
      </SessionProvider>
    </I18nProvider>
  ))
  return server
}

describe('LoginPage', () => {
  it('labels its fields', () => {
    setup()
    expect(screen.getByLabelText('Tên đăng nhập')).toBeTruthy()
    expect(screen.getByLabelText('Mật khẩu')).toBeTruthy()
  })

  it('asks for a missing user name next to the field, without calling the API', async () => {
    const server = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    expect((await screen.findByText('Nhập tên đăng nhập.')).id).toBe('login-username-error')
    expect(loginCalls(server)).toHaveLength(0)
  })

  it('shows the API’s message on wrong credentials', async () => {
    setup()
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'xa.minhluong' } })
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'sai' } })
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Sai tên đăng nhập hoặc mật khẩu.')
  })

  it('signs in', async () => {
    const server = setup()
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: ' xa.minhluong ' } })
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'đúng' } })
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('signed-in'))
    expect(JSON.parse(String(loginCalls(server)[0]?.[1]?.body))).toEqual({ username: 'xa.minhluong', password: 'đúng' })
  })

  it('switches to English', async () => {
    setup()
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } })
    expect(await screen.findByLabelText('User name')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })
})
