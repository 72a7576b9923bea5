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
// The floor of the dashboard's first render: a static page with the log-in form's first field and
// no script, which Chromium opens as it opens papi's log-in page.
const PAGE = `<!doctype html>
<html lang="vi"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>papi</title></head>
<body><form><label for="login-username">Tên đăng nhập</label> <input id="login-username" name="username"></form></body></html>
`
app.get('/bench/page', (c) => c.html(PAGE))

// The floor of a plan import: the same upload read with the bare library — the text of a .txt,
// JSZip's word/document.xml of a .docx with each table row's text, exceljs's rows of an .xlsx —
// without papi's work (recognising the plan, matching units, building it); `?insert=1` adds one
// INSERT of those rows (the floor of a confirmed import). Loaded on the first upload, so the
// startup floor stays the bare server's.
let rowsTable
app.post('/bench/read-document', async (c) => {
  const form = await c.req.parseBody()
  const file = form.file
  if (!(file instanceof File)) return c.json({ error: 'send the document as the form field "file"' }, 400)
  const data = new Uint8Array(await file.arrayBuffer())
  let rows
  if (file.name.endsWith('.docx')) {
    const { default: JSZip } = await import('jszip')
    const xml = await (await JSZip.loadAsync(data)).file('word/document.xml').async('string')
    rows = [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join(' | '),
    )
  } else if (file.name.endsWith('.xlsx')) {
    const { default: ExcelJS } = await import('exceljs')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(data)
    rows = []
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) =>
        rows.push(
          (row.values ?? [])
            .filter((v) => v != null)
            .map(String)
            .join(' | '),
        ),
      ),
    )
  } else
    rows = new TextDecoder()
      .decode(data)
      .split(/\r?\n/)
      .filter((l) => l.trim() !== '')
  if (c.req.query('insert') === '1') {
    rowsTable ??= query(
      'create table if not exists bench_floor_rows (id bigint generated always as identity primary key, body text not null)',
    )
    await rowsTable
    await query('insert into bench_floor_rows (body) select unnest($1::text[])', [rows])
  }
  return c.json({ rows: rows.length })
})
serve({ fetch: app.fetch, hostname: '127.0.0.1', port }, () => console.log(`listening ${port}`))
