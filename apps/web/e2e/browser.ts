import { existsSync } from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Debian's Chromium; CHROMIUM_PATH overrides. Never downloaded: government machines are offline. */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

/**
 * Whether the end-to-end suite can run. With PAPI_REQUIRE_BROWSER=1 (CI) a missing Chromium is
 * a failure, not a skip: the suite throws so the run goes red.
 */
export function browserAvailable(): boolean {
  if (existsSync(CHROMIUM_PATH)) return true
  if (process.env.PAPI_REQUIRE_BROWSER === '1') {
    throw new Error(`PAPI_REQUIRE_BROWSER=1 but no Chromium at ${CHROMIUM_PATH}: install Debian's chromium`)
  }
  return false
}

export async function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
