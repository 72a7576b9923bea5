import { mkdirSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { type RunningServer, startApiServer } from './api-server'
import { launchChromium } from './browser'

/** Where the journeys put their photographs and downloads (looked at by hand; not committed). */
export const SHOTS = fileURLToPath(new URL('../test-results/', import.meta.url))

export type E2eServer = Pick<RunningServer, 'url' | 'stop' | 'log'>

/**
 * A demo API server (with `env`, e.g. which seed plans it loads) and Chromium for one describe
 * block: started before its tests, stopped after. With PAPI_E2E_URL set, the suite runs against
 * that server instead (to try a journey against one's own running papi).
 *
 * @example
 * const run = demoServerAndChromium({ PAPI_DEMO_PLANS: 'kien-giang-97-KH-UBND-2018-papi.txt' })
 * it('…', async () => { const page = await run.browser.newPage(); await page.goto(run.server.url) })
 */
export function demoServerAndChromium(env: NodeJS.ProcessEnv): { readonly server: E2eServer; readonly browser: Browser } {
  let server: E2eServer | undefined
  let browser: Browser | undefined
  beforeAll(async () => {
    mkdirSync(SHOTS, { recursive: true })
    server = process.env.PAPI_E2E_URL ? { url: process.env.PAPI_E2E_URL, stop: async () => {}, log: () => '' } : await startApiServer(env)
    browser = await launchChromium()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })
  const started = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('demoServerAndChromium: used before its beforeAll ran')
    return value
  }
  return {
    get server() {
      return started(server)
    },
    get browser() {
      return started(browser)
    },
  }
}
