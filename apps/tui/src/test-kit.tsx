/** @jsxRuntime automatic */
// Shared by the screens' tests (not exported): an API over a fresh store (a clone of the run's
// migrated PGlite template) with a slice of Kiên Giang and an admin, and the TUI rendered at
// 80×24 against it, driven key by key as a person types.
import { createApp, hashPassword } from '@papi/api'
import type { Store } from '@papi/store'
import { type SampleProvince, seedSampleProvince, testBackends } from '@papi/store/testing'
import { render } from 'ink-testing-library'
import { App } from './app'

export const ENTER = '\r'
export const ESC = '\u001B'
export const DOWN = '\u001B[B'
export const BACKSPACE = '\u007F'
export const CHANGE = { actorId: null, at: new Date('2018-06-10T03:00:00Z') }
const PASSWORD = 'mat-khau-admin'

export interface TestServer {
  store: Store
  units: SampleProvince
  request: typeof fetch
  /** A session of `admin` (every permission). */
  token: string
}

/** A store with Kiên Giang's sample units and an admin, behind the real API (in process). */
export async function testServer(): Promise<TestServer> {
  const store = await testBackends()[0]!.open()
  const units = await seedSampleProvince(store, CHANGE)
  await store.users.create(
    {
      username: 'admin',
      // A cheap scrypt cost: the hash is only ever checked here.
      passwordHash: await hashPassword(PASSWORD, { N: 2 ** 10, r: 8, p: 1 }),
      displayName: 'Quản trị',
      roles: [{ role: 'admin', unitId: null }],
    },
    CHANGE,
  )
  const app = createApp({ store })
  const request = ((input: RequestInfo | URL, init?: RequestInit) =>
    app.request(input instanceof Request ? input : String(input), init)) as typeof fetch
  const login = await request('http://papi.test/api/v1/auth/login', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'admin', password: PASSWORD }),
  })
  const { token } = (await login.json()) as { token: string }
  return { store, units, request, token }
}

/** A TUI under test: its last frame, and keys typed into it. */
export interface TuiUnderTest {
  ui: { unmount(): void }
  frame(): string
  /** Every frame drawn so far, the transient ones too. */
  frames(): readonly string[]
  /** Waits until the frame shows a text (or passes a test); answers that frame. */
  settle(until: string | ((frame: string) => boolean)): Promise<string>
  /** Types each chunk as its own key press. */
  press(...chunks: string[]): Promise<void>
  /** Types the chunks at once, faster than the screen redraws (keys in a burst over a slow link). */
  burst(...chunks: string[]): void
}

/**
 * Waits until the frame shows what `until` looks for and answers that frame. The wait is bounded
 * by time, not by a count of polls: on a loaded CI machine a first scrypt check, a worker's first
 * start or a redraw can take seconds, and a count of 20 ms polls ran out in 2–5 s there.
 */
export async function waitForFrame(
  frames: () => string | undefined,
  until: string | ((frame: string) => boolean),
  timeoutMs = 20_000,
): Promise<string> {
  const test = typeof until === 'string' ? (f: string) => f.includes(until) : until
  const deadline = Date.now() + timeoutMs
  while (Date.now() < deadline) {
    if (test(frames() ?? '')) {
      // Let the component that drew the frame subscribe to the keyboard before the next keys.
      await new Promise((r) => setTimeout(r, 30))
      return frames() ?? ''
    }
    await new Promise((r) => setTimeout(r, 20))
  }
  throw new Error(`never appeared: ${until}; last frame:\n${frames()}`)
}

/** The TUI signed in as the admin, on screen `screen` (1–8, as its key), with helpers to drive it. */
export async function openTui(server: TestServer, screen: number): Promise<TuiUnderTest> {
  const ui = render(
    <App url="http://papi.test" locale="vi" color={false} fetch={server.request} token={server.token} size={{ columns: 80, rows: 24 }} />,
  )
  const frame = () => ui.lastFrame() ?? ''
  /** Waits until the frame shows what `until` looks for; answers that frame. */
  const settle = (until: string | ((frame: string) => boolean)) => waitForFrame(frame, until)
  /** Types each chunk as its own key press. */
  const press = async (...chunks: string[]) => {
    for (const chunk of chunks) {
      ui.stdin.write(chunk)
      await new Promise((r) => setTimeout(r, 40))
    }
  }
  await settle('Quản trị')
  await press(String(screen))
  const burst = (...chunks: string[]) => {
    for (const chunk of chunks) ui.stdin.write(chunk)
  }
  return { ui, frame, frames: () => ui.frames, settle, press, burst }
}
