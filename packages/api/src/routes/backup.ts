import { Readable } from 'node:stream'
import type { ReadableStream as NodeWebStream } from 'node:stream/web'
import { createRoute, z } from '@hono/zod-openapi'
import { gunzippedLines, gzippedLines, writeAudit } from '@papi/store'
import { errorResponses } from '../api-error'
import { authorize, changeOf } from '../authorize'
import { createRouter } from '../router'

/** The file name a backup is offered under: `papi-2026-12-04T2130.papi-backup`. */
export function backupFileName(at: Date): string {
  return `papi-${at.toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-')}.papi-backup`
}

const RestoreResultSchema = z
  .object({
    createdAt: z.string(),
    driver: z.enum(['pglite', 'postgres']),
    tables: z.array(z.object({ name: z.string(), rows: z.number().int() })),
  })
  .openapi('RestoreResult')

/**
 * Backup and restore of the whole database by admins (`system.backup`): a gzipped JSON-lines
 * file (see @papi/store's backup), the same for PGlite and PostgreSQL. `papi backup` and the TUI
 * read it here; a restore replaces everything in one transaction and signs everyone out.
 */
export const backupRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/backup',
      operationId: 'downloadBackup',
      tags: ['backup'],
      summary: 'The whole database as a papi backup (gzipped JSON lines); `Content-Length` is not known ahead',
      responses: {
        200: { description: 'The backup file', content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } } },
        ...errorResponses('unauthenticated', 'forbidden'),
      },
    }),
    async (c) => {
      await authorize(c, 'system.backup', null)
      const change = changeOf(c)
      await writeAudit(c.var.store.db, { action: 'backup', entity: 'system', entityId: 'database' }, change)
      const lines = c.var.store.backup.lines(change.at)
      // Rows counted in the header let a client show progress while it downloads.
      const gzip = gzippedLines(lines)
      c.header('Content-Type', 'application/gzip')
      c.header('Content-Disposition', `attachment; filename="${backupFileName(change.at)}"`)
      return c.body(Readable.toWeb(gzip) as unknown as ReadableStream, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/restore',
      operationId: 'restoreBackup',
      tags: ['backup'],
      summary: 'Replace the whole database with a papi backup; refuses any other file (422), signs everyone out',
      request: {
        body: { required: true, content: { 'application/gzip': { schema: z.string().openapi({ format: 'binary' }) } } },
      },
      responses: {
        200: { description: 'Restored', content: { 'application/json': { schema: RestoreResultSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'too-large', 'invalid'),
      },
    }),
    async (c) => {
      await authorize(c, 'system.backup', null)
      const change = changeOf(c)
      const body = c.req.raw.body
      const source = body ? Readable.fromWeb(body as unknown as NodeWebStream<Uint8Array>) : Readable.from([])
      // Audited in the restore's own transaction, after the restored rows: the restored database tells who restored it and when.
      const header = await c.var.store.backup.restore(gunzippedLines(source), { change, via: 'api' })
      return c.json({ createdAt: header.createdAt, driver: header.driver, tables: header.tables }, 200)
    },
  )
