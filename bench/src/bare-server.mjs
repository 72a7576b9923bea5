// The floor of the HTTP figures: bare Hono on @hono/node-server with one health route and a write
// that does one INSERT — what papi costs beyond "HTTP + one statement" is the ratio to this.
//   DATABASE_URL=postgres://… (else PGlite in PAPI_DATA_DIR or memory)  PORT  POOL (10)
import { serve } from '@hono/node-server'
import { Hono } from 'hono'

const port = Number(process.env.PORT ?? 8879)
let query
if (process.env.DATABASE_URL) {
  const { default: pg } = await import('pg')
  const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: Number(process.env.POOL ?? 10) })
  query = (text, params) => pool.query(text, params)
} else {
  const { PGlite } = await import('@electric-sql/pglite')
  const db = await PGlite.create(process.env.PAPI_DATA_DIR || undefined)
  query = (text, params) => db.query(text, params)
}
await query(
  'create table if not exists bench_floor (id bigint generated always as identity primary key, at timestamptz not null default now(), body jsonb not null)',
)

const app = new Hono()
app.get('/api/health', (c) => c.json({ status: 'ok' }))
app.put('/api/v1/reports', async (c) => {
  const body = await c.req.json()
  const { rows } = await query('insert into bench_floor (body) values ($1) returning id', [body])
  return c.json({ id: rows[0].id, ...body })
})
serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => console.log(`listening ${port}`))
