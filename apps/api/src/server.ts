// The papi server: opens the store (PGlite in PAPI_DATA_DIR, or DATABASE_URL), creates the admin
// on first start, seeds the demo unless PAPI_DEMO=0, and serves the API and the web dashboard.
//
//   HOST (127.0.0.1)  PORT (8787)  PAPI_DATA_DIR (./.papi-data)  DATABASE_URL (postgres://…)
//   PAPI_ADMIN_PASSWORD (else generated and printed once)  PAPI_DEMO (1; 0 = no demo data)
//   PAPI_DEMO_PLANS (the seed plans the demo loads, file names separated by commas; default all four)
//   PAPI_WEB_DIST (apps/web/dist)  PAPI_SECURE_COOKIES (1 behind HTTPS)  PAPI_LOG_LEVEL (info; silent)
//   PAPI_SSH_SECRET (shared with `papi ssh-serve`; unset, SSH sign-in is off)
import { existsSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { setFlagsFromString } from 'node:v8'
import { openStore, storeOptionsFromEnv } from '@papi/store'

// src/ and dist/ both sit one level below apps/api, so these resolve from either.
const DEFAULT_WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url))

async function main(env: NodeJS.ProcessEnv) {
  const host = env.HOST?.trim() || '127.0.0.1'
  const port = Number(env.PORT ?? 8787)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`)

  const options = storeOptionsFromEnv(env)
  console.log(options.databaseUrl ? `papi: PostgreSQL ${redact(options.databaseUrl)}` : `papi: PGlite, data in ${options.dataDir}`)
  // PGlite on its own thread: a long statement (a province dashboard, an import) never holds the
  // server's event loop, so no request waits behind another's query (#11).
  const opening = openStore({ ...options, worker: true })
  // The API, the HTTP server and the log load while the database opens (PGlite starts on its
  // thread, PostgreSQL answers round trips): startup to first answer (#11).
  const loading = Promise.all([import('@papi/api'), import('./demo-seed'), import('@hono/node-server')])
  loading.catch(() => {}) // a store that fails to open is the error to report
  const store = await opening
  const [{ createApp, serverLogger }, { DEMO_PASSWORD, ensureAdmin, seedDemo }, { serve }] = await loading
  const now = () => new Date()

  const admin = await ensureAdmin(store, { password: env.PAPI_ADMIN_PASSWORD, now: now() })
  if (admin.created && admin.generated) {
    console.log(`papi: created user "admin" with the generated password: ${admin.password}`)
    console.log('      (shown once; set PAPI_ADMIN_PASSWORD to choose it)')
  } else if (admin.created) console.log('papi: created user "admin" (password from PAPI_ADMIN_PASSWORD)')

  let demo: Awaited<ReturnType<typeof seedDemo>> | undefined
  if (env.PAPI_DEMO !== '0') {
    console.log("papi: demo data (the unit register of the seed plans' provinces, every province's PAPI results, the four seed plans)…")
    const started = Date.now()
    demo = await seedDemo(store, {
      // Loaded only to seed the demo: without it the server never loads the document readers.
      sources: {
        readRegister: async () => (await import('@papi/register')).readRegister(),
        readScoreTables: async () => (await import('@papi/register')).readPapiScoreTables(),
      },
      importPlan: async (file, context) => {
        const { readPlanDocument, toPlan } = await import('@papi/documents')
        return toPlan(await readPlanDocument(file, context))
      },
      log: (line) => console.log(line),
      now: now(),
      ...(env.PAPI_DEMO_PLANS?.trim() && { plans: env.PAPI_DEMO_PLANS.split(',').map((p) => p.trim()) }),
    })
    console.log(`papi: demo data ready in ${((Date.now() - started) / 1000).toFixed(1)} s`)
  }

  const webDist = env.PAPI_WEB_DIST || DEFAULT_WEB_DIST
  // The request log: one JSON line per request on stdout, keyed by requestId (PAPI_LOG_LEVEL, info).
  const logger = serverLogger(env.PAPI_LOG_LEVEL || 'info')
  const app = createApp({
    store,
    clock: now,
    webDist,
    logger,
    secureCookies: env.PAPI_SECURE_COOKIES === '1',
    sshGatewaySecret: env.PAPI_SSH_SECRET?.trim() || undefined,
  })
  const server = serve({ fetch: app.fetch, hostname: host, port }, (info) => {
    // From now on the old generation grows by half of what survived the last full collection before
    // the next one, not by V8's adaptive factor (up to 4×): a recomputed dashboard's rows outlive a
    // scavenge or two and pile up as garbage, ~2 MB a recomputation, collected only when the heap had
    // grown to ~200 MB around ~50 MB live — the server's peak memory while serving the national
    // dashboard (#11). This changes how often V8 collects, never how much it may hold (no heap limit
    // is set: a 5,000-task import takes what it needs). V8 reads the flag at each collection, so it
    // applies from here; set only once listening, it spares the start the collections it would add
    // while the modules load (startup to first answer 279 → 253 ms, medians of 8, province bench).
    setFlagsFromString('--heap-growing-percent=50')
    const url = `http://${info.address.includes(':') ? `[${info.address}]` : info.address}:${info.port}`
    console.log(`papi: listening on ${url}`)
    console.log(`      API docs ${url}/api/docs${existsSync(webDist) ? `, dashboard ${url}/` : ''}`)
    if (demo) {
      console.log(`      demo logins (password "${DEMO_PASSWORD}"):`)
      for (const a of demo.accounts) console.log(`        ${a.username.padEnd(9)} ${a.note}`)
    }
  })

  const stop = () => {
    server.close(() => void store.close().then(() => process.exit(0)))
    // Open keep-alive connections must not hold the process forever.
    setTimeout(() => process.exit(0), 5000).unref()
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

function redact(url: string): string {
  try {
    const u = new URL(url)
    if (u.password) u.password = '***'
    return u.toString()
  } catch {
    return 'postgres://…'
  }
}

main(process.env).catch((error: unknown) => {
  console.error('papi: could not start:', error instanceof Error ? error.message : error)
  process.exit(1)
})
