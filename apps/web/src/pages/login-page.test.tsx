import { fireEvent, render, screen, waitFor } from '@solidjs/testing-library'
import { describe, expect, it, vi } from 'vitest'
import { ApiError } from '../api/api-error'
import type { PapiApi } from '../api/papi-api'
import type { Me } from '../api/types'
import { LanguageSwitch } from '../components/language-switch'
import { I18nProvider } from '../i18n/i18n-context'
import { SessionProvider, useSession } from '../session/session-context'
import { memoryStorage } from '../test/render'
import { LoginPage } from './login-page'

const me: Me = {
  user: { id: 'u-1', username: 'xa.minhluong', displayName: 'Cán bộ xã Minh Lương' },
  roles: [{ role: 'reporter', unitId: 'xa-ml' }],
  permissions: [{ action: 'report.write', scope: 'unit', unitId: 'xa-ml' }],
  csrfToken: 'c',
}

function fakeApi(overrides: Partial<PapiApi> = {}): PapiApi {
  let signedIn = false
  return {
    me: vi.fn(async () => {
      if (!signedIn) throw new ApiError(401, 'unauthenticated', 'Vui lòng đăng nhập.')
      return me
    }),
    login: vi.fn(async (username: string, password: string) => {
      if (password !== 'đúng') throw new ApiError(401, 'unauthenticated', 'Sai tên đăng nhập hoặc mật khẩu.')
      signedIn = true
      return { token: 't', user: me.user, csrfToken: 'c' }
    }),
    logout: vi.fn(async () => ({ status: 'ok' as const })),
    units: vi.fn(async () => []),
    ...overrides,
  } as unknown as PapiApi
}

function Who() {
  const session = useSession()
  return <p data-testid="who">{session.state()}</p>
}

function setup(api = fakeApi(), storage = memoryStorage()) {
  render(() => (
    <I18nProvider storage={storage}>
      <SessionProvider api={api}>
        <LanguageSwitch />
        <Who />
        <LoginPage />
      </SessionProvider>
    </I18nProvider>
  ))
  return api
}

describe('LoginPage', () => {
  it('labels its fields', () => {
    setup()
    expect(screen.getByLabelText('Tên đăng nhập')).toBeTruthy()
    expect(screen.getByLabelText('Mật khẩu')).toBeTruthy()
  })

  it('asks for a missing user name next to the field, without calling the API', async () => {
    const api = setup()
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    expect((await screen.findByText('Nhập tên đăng nhập.')).id).toBe('login-username-error')
    expect(api.login).not.toHaveBeenCalled()
  })

  it('shows the API’s message on wrong credentials', async () => {
    setup()
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: 'xa.minhluong' } })
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'sai' } })
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    expect((await screen.findByRole('alert')).textContent).toBe('Sai tên đăng nhập hoặc mật khẩu.')
  })

  it('signs in', async () => {
    const api = setup()
    fireEvent.input(screen.getByLabelText('Tên đăng nhập'), { target: { value: ' xa.minhluong ' } })
    fireEvent.input(screen.getByLabelText('Mật khẩu'), { target: { value: 'đúng' } })
    fireEvent.click(screen.getByRole('button', { name: 'Đăng nhập' }))
    await waitFor(() => expect(screen.getByTestId('who').textContent).toBe('signed-in'))
    expect(api.login).toHaveBeenCalledWith('xa.minhluong', 'đúng')
  })

  it('switches to English', async () => {
    setup()
    fireEvent.change(screen.getByLabelText('Ngôn ngữ'), { target: { value: 'en' } })
    expect(await screen.findByLabelText('User name')).toBeTruthy()
    expect(screen.getByRole('button', { name: 'Sign in' })).toBeTruthy()
    expect(document.documentElement.lang).toBe('en')
  })
})
