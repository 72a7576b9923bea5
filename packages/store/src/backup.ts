import { Readable } from 'node:stream'
import { StringDecoder } from 'node:string_decoder'
import { createGunzip, createGzip } from 'node:zlib'
import { sql, type SQL } from 'drizzle-orm'
import { writeAudit, type Change } from './audit-log'
import type { Database, Driver, Executor } from './database'
import { StoreError } from './store-error'

/**
 * A logical backup of papi's tables, the same on PGlite and PostgreSQL (so a backup of the
 * embedded database restores onto a server and back): JSON lines, the first a header, then
 * `{ table, rows }` chunks, tables in foreign-key order. Callers gzip it (`papi backup` writes
 * `.papi-backup`, the API streams it). Sessions and log-in attempts are left out: they are not
 * data, and a restore signs everyone out.
 */
export const BACKUP_FORMAT = 'papi-backup'
export const BACKUP_VERSION = 1

export interface BackupHeader {
  format: typeof BACKUP_FORMAT
  version: number
  driver: Driver
  createdAt: string
  /** The migrations applied to the database it came from; a restore needs the same. */
  migrations: string[]
  /** Rows per table, in restore order. */
  tables: { name: string; rows: number }[]
}

export interface BackupProgress {
  table: string
  done: number
  total: number
}

/** Tables left out of backups, emptied by a restore. */
const TRANSIENT = new Set(['sessions', 'login_attempts'])
/**
 * Change counters the processes' caches compare (the unit tree's version, each plan's figures
 * version): left out of backups and kept by a restore, whose truncates and inserts move them on.
 * Restored from a backup they could go back to a value a process cached other data under. Older
 * backups that hold them: their rows are skipped.
 */
const COUNTERS = new Set(['unit_tree_version', 'plan_figures_versions'])
const CHUNK = 1000

type Row = Record<string, unknown>

async function rows<T extends Row>(db: Executor, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] }
  return result.rows
}

const ident = (name: string) => sql.raw(`"${name.replaceAll('"', '""')}"`)

/** papi's tables (schema `public`), parents before children by their foreign keys. */
async function tablesInOrder(db: Executor): Promise<string[]> {
  const names = (
    await rows<{ name: string }>(db, sql`select tablename as name from pg_tables where schemaname = 'public' order by tablename`)
  ).map((r) => r.name)
  const edges = await rows<{ child: string; parent: string }>(
    db,
    sql`select c.relname as child, p.relname as parent from pg_constraint k
        join pg_class c on c.oid = k.conrelid join pg_class p on p.oid = k.confrelid
        join pg_namespace n on n.oid = c.relnamespace
        where k.contype = 'f' and n.nspname = 'public' and c.relname <> p.relname`,
  )
  const ordered: string[] = []
  const visit = (name: string, path: Set<string>) => {
    if (ordered.includes(name) || path.has(name)) return
    path.add(name)
    for (const e of edges) if (e.child === name) visit(e.parent, path)
    ordered.push(name)
  }
  for (const name of names) visit(name, new Set())
  return ordered
}

async function appliedMigrations(db: Executor): Promise<string[]> {
  const found = await rows<{ hash: string }>(db, sql`select hash from drizzle.__drizzle_migrations order by created_at, id`)
  return found.map((r) => r.hash)
}

/**
 * The backup as JSON lines (header first), read in one consistent snapshot.
 *
 * @example
 * for await (const line of backupLines(store.db, store.driver)) out.write(`${line}\n`)
 */
export async function* backupLines(
  db: Database,
  driver: Driver,
  now: Date,
  onProgress?: (p: BackupProgress) => void,
): AsyncGenerator<string> {
  // Collect inside one repeatable-read transaction, then yield: a generator cannot hold the
  // transaction open across the consumer's awaits on both drivers.
  const chunks: string[] = []
  await db.transaction(
    async (tx) => {
      const tables = (await tablesInOrder(tx)).filter((t) => !TRANSIENT.has(t) && !COUNTERS.has(t))
      const counts: BackupHeader['tables'] = []
      for (const name of tables) {
        const [c] = await rows<{ n: number }>(tx, sql`select count(*)::int as n from ${ident(name)}`)
        counts.push({ name, rows: c?.n ?? 0 })
      }
      const header: BackupHeader = {
        format: BACKUP_FORMAT,
        version: BACKUP_VERSION,
        driver,
        createdAt: now.toISOString(),
        migrations: await appliedMigrations(tx),
        tables: counts,
      }
      chunks.push(JSON.stringify(header))
      const total = counts.reduce((s, t) => s + t.rows, 0)
      let done = 0
      for (const { name, rows: n } of counts) {
        for (let offset = 0; offset < n; offset += CHUNK) {
          const part = await rows<{ r: Row }>(
            tx,
            sql`select row_to_json(t) as r from ${ident(name)} t order by t.ctid limit ${CHUNK} offset ${offset}`,
          )
          chunks.push(JSON.stringify({ table: name, rows: part.map((p) => p.r) }))
          done += part.length
          onProgress?.({ table: name, done, total })
        }
      }
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  )
  yield* chunks
}

/** Reads and checks a backup's first line; anything else is refused as "not a papi backup". */
export function parseBackupHeader(line: string | undefined): BackupHeader {
  let header: Partial<BackupHeader> | undefined
  try {
    header = line ? (JSON.parse(line) as Partial<BackupHeader>) : undefined
  } catch {
    header = undefined
  }
  if (!header || header.format !== BACKUP_FORMAT || !Array.isArray(header.tables) || !Array.isArray(header.migrations)) {
    throw new StoreError('invalid', 'not a papi backup', { reason: 'not-a-backup' })
  }
  if (header.version !== BACKUP_VERSION) {
    throw new StoreError('invalid', `backup format version ${header.version} is not ${BACKUP_VERSION}`, { reason: 'backup-version' })
  }
  return header as BackupHeader
}

/** Who restores, and through what: the audit entry a restore writes says so. */
export interface RestoreBy {
  change: Change
  /** `api` (`POST /restore`) or `cli` (`papi restore` on the database itself). */
  via: 'api' | 'cli'
}

/**
 * Replaces every papi table with a backup's rows, in one transaction: all or nothing. Refuses a
 * file that is not a papi backup, or one taken under other migrations. Everyone is signed out.
 * The same transaction writes the audit entry of the restore (action `restore`, entity `system`),
 * after the restored rows, so the restored database tells who restored it, when and how — from
 * the API or from the command line alike.
 *
 * @example
 * await restoreBackup(store.db, readLines(gunzip(file)), { change, via: 'cli' }, (p) => bar.update(p.done / p.total))
 */
export async function restoreBackup(
  db: Database,
  lines: AsyncIterable<string> | Iterable<string>,
  by: RestoreBy,
  onProgress?: (p: BackupProgress) => void,
): Promise<BackupHeader> {
  const iterator = (Symbol.asyncIterator in lines ? lines[Symbol.asyncIterator]() : (lines as Iterable<string>)[Symbol.iterator]()) as
    | AsyncIterator<string>
    | Iterator<string>
  const first = await iterator.next()
  const header = parseBackupHeader(first.done ? undefined : first.value)
  const migrations = await appliedMigrations(db)
  if (header.migrations.join() !== migrations.join()) {
    throw new StoreError('invalid', 'the backup was taken under another schema version', {
      reason: 'backup-schema',
      backup: header.migrations.length,
      database: migrations.length,
    })
  }
  const known = new Set(header.tables.map((t) => t.name))
  const total = header.tables.reduce((s, t) => s + t.rows, 0)
  await db.transaction(async (tx) => {
    const tables = (await tablesInOrder(tx)).filter((t) => !COUNTERS.has(t))
    const unknown = [...known].filter((t) => !tables.includes(t) && !COUNTERS.has(t))
    if (unknown.length) throw new StoreError('invalid', 'the backup names tables this database lacks', { reason: 'backup-schema', unknown })
    await tx.execute(sql.raw(`truncate ${tables.map((t) => `"${t}"`).join(', ')} cascade`))
    // A self-referencing table (units, plans) goes in as one statement: its foreign keys are
    // checked at the statement's end, so children may precede their parents in the file.
    const pending = new Map<string, Row[]>()
    const insert = async (table: string, batch: Row[]) => {
      await tx.execute(
        sql`insert into ${ident(table)} overriding system value select * from json_populate_recordset(null::${ident(table)}, ${JSON.stringify(batch)}::json)`,
      )
    }
    const selfReferencing = new Set(
      (
        await rows<{ name: string }>(
          tx,
          sql`select c.relname as name from pg_constraint k join pg_class c on c.oid = k.conrelid
              where k.contype = 'f' and k.conrelid = k.confrelid`,
        )
      ).map((r) => r.name),
    )
    let done = 0
    let current: string | undefined
    const flush = async () => {
      if (current && pending.has(current)) await insert(current, pending.get(current) ?? [])
      pending.clear()
    }
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) {
      let chunk: { table?: unknown; rows?: unknown }
      try {
        chunk = JSON.parse(next.value) as typeof chunk
      } catch {
        throw new StoreError('invalid', 'the backup is damaged', { reason: 'not-a-backup' })
      }
      if (typeof chunk.table !== 'string' || !known.has(chunk.table) || !Array.isArray(chunk.rows)) {
        throw new StoreError('invalid', 'the backup is damaged', { reason: 'not-a-backup' })
      }
      if (COUNTERS.has(chunk.table)) {
        done += chunk.rows.length
        continue
      }
      if (chunk.table !== current || !selfReferencing.has(chunk.table)) await flush()
      current = chunk.table
      pending.set(current, [...(pending.get(current) ?? []), ...(chunk.rows as Row[])])
      done += chunk.rows.length
      onProgress?.({ table: current, done, total })
    }
    await flush()
    if (done !== total) throw new StoreError('invalid', 'the backup is cut short', { reason: 'backup-truncated', done, total })
    // Identity columns (audit_log.seq) continue after the restored rows.
    const identities = await rows<{ t: string; c: string }>(
      tx,
      sql`select table_name as t, column_name as c from information_schema.columns where table_schema = 'public' and is_identity = 'YES'`,
    )
    for (const { t, c } of identities) {
      await tx.execute(
        sql`select setval(pg_get_serial_sequence(${`"${t}"`}, ${c}), coalesce((select max(${ident(c)}) from ${ident(t)}), 0) + 1, false)`,
      )
    }
    await writeAudit(
      tx,
      {
        action: 'restore',
        entity: 'system',
        entityId: 'database',
        after: { createdAt: header.createdAt, driver: header.driver, via: by.via },
      },
      by.change,
    )
  })
  return header
}

/** The lines of a gzipped upload; a file that is not gzip is "not a papi backup". */
export async function* gunzippedLines(source: Readable): AsyncGenerator<string> {
  const gunzip = source.pipe(createGunzip())
  source.on('error', (error) => gunzip.destroy(error))
  const decoder = new StringDecoder('utf8')
  let rest = ''
  try {
    for await (const chunk of gunzip) {
      const lines = (rest + decoder.write(chunk as Buffer)).split('\n')
      rest = lines.pop() ?? ''
      yield* lines
    }
  } catch (error) {
    if ((error as { code?: string }).code?.startsWith('Z_')) {
      throw new StoreError('invalid', 'not a papi backup (not gzip)', { reason: 'not-a-backup' })
    }
    throw error
  }
  rest += decoder.end()
  if (rest) yield rest
}

/** A backup's lines as the gzipped file (`.papi-backup`). */
export function gzippedLines(lines: AsyncIterable<string>): Readable {
  return Readable.from(
    (async function* () {
      for await (const line of lines) yield `${line}\n`
    })(),
  ).pipe(createGzip())
}
