// The dashboard's first page in Chromium: the built web app (apps/web/dist) served by the papi
// server, opened cold (a fresh browser context each time: no cache, no cookie) in Debian's
// Chromium through playwright-core, until the log-in form's first field is visible — the first
// page every visitor sees, and what it loads before it. The floor is the same Chromium opening a
// static page with that field and no script, served by bare Hono (src/bare-server.mjs), in the
// same run. Bytes of script are what Chromium fetched before the field showed: as they crossed the
// wire (papi sends the build's Brotli or gzip copy to a browser that accepts it), and unpacked and
// gzipped (level 9, as apps/web/scripts/measure-bundle.ts counts them).
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { gzipSync } from 'node:zlib'
import { type Browser, chromium } from 'playwright-core'
import { type BenchDataset, type Kit, stat } from './kit'

/** Debian's Chromium; CHROMIUM_PATH overrides. Never downloaded. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'
/** The budget for the first page's JavaScript: 120 KB gzipped (apps/web/scripts/measure-bundle.ts). */
const JS_BUDGET_BYTES = 120 * 1024
const FIRST_FIELD = '#login-username'

interface Open {
  /** From navigation start to the field visible, in the page's own clock (ms). */
  ms: number
  scripts: Script[]
}

interface Script {
  url: string
  /** The script unpacked. */
  bytes: number
  gzipBytes: number
  /** Its body as received (encoded: Brotli or gzip when the server sent a compressed copy). */
  wireBytes: number
}

async function open(browser: Browser, url: string): Promise<Open> {
  const context = await browser.newContext()
  try {
    const page = await context.newPage()
    const bodies: Promise<Script | undefined>[] = []
    let shown = false
    page.on('response', (res) => {
      if (shown || res.request().resourceType() !== 'script') return
      bodies.push(
        Promise.all([res.body(), res.request().sizes()]).then(
          ([b, sizes]) => ({
            url: new URL(res.url()).pathname,
            bytes: b.length,
            gzipBytes: gzipSync(b, { level: 9 }).length,
            wireBytes: sizes.responseBodySize,
          }),
          () => undefined,
        ),
      )
    })
    await page.goto(url, { waitUntil: 'commit' })
    await page.waitForSelector(FIRST_FIELD, { state: 'visible', timeout: 30_000 })
    const ms = await page.evaluate(() => performance.now())
    shown = true
    const scripts = (await Promise.all(bodies)).filter((s) => s !== undefined)
    return { ms, scripts }
  } finally {
    await context.close()
  }
}

export async function browserFigures(kit: Kit, ds: BenchDataset, opts: { runs: number; seconds: number }): Promise<void> {
  const dist = join(kit.root, 'apps/web/dist')
  if (!existsSync(join(dist, 'index.html')))
    throw new Error(`no ${dist}/index.html: build the web app (turbo run build --filter=@papi/web)`)
  if (!existsSync(CHROMIUM)) throw new Error(`no Chromium at ${CHROMIUM} (Debian's chromium; CHROMIUM_PATH overrides)`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
  try {
    const series = async (url: string) => {
      await open(browser, url)
      const runs: Open[] = []
      const deadline = performance.now() + opts.seconds * 1000
      while (runs.length < opts.runs && (runs.length < 3 || performance.now() < deadline)) runs.push(await open(browser, url))
      return runs
    }
    const bare = await kit.startServer('bare', ds.env)
    let floor: Open[]
    try {
      floor = await series(`${bare.url}/bench/page`)
    } finally {
      await bare.stop()
    }
    const papi = await kit.startServer('papi', { ...ds.env, PAPI_WEB_DIST: dist })
    let runs: Open[]
    try {
      runs = await series(`${papi.url}/`)
    } finally {
      await papi.stop()
    }
    // Bytes are the same on every cold open: the last one's.
    const scripts = runs.at(-1)?.scripts ?? []
    const bytes = scripts.reduce((n, s) => n + s.bytes, 0)
    const gzipBytes = scripts.reduce((n, s) => n + s.gzipBytes, 0)
    const wireBytes = scripts.reduce((n, s) => n + s.wireBytes, 0)
    const kib = (n: number) => Math.round((n / 1024) * 10) / 10
    kit.add({
      name: 'first page in Chromium: log-in form visible',
      db: ds.db,
      scale: ds.scale,
      unit: 'ms',
      papi: stat(runs.map((r) => r.ms)),
      floor: stat(floor.map((r) => r.ms)),
      floorName: 'a static page with the same field, no script, from bare Hono',
      better: 'lower',
      note: `cold (a fresh context each time); ${scripts.length} scripts, ${kib(bytes)} KiB (${kib(gzipBytes)} KiB gzipped) before the field showed`,
    })
    kit.add({
      name: 'first page in Chromium: JavaScript loaded (gzipped)',
      db: ds.db,
      scale: ds.scale,
      unit: 'KiB',
      papi: { median: kib(gzipBytes), p95: kib(gzipBytes), runs: runs.length },
      floor: { median: kib(JS_BUDGET_BYTES), p95: kib(JS_BUDGET_BYTES), runs: 1 },
      floorName: 'the budget of the issue (120 KB gzipped; a static page needs none)',
      better: 'lower',
      note: `${kib(bytes)} KiB unpacked, ${kib(wireBytes)} KiB over the wire: ${scripts.map((s) => s.url.replace(/^\/assets\//, '')).join(', ')}`,
    })
    kit.add({
      name: 'first page in Chromium: JavaScript loaded (as sent)',
      db: ds.db,
      scale: ds.scale,
      unit: 'KiB',
      papi: { median: kib(wireBytes), p95: kib(wireBytes), runs: runs.length },
      floor: { median: kib(gzipBytes), p95: kib(gzipBytes), runs: 1 },
      floorName: 'the same scripts gzipped (level 9)',
      note: `the response bodies as Chromium received them (the build's Brotli or gzip copies); ${kib(bytes)} KiB unpacked`,
      better: 'lower',
    })
  } finally {
    await browser.close()
  }
}
