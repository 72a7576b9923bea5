import { createRoute, z } from '@hono/zod-openapi'
import {
  can,
  FRAMEWORKS,
  frameworkById,
  FrameworkSchema,
  BandSchema,
  IndexResultSchema,
  matchProvinces,
  NotRankedYearSchema,
  scoreFigures,
  type IndexResult,
  type NotRankedYear,
  type ResultIssue,
} from '@papi/domain'
import { checkResult, StoreError, storeErrorOf } from '@papi/store'
import type { Context } from 'hono'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { changeOf } from '../authorize'
import { authorizeBeforeBody } from '../authorize-before-body'
import { documentError } from '../document-error'
import { attachment } from '../content-disposition'
import { createRouter, versionMissing } from '../router'
import { component, FileUploadSchema, StoredScoreSchema, VersionFieldSchema } from '../schemas'

/** A year's result with the version it was based on: 0 when none is stored yet, else the stored one's (409 when stale). */
const NamedIndexResultSchema = component(IndexResultSchema.extend({ version: VersionFieldSchema }), 'ScoreWrite')
import { describeResultIssue } from '../result-issue'
import { requireAuth } from '../session'

const ScoreWithFiguresSchema = StoredScoreSchema.extend({
  figures: z.object({
    band: BandSchema.optional(),
    previousYear: z.number().int().optional(),
    scoreChange: z.number().optional(),
    rankChange: z.number().int().optional(),
    pointsToRank: z.number().optional(),
  }),
}).openapi('ScoreWithFigures')

const NotRankedSchema = NotRankedYearSchema.extend({
  id: z.string(),
  index: z.string(),
  notRanked: z.literal(true).openapi({ description: 'Always true: the unit was listed that year but not ranked (no total).' }),
})
  .openapi({
    description:
      'A year a unit was not ranked in: listed in the published table but not assessed, so it has no total, rank or band (PAPI 2022: Bắc Giang and Bắc Ninh). Ranks and bands of that year are over the units ranked. Dimensions the table still gives are kept as published.',
  })
  .openapi('NotRankedScore')

const IssueSchema = z.object({
  row: z.number().int().optional(),
  line: z.number().int().optional(),
  column: z.string().optional(),
  code: z.string().optional(),
  severity: z.string().optional(),
  path: z.array(z.union([z.string(), z.number()])).optional(),
  message: z.string(),
})

const SaveResultSchema = z.object({ saved: z.array(StoredScoreSchema), warnings: z.array(IssueSchema) }).openapi('ScoreSaveResult')

/** The version of a framework's year as a whole: what an import names, as the uploader previewed it. */
const TableVersionSchema = z.string().min(1).max(64)

const ImportResultSchema = z
  .object({
    dryRun: z.boolean(),
    version: TableVersionSchema.openapi({
      description:
        "The version of the framework's year: in a dry run, the one stored now, which the import then names (`version`); once stored, the new one.",
    }),
    results: z.array(IndexResultSchema),
    saved: z.array(StoredScoreSchema),
    warnings: z.array(IssueSchema),
    /** Rows naming a unit or province papi does not hold (or several): listed, the others stored. */
    unmatched: z.array(z.object({ line: z.number().int(), unit: z.string(), reason: z.string() })),
    notRanked: z.array(NotRankedYearSchema).openapi({
      description:
        'Rows marked `notRanked` (no total): the years these units were not ranked in, kept as such (each replaces a stored result of that unit, framework and year); stored unless `dryRun`.',
    }),
  })
  .openapi('ScoreImportResult')

const TABLE_CHANGED = {
  vi: 'Kết quả của năm này đã thay đổi kể từ khi bạn xem trước (có người vừa nhập hoặc sửa điểm): hãy xem trước lại rồi gửi bảng.',
  en: "This year's results changed since your preview (someone stored or corrected a score meanwhile): preview again, then send the table.",
}

function withMessage<T extends ResultIssue>(c: Context<AppEnv>, issue: T) {
  return { ...issue, message: describeResultIssue(issue, c.var.locale) }
}

/** Every row's unit must be one the caller may enter scores for. */
async function authorizeUnits(c: Context<AppEnv>, unitIds: string[]) {
  const auth = requireAuth(c)
  const tree = await c.var.store.units.tree()
  const refused = [...new Set(unitIds)].filter((id) => !can(auth.user, 'score.manage', id, tree))
  if (refused.length) throw new ApiError('forbidden', { action: 'score.manage', unitIds: refused })
}

/** Published index results per unit, framework and year; entered one by one or imported from CSV. */
export const scoreRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/frameworks',
      operationId: 'listFrameworks',
      tags: ['scores'],
      summary: 'The index frameworks papi knows (PAPI, PAR INDEX, SIPAS; versioned by year)',
      responses: {
        200: { description: 'Frameworks', content: { 'application/json': { schema: z.array(component(FrameworkSchema, 'Framework')) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    (c) => {
      requireAuth(c)
      return c.json([...FRAMEWORKS], 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scores',
      operationId: 'listScores',
      tags: ['scores'],
      summary: 'Published results (public data: anyone signed in reads them)',
      request: {
        query: z.object({
          frameworkId: z.string().optional(),
          index: z.string().optional(),
          year: z.coerce.number().pipe(IndexResultSchema.shape.year).optional(),
          unitId: z.string().optional(),
          /** A rank to reach: each result then says how many points it would have needed that year. */
          targetRank: z.coerce.number().int().min(1).max(1000).optional(),
        }),
      },
      responses: {
        200: {
          description:
            'Scores, each with its band, change since the previous published year and points to the target rank (the domain computes them). Every score has a total: years a unit was listed but not ranked are answered by `GET /scores/not-ranked` (listNotRankedScores), and ranks and bands here are over the units ranked that year.',
          content: { 'application/json': { schema: z.array(ScoreWithFiguresSchema) } },
        },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    async (c) => {
      requireAuth(c)
      const { targetRank, ...query } = c.req.valid('query')
      const listed = await c.var.store.scores.list(query)
      // Changes and points-to-rank read the other years and the other units: all published results (a few hundred).
      const all = listed.length ? await c.var.store.scores.list({}) : []
      const options = targetRank === undefined ? {} : { targetRank }
      return c.json(
        listed.map((score) => ({ ...score, figures: scoreFigures(score, all, options) })),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scores/not-ranked',
      operationId: 'listNotRankedScores',
      tags: ['scores'],
      summary: 'Years units were not ranked in (public data: anyone signed in reads them)',
      description:
        'The years `GET /scores` has no result for because the unit was listed but not assessed (no total): the same query, each row saying `notRanked: true`. Shown as "Không xếp hạng" / "Not ranked", never as a gap or a zero.',
      request: {
        query: z.object({
          frameworkId: z.string().optional(),
          index: z.string().optional(),
          year: z.coerce.number().pipe(IndexResultSchema.shape.year).optional(),
          unitId: z.string().optional(),
        }),
      },
      responses: {
        200: {
          description: 'Not-ranked years, by year then unit',
          content: { 'application/json': { schema: z.array(NotRankedSchema) } },
        },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    async (c) => {
      requireAuth(c)
      const listed = await c.var.store.scores.notRanked(c.req.valid('query'))
      return c.json(
        listed.map((year) => ({ ...year, notRanked: true as const })),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/scores',
      operationId: 'saveScores',
      tags: ['scores'],
      summary: 'Store results (one or many), each checked against its framework and naming the version it replaces (0: new)',
      request: {
        body: {
          required: true,
          content: {
            'application/json': {
              schema: z.union([NamedIndexResultSchema, z.array(NamedIndexResultSchema).min(1).max(1000)]).openapi('ScoreInput'),
            },
          },
        },
      },
      responses: {
        201: { description: 'Stored', content: { 'application/json': { schema: SaveResultSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const body = c.req.valid('json')
      const results = Array.isArray(body) ? body : [body]
      await authorizeUnits(
        c,
        results.map((r) => r.unitId),
      )
      try {
        const { saved, warnings } = await c.var.store.scores.save(results, changeOf(c))
        return c.json({ saved, warnings: warnings.map((w) => withMessage(c, w)) }, 201)
      } catch (error) {
        // A result that does not fit its framework: each issue worded in the caller's language, so a
        // form can put it next to the field its path names.
        const refused = storeErrorOf(error)
        const details = refused?.details as { issues?: ResultIssue[] } | undefined
        if (refused?.code !== 'invalid' || !Array.isArray(details?.issues)) throw error
        throw new ApiError('invalid', { reason: refused.message, ...details, issues: details.issues.map((i) => withMessage(c, i)) })
      }
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/scores/export',
      operationId: 'exportScores',
      tags: ['scores'],
      summary: 'Download the results of one framework and year as the CSV table `POST /scores/import` reads',
      description:
        'Columns `unit` (unit code), `total`, `rank`, `rankOf`, then `appraisalScore`, `surveyScore`, each dimension key and `<key>.rank` where any row gives them; comma-separated, decimals with a dot, UTF-8 with a byte-order mark. Units not ranked that year follow with an empty total, rank and rankOf, `notRanked` = `true` and their `note`. Imported back, it gives the same results and not-ranked years.',
      request: {
        query: z.object({
          frameworkId: z.string().min(1),
          year: z.coerce.number().pipe(IndexResultSchema.shape.year),
        }),
      },
      responses: {
        200: {
          description: 'The table, as an attachment',
          content: { 'text/csv': { schema: z.string().openapi({ type: 'string', format: 'binary' }) } },
        },
        ...errorResponses('unauthenticated', 'invalid'),
      },
    }),
    async (c) => {
      requireAuth(c)
      const { frameworkId, year } = c.req.valid('query')
      const framework = frameworkById(frameworkId)
      if (!framework) throw new ApiError('invalid', { reason: `unknown framework ${frameworkId}` })
      const [results, notRanked, units] = await Promise.all([
        c.var.store.scores.list({ frameworkId, year }),
        c.var.store.scores.notRanked({ frameworkId, year }),
        c.var.store.units.list(),
      ])
      const name = `${framework.id}-${year}.csv`
      const { writeScoreCsv } = await import('@papi/documents')
      return c.body(writeScoreCsv(results, framework, units, notRanked) as Uint8Array<ArrayBuffer>, 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': attachment({ ascii: name, unicode: name }),
        'cache-control': 'private, no-store',
      })
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/scores/import',
      operationId: 'importScores',
      tags: ['scores'],
      summary: 'Import a CSV table of results for one framework and year; `dryRun=true` only checks',
      description:
        "Only a caller who enters scores somewhere may send a table (checked before it is read); each row's unit must be in their scope. More than 10 000 rows answers 413. The import replaces results of the framework's year, so it names the version of that year it was based on (`version`, answered by a dry run, the preview): when a result of that year was stored or changed since (a score typed meanwhile), it answers 409 with the version now stored and stores nothing; without `version` it answers 422.",
      middleware: [authorizeBeforeBody('score.manage')] as const,
      request: {
        query: z.object({
          frameworkId: z.string().min(1),
          year: z.coerce.number().pipe(IndexResultSchema.shape.year),
          dryRun: z.enum(['true', 'false']).optional(),
          version: TableVersionSchema.optional().openapi({
            description:
              "The version of the framework's year the table was based on (a dry run answers it; '0' when nothing was stored): required unless `dryRun=true`; a stale one answers 409.",
            param: { example: 't63-1x9k2a7qz3' },
          }),
        }),
        body: {
          // Not "required": the form validator would then run on text/csv bodies too.
          content: {
            'text/csv': { schema: z.string() },
            'multipart/form-data': { schema: FileUploadSchema },
          },
        },
      },
      responses: {
        200: { description: 'Dry run: what would be stored', content: { 'application/json': { schema: ImportResultSchema } } },
        201: { description: 'Stored', content: { 'application/json': { schema: ImportResultSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid', 'too-large'),
      },
    }),
    async (c) => {
      const { frameworkId, year, dryRun, version } = c.req.valid('query')
      requireAuth(c)
      const framework = frameworkById(frameworkId)
      if (!framework) throw new ApiError('invalid', { reason: `unknown framework ${frameworkId}` })
      // Refused before the table is read: an import that names no version would replace blindly.
      if (dryRun !== 'true' && version === undefined) throw versionMissing('version')
      const contentType = c.req.header('content-type') ?? ''
      let text: string
      if (contentType.startsWith('multipart/form-data')) {
        const file = (await c.req.parseBody()).file
        if (!(file instanceof File)) throw new ApiError('invalid', { reason: 'send the table as the form field "file"' })
        text = await file.text()
      } else text = await c.req.text()

      const { readScoreCsvInWorker } = await import('@papi/documents/reading')
      const { isPlanDocumentError } = await import('@papi/documents/schemas')
      let read: Awaited<ReturnType<typeof readScoreCsvInWorker>>
      try {
        // Parsed on the documents' worker thread: a table at the limits took seconds of the event
        // loop, and every other request waited (#10 hole 5).
        read = await readScoreCsvInWorker(text, framework, year, { locale: c.var.locale })
      } catch (error) {
        if (isPlanDocumentError(error)) throw documentError(error)
        throw error
      }
      const { rows, issues } = read
      const named = [...rows, ...read.notRanked]
      const units = await c.var.store.units.list()
      // A row names a unit by code or id, or a province by official code or name ("Hồ Chí Minh",
      // "Bà Rịa - Vũng Tàu") matched as the domain folds it; rows naming none are listed, not refused.
      const byName = matchProvinces(
        named
          .filter((row) => !units.some((u) => u.code === row.unit || u.id === row.unit))
          .map((row) => ({ line: row.line, province: row.unit, year, dimensions: [] })),
        units,
        `${year}-12-31`,
      )
      const byCodeOrName = new Map(byName.matched.map((m) => [m.row.line, m.unit]))
      const unmatched: { line: number; unit: string; reason: string }[] = byName.unmatched.map((u) => ({
        line: u.row.line,
        unit: u.row.province,
        reason: u.reason,
      }))
      const results: IndexResult[] = []
      for (const row of rows) {
        const unit = units.find((u) => u.code === row.unit || u.id === row.unit) ?? byCodeOrName.get(row.line)
        if (!unit) continue
        const result = { ...row.result, unitId: unit.id }
        try {
          checkResult(result)
        } catch (error) {
          if (!(error instanceof StoreError)) throw error
          const found = (error.details as { issues?: ResultIssue[] } | undefined)?.issues
          if (found) issues.push(...found.map((i) => ({ line: row.line, ...withMessage(c, i) })))
          else issues.push({ line: row.line, message: error.message })
          continue
        }
        results.push(result)
      }
      const notRanked: NotRankedYear[] = read.notRanked.flatMap((row) => {
        const unit = units.find((u) => u.code === row.unit || u.id === row.unit) ?? byCodeOrName.get(row.line)
        return unit ? [{ ...row.year, unitId: unit.id }] : []
      })
      if (issues.length) throw new ApiError('invalid', { issues })
      await authorizeUnits(
        c,
        [...results, ...notRanked].map((r) => r.unitId),
      )
      if (dryRun === 'true') {
        const current = await c.var.store.scores.tableVersion(frameworkId, year)
        return c.json({ dryRun: true, version: current, results, saved: [], warnings: [], unmatched, notRanked }, 200)
      }
      try {
        const stored = await c.var.store.scores.saveTable(
          { frameworkId, year, results, notRanked, version: version as string },
          changeOf(c),
        )
        const warnings = stored.warnings.map((w) => withMessage(c, w))
        return c.json({ dryRun: false, version: stored.version, results, saved: stored.saved, warnings, unmatched, notRanked }, 201)
      } catch (error) {
        const refused = storeErrorOf(error)
        if (refused?.code !== 'version-conflict') throw error
        // The version stored now, so the uploader can preview again (a row written between the table's read and its own write conflicts too).
        const current = await c.var.store.scores.tableVersion(frameworkId, year)
        throw new ApiError('conflict', { reason: 'score-table-changed', sent: version, version: current }, TABLE_CHANGED)
      }
    },
  )
