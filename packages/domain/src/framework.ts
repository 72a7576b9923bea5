import { z } from 'zod'
import { papiFrameworks } from './frameworks/papi'
import { parIndexFrameworks } from './frameworks/par-index'
import { sipasFrameworks } from './frameworks/sipas'
import { type IndexKind, IndexKindSchema } from './index-kind'
import { LabelSchema } from './label'

/** How a framework's result is published: PAPI in points, PAR INDEX and SIPAS as a percentage. */
export const ResultUnitSchema = z.enum(['points', 'percent'])
export type ResultUnit = z.infer<typeof ResultUnitSchema>

/**
 * How dimension scores make the total. PAPI and PAR INDEX add their dimensions up; SIPAS
 * averages its five factor indices (SIPAS methodology, Decision 2640/QĐ-BNV of 2017).
 */
export const AggregationSchema = z.enum(['sum', 'mean'])
export type Aggregation = z.infer<typeof AggregationSchema>

/**
 * Where a PAR INDEX area's points mainly come from: the Ministry of Home Affairs' appraisal of
 * the province's self-assessment, or its sociological survey (leaders, SIPAS, socio-economic impact).
 */
export const AreaGroupSchema = z.enum(['appraisal', 'survey'])
export type AreaGroup = z.infer<typeof AreaGroupSchema>

const KeySchema = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'keys are kebab-case')
const YearSchema = z.number().int().min(2000).max(2100)
/** Float sums of thirds (10/3 × 3) are not exact; this is far below any published precision. */
const SUM_TOLERANCE = 1e-9

/**
 * A sub-dimension (PAPI "nội dung thành phần"); its max is a share of its dimension's.
 * `provisional` marks an entry we have not yet checked against the source report.
 */
export const SubDimensionSchema = z.object({
  key: KeySchema,
  name: LabelSchema,
  max: z.number().positive().optional(),
  provisional: z.boolean().optional(),
})
export type SubDimension = z.infer<typeof SubDimensionSchema>

/**
 * A dimension (PAPI "chỉ số nội dung", PAR INDEX "lĩnh vực", SIPAS "yếu tố"). Its `key` stays the
 * same across versions so years compare; `provisional` marks a max that is our best reconstruction,
 * not yet checked against the source document (a score above it is then a warning, not an error).
 */
export const DimensionSchema = z.object({
  key: KeySchema,
  order: z.number().int().positive(),
  name: LabelSchema,
  max: z.number().positive(),
  group: AreaGroupSchema.optional(),
  provisional: z.boolean().optional(),
  subDimensions: z.array(SubDimensionSchema),
})
export type Dimension = z.infer<typeof DimensionSchema>

/** One version of an index's methodology, in force from `validFrom` to `validTo` (years, inclusive). */
export const FrameworkSchema = z
  .object({
    id: KeySchema,
    index: IndexKindSchema,
    name: LabelSchema,
    validFrom: YearSchema,
    /** Last year of results scored under this version; open while it is still in force. */
    validTo: YearSchema.optional(),
    maxTotal: z.number().positive(),
    resultUnit: ResultUnitSchema,
    aggregation: AggregationSchema,
    /** The decision that sets the methodology ("Quyết định 876/QĐ-BNV ngày 10/11/2022"). */
    legalBasis: z.string().min(1).optional(),
    /** The publication the structure is taken from, when no legal act sets it (PAPI). */
    source: z.string().min(1).optional(),
    dimensions: z.array(DimensionSchema).min(1),
  })
  .superRefine((f, ctx) => {
    if (f.validTo !== undefined && f.validTo < f.validFrom) {
      ctx.addIssue({ code: 'custom', path: ['validTo'], message: 'validTo is before validFrom' })
    }
    const keys = new Set<string>()
    const orders = new Set<number>()
    f.dimensions.forEach((d, i) => {
      if (keys.has(d.key)) {
        ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'key'], message: `duplicate dimension key ${d.key}` })
      }
      keys.add(d.key)
      if (orders.has(d.order)) {
        ctx.addIssue({ code: 'custom', path: ['dimensions', i, 'order'], message: `duplicate order ${d.order}` })
      }
      orders.add(d.order)
      const subKeys = new Set<string>()
      d.subDimensions.forEach((s, j) => {
        if (subKeys.has(s.key)) {
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', i, 'subDimensions', j, 'key'],
            message: `duplicate sub-dimension key ${s.key}`,
          })
        }
        subKeys.add(s.key)
      })
      const subMaxes = d.subDimensions.map((s) => s.max)
      if (subMaxes.length > 0 && subMaxes.every((m) => m !== undefined)) {
        const sum = subMaxes.reduce<number>((a, m) => a + (m ?? 0), 0)
        if (Math.abs(sum - d.max) > SUM_TOLERANCE) {
          ctx.addIssue({
            code: 'custom',
            path: ['dimensions', i, 'subDimensions'],
            message: `sub-dimension maxes sum to ${sum}, not ${d.max}`,
          })
        }
      }
    })
    const maxes = f.dimensions.map((d) => d.max)
    const expected = f.aggregation === 'sum' ? maxes.reduce((a, m) => a + m, 0) : Math.max(...maxes)
    const consistent =
      f.aggregation === 'sum'
        ? Math.abs(expected - f.maxTotal) <= SUM_TOLERANCE
        : maxes.every((m) => Math.abs(m - f.maxTotal) <= SUM_TOLERANCE)
    if (!consistent) {
      ctx.addIssue({
        code: 'custom',
        path: ['maxTotal'],
        message: `dimension maxes (${f.aggregation}) give ${expected}, not ${f.maxTotal}`,
      })
    }
  })
export type Framework = z.infer<typeof FrameworkSchema>

/**
 * Every framework version papi knows, oldest first within each index. Data, not code: a new
 * methodology is a new entry here, never a branch in a rule.
 */
export const FRAMEWORKS: readonly Framework[] = [...papiFrameworks, ...parIndexFrameworks, ...sipasFrameworks]

/**
 * The framework version in force for an index in a year, or `undefined` before the earliest
 * version papi models (PAPI from 2009, PAR INDEX from 2017, SIPAS from 2017).
 *
 * @example
 * frameworkFor('papi', 2017)?.id // 'papi-2009'
 * frameworkFor('papi', 2023)?.id // 'papi-2021'
 * frameworkFor('par-index', 2019)?.maxTotal // 100
 */
export function frameworkFor(index: IndexKind, year: number): Framework | undefined {
  return FRAMEWORKS.find((f) => f.index === index && f.validFrom <= year && (f.validTo === undefined || year <= f.validTo))
}

/**
 * A framework version by its id.
 *
 * @example
 * frameworkById('papi-2018')?.dimensions.length // 8
 */
export function frameworkById(id: string): Framework | undefined {
  return FRAMEWORKS.find((f) => f.id === id)
}
