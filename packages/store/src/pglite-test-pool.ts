// Test stores on PGlite, reused within a test process. Opening one from the template's dump costs
// ~0.6 s of CPU (the data folder unpacked into PGlite's file system, PostgreSQL booted), ~60 times
// per workspace run. Instead, a test's close hands its database back reset to the template's
// contents (every table emptied and the template's rows put back, sequences and session state as
// new), and the next open in the process takes it: a few milliseconds.
import type { PGlite } from '@electric-sql/pglite'
import { drizzle } from 'drizzle-orm/pglite'
import type { Database } from './database'
import { forDrizzle } from './pglite-client'
import { createStore, type Store } from './store'

/** What a database holds right after the template is loaded, as the SQL that puts it back. */
interface Template {
  dump: Blob
  reset: string
}

/** Databases closed by their test and reset, waiting for the next open; a couple are enough (files run one after another). */
const idle: PGlite[] = []
const MAX_IDLE = 2
let template: Template | undefined

/**
 * A store on a PGlite database holding exactly the template dump's contents: a database another
 * test of this process closed, reset, or a new one loaded from the dump.
 */
export async function openPooledPglite(dump: Blob): Promise<Store> {
  if (template?.dump !== dump) {
    for (const client of idle.splice(0)) await client.close()
    template = undefined
  }
  const client = idle.pop() ?? (await loadTemplate(dump))
  return lease(client)
}

async function loadTemplate(dump: Blob): Promise<PGlite> {
  const { PGlite } = await import('@electric-sql/pglite')
  const client = await PGlite.create({ loadDataDir: dump })
  template ??= { dump, reset: await resetSqlOf(client) }
  return client
}

/**
 * The SQL that brings a database back to what `client` holds now (the template as loaded): every
 * table of the public schema emptied, its rows as they are now inserted again (triggers off, as a
 * restore does), every sequence set back.
 */
async function resetSqlOf(client: PGlite): Promise<string> {
  const ident = (name: string) => `"${name.replaceAll('"', '""')}"`
  const { rows: tables } = await client.query<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  )
  const inserts: string[] = []
  for (const { name } of tables) {
    const { rows } = await client.query<{ rows: string | null }>(`select json_agg(t)::text as rows from ${ident(name)} t`)
    const json = rows[0]?.rows
    if (json) {
      inserts.push(
        `insert into ${ident(name)} overriding system value select * from json_populate_recordset(null::${ident(name)}, $papi_rows$${json}$papi_rows$)`,
      )
    }
  }
  const { rows: sequences } = await client.query<{ name: string; last: string | null; start: string }>(
    `select format('%I.%I', schemaname, sequencename) as name, last_value::text as last, start_value::text as start
       from pg_sequences where schemaname = 'public'`,
  )
  const setvals = sequences.map(({ name, last, start }) =>
    last === null ? `select setval('${name}', ${start}, false)` : `select setval('${name}', ${last}, true)`,
  )
  return [
    'set session_replication_role = replica',
    `truncate ${tables.map(({ name }) => ident(name)).join(', ')} restart identity`,
    ...inserts,
    ...setvals,
    'reset session_replication_role',
  ].join(';\n')
}

/**
 * A store over `client` until it is closed: then nothing reaches the database through it any more
 * (as after a real close), and the database is reset and kept for the next open.
 */
function lease(client: PGlite): Store {
  let open = true
  const guarded = new Proxy(client, {
    get(target, property) {
      if (!open) throw new Error('PGlite is closed')
      const value = Reflect.get(target, property, target)
      return typeof value === 'function' ? value.bind(target) : value
    },
  })
  const db = drizzle({ client: forDrizzle(guarded) as PGlite })
  return createStore(
    db as unknown as Database,
    'pglite',
    async () => {
      if (!open) return
      open = false
      if (idle.length < MAX_IDLE && (await reset(client))) idle.push(client)
      else await client.close()
    },
    (channel, onNotice) => guarded.listen(channel, onNotice),
  )
}

/** Puts the template's contents back; false when the database cannot be reused (then it is closed). */
async function reset(client: PGlite): Promise<boolean> {
  if (!template) return false
  try {
    // Session state a test may have left: prepared statements, settings, temporary tables, locks.
    // Refused inside a transaction block, as a test that left one open would have.
    await client.exec('discard all')
    await client.exec(template.reset)
    return true
  } catch {
    return false
  }
}
