import { z } from 'zod'

export const ComparatorSchema = z.enum([
  'gte', // ≥ value
  'lte', // ≤ value
  'eq', // = value
  'between', // value ≤ x ≤ valueMax
  'rank-lte', // rank ≤ value (top N)
  'change-vs-baseline', // change against baselineValue (of baselineYear) reaches value (e.g. −10 %)
])
export type Comparator = z.infer<typeof ComparatorSchema>

export const MeasureUnitSchema = z.enum(['percent', 'points', 'count', 'rank', 'days'])
export type MeasureUnit = z.infer<typeof MeasureUnitSchema>

/** A measurable target: "≥ 90 points", "top 10", "≥ 95 % on time", "−10 % vs 2015". */
export const TargetSchema = z.object({
  id: z.string().min(1).optional(),
  metric: z.string().min(1),
  comparator: ComparatorSchema,
  value: z.number(),
  valueMax: z.number().optional(),
  unit: MeasureUnitSchema,
  baselineYear: z.number().int().optional(),
  baselineValue: z.number().optional(),
  /**
   * The year the target is for ("Phấn đấu … năm 2024 …"): it is judged on that year's result or
   * on reports of that year's periods, and unknown until they exist. Unset: the plan's last year.
   */
  year: z.number().int().min(2000).max(2100).optional(),
  /** The target as written in the plan. */
  text: z.string().optional(),
})
export type Target = z.infer<typeof TargetSchema>

export const TargetStateSchema = z.enum(['met', 'not-met', 'unknown'])
export type TargetState = z.infer<typeof TargetStateSchema>
