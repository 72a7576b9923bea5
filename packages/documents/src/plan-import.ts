import { IndexKindSchema, IsoDateSchema, ParsedAssigneeSchema, TargetSchema, TimeframeSchema } from '@papi/domain'
import { z } from 'zod'

/**
 * What a warning is about. Each is something a person should look at before the plan is saved;
 * none stops the import.
 */
export const ImportWarningCodeSchema = z.enum([
  'unmatched-assignee', // a named unit fits no unit of the organisation tree (in the plan's scope)
  'ambiguous-assignee', // a named unit fits several units: the warning names them
  'unspecified-timeframe', // the time cell is empty or cannot be read
  'timeframe-from-plan', // prose gives no time for the task: the plan's year is used
  'section-without-dimension', // the section's title names no dimension of the framework
  'task-without-lead', // nobody is named to lead the task
  'missing-number', // no document number ("Số: 97/KH-UBND")
  'incomplete-number', // a number without its digits ("Số: /KH-UBND")
  'missing-issued-on', // no date of issue
  'issued-on-from-publication', // only a publication or update date was found
  'missing-issuer', // no issuing body
  'issuer-inferred', // the issuing body is read from the body text, not the header
  'missing-title', // no title: the file name is used
  'index-guessed', // the title names no index
  'years-from-date', // the title names no year: the year of issue is used
  'no-framework', // no framework version is known for the index and year
  'implicit-section', // tasks came before any section row: they are put in one section
])
export type ImportWarningCode = z.infer<typeof ImportWarningCodeSchema>

/** Where in the document a warning points: the section and task, and the place in the source file. */
export const ImportWhereSchema = z.object({
  section: z.string().optional(),
  task: z.string().optional(),
  /** The field concerned: "lead", "coordinators", "timeframe", "plan.number"… */
  field: z.string().optional(),
  /** Where it is in the file; differs between formats of the same plan. */
  source: z
    .object({
      line: z.number().int().positive().optional(),
      sheet: z.string().optional(),
      table: z.number().int().positive().optional(),
      row: z.number().int().positive().optional(),
    })
    .optional(),
})
export type ImportWhere = z.infer<typeof ImportWhereSchema>

export const ImportWarningSchema = z.object({
  code: ImportWarningCodeSchema,
  /** One line, in the language asked for (Vietnamese by default). */
  message: z.string().min(1),
  where: ImportWhereSchema,
})
export type ImportWarning = z.infer<typeof ImportWarningSchema>

export const ImportedTaskSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  lead: z.array(ParsedAssigneeSchema),
  coordinators: z.array(ParsedAssigneeSchema),
  timeframe: TimeframeSchema,
  /** Measurable targets its text states ("đạt từ 95% - 100%"), read by the domain's `readTargets`. */
  targets: z.array(TargetSchema).default([]),
})
export type ImportedTask = z.infer<typeof ImportedTaskSchema>

export const ImportedSectionSchema = z.object({
  code: z.string().min(1),
  title: z.string().min(1),
  /** Key of the framework dimension the title names ("participation"). */
  dimension: z.string().min(1).optional(),
  tasks: z.array(ImportedTaskSchema),
})
export type ImportedSection = z.infer<typeof ImportedSectionSchema>

/** The plan's own details, as read from its header and title. */
export const ImportedPlanSchema = z.object({
  /** "97/KH-UBND"; "" when the document has none (a warning says so). */
  number: z.string(),
  issuedOn: IsoDateSchema.optional(),
  /** As written: "ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG". */
  issuer: z.string(),
  title: z.string().min(1),
  place: z.string().min(1).optional(),
  signer: z.string().min(1).optional(),
  index: IndexKindSchema,
  years: z.object({ from: z.number().int().min(2000).max(2100), to: z.number().int().min(2000).max(2100) }).optional(),
  /** The framework version the sections were matched against ("papi-2018"). */
  frameworkId: z.string().min(1).optional(),
  /** The plan this one implements ("Thực hiện Kế hoạch số 07/KH-UBND …"). */
  parentPlanNumber: z.string().min(1).optional(),
  goals: z.array(z.string().min(1)).optional(),
  /** What the plan aims for in its own index ("xếp trong tốp 10"), read from its goals. */
  targets: z.array(TargetSchema).default([]),
})
export type ImportedPlan = z.infer<typeof ImportedPlanSchema>

/**
 * A plan document as read, before anything is saved: what a dry run shows and what
 * `toPlan` turns into a domain plan. Also the JSON the CLI prints with `--json`.
 */
export const PlanImportSchema = z.object({
  plan: ImportedPlanSchema,
  sections: z.array(ImportedSectionSchema),
  warnings: z.array(ImportWarningSchema),
})
export type PlanImport = z.infer<typeof PlanImportSchema>
