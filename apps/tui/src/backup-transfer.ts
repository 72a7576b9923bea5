import { createReadStream, createWriteStream } from 'node:fs'
import { stat } from 'node:fs/promises'
import { Readable, Transform } from 'node:stream'
import { finished } from 'node:stream/promises'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import { createGunzip } from 'node:zlib'
import { failure, type OkBody, type PapiClient } from './api'

/** What `POST /api/v1/restore` answers (sent with a plain fetch: its body is a stream). */
type RestoreAnswer = OkBody<Awaited<ReturnType<PapiClient['api']['v1']['restore']['$post']>>>

export interface TransferProgress {
  /** 0–1 when known. */
  ratio: number | undefined
  rows: number
}

/**
 * Downloads `GET /api/v1/backup` into `file`, reading the rows as they pass so the progress bar
 * moves by rows against the header's count (the size of a gzip stream is not known ahead).
 *
 * @example
 * await downloadBackup(fetch, 'http://127.0.0.1:8787', 'papi.papi-backup', (p) => bar(p.ratio))
 */
export async function downloadBackup(
  fetchImpl: typeof fetch,
  url: string,
  file: string,
  onProgress: (p: TransferProgress) => void,
): Promise<{ rows: number }> {
  const res = await fetchImpl(new URL('/api/v1/backup', url))
  if (!res.ok || !res.body) await failure(res)
  const out = createWriteStream(file)
  const gunzip = createGunzip()
  let total: number | undefined
  let rows = 0
  let rest = ''
  gunzip.on('data', (chunk: Buffer) => {
    const lines = (rest + chunk.toString('utf8')).split('\n')
    rest = lines.pop() ?? ''
    for (const line of lines) {
      const parsed = JSON.parse(line) as { tables?: { rows: number }[]; rows?: unknown[] }
      if (total === undefined) total = (parsed.tables ?? []).reduce((s, t) => s + t.rows, 0)
      else rows += parsed.rows?.length ?? 0
    }
    onProgress({ ratio: total ? rows / total : undefined, rows })
  })
  for await (const chunk of Readable.fromWeb(res.body as unknown as NodeWebStream<Uint8Array>)) {
    out.write(chunk)
    gunzip.write(chunk)
  }
  out.end()
  gunzip.end()
  await Promise.all([finished(out), finished(gunzip)])
  onProgress({ ratio: 1, rows })
  return { rows }
}

/**
 * Uploads a backup file to `POST /api/v1/restore`, streaming it with progress by bytes sent.
 * The server refuses anything that is not a papi backup; so does this side, before sending.
 */
export async function uploadRestore(
  fetchImpl: typeof fetch,
  url: string,
  file: string,
  onProgress: (p: TransferProgress) => void,
): Promise<{ rows: number }> {
  const { size } = await stat(file)
  let sent = 0
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      sent += chunk.length
      onProgress({ ratio: size ? sent / size : undefined, rows: 0 })
      done(null, chunk)
    },
  })
  const body = Readable.toWeb(createReadStream(file).pipe(counter))
  const res = await fetchImpl(new URL('/api/v1/restore', url), {
    method: 'POST',
    body: body as never,
    headers: { 'content-type': 'application/gzip' },
    duplex: 'half',
  } as RequestInit)
  if (!res.ok) await failure(res)
  const result = (await res.json()) as RestoreAnswer
  return { rows: result.tables.reduce((s, t) => s + t.rows, 0) }
}
