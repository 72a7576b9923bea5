import { z } from 'zod'

/**
 * Reporting period ids in the style of DHIS2: `2024M03` (month), `2024Q1` (quarter),
 * `2024S1` (6 months), `2024N9` (9 months, cumulative from the start of the year), `2024` (year).
 */
export const PeriodIdSchema = z
  .string()
  .regex(/^\d{4}(M(0[1-9]|1[0-2])|Q[1-4]|S[12]|N9)?$/, 'period id like 2024M03, 2024Q1, 2024S1, 2024N9 or 2024')
export type PeriodId = z.infer<typeof PeriodIdSchema>

export const PeriodTypeSchema = z.enum(['month', 'quarter', 'half-year', 'nine-months', 'year'])
export type PeriodType = z.infer<typeof PeriodTypeSchema>

/** A day of the year relative to the period's year (`yearOffset: -1` is the year before). */
export const AnchorDaySchema = z.object({
  month: z.number().int().min(1).max(12),
  day: z.number().int().min(1).max(31),
  yearOffset: z.number().int().min(-1).max(1).default(0),
})
export type AnchorDay = z.infer<typeof AnchorDaySchema>

/**
 * A plan's own reporting rule for one kind of period (Đức Hợp 2023: the 6-month report covers
 * 01/11 of the year before to 31/05 and is due before 03/06). `index` narrows it to S1/S2, Q1…Q4,
 * M01…M12; without it the rule applies to every period of that type.
 */
export const PeriodRuleSchema = z.object({
  type: PeriodTypeSchema,
  index: z.number().int().min(1).max(12).optional(),
  cutoffStart: AnchorDaySchema.optional(),
  cutoffEnd: AnchorDaySchema.optional(),
  due: AnchorDaySchema.optional(),
})
export type PeriodRule = z.infer<typeof PeriodRuleSchema>

export const ReportingRulesSchema = z.object({
  /** Which period types the plan asks reports for (Lào Cai: quarter, half-year, year). */
  periodTypes: z.array(PeriodTypeSchema).default(['quarter', 'half-year', 'year']),
  rules: z.array(PeriodRuleSchema).default([]),
})
export type ReportingRules = z.infer<typeof ReportingRulesSchema>
