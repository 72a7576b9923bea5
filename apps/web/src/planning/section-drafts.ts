import {
  type Comparator,
  type MeasureUnit,
  type Plan,
  parseVietnameseNumber,
  readTargets,
  SectionSchema,
  type Target,
  TargetSchema,
} from '@papi/domain'

/**
 * What a planner sets on a section before the plan is saved: the index dimension it serves, its
 * weight in the progress rollups, and the targets of its tasks — as typed (text), so a field can
 * hold "1,5" or a mistake until it is checked. The importer fills them from the document (the
 * dimension from the section's title, targets by the domain's `readTargets`); the planner corrects.
 */
export interface SectionDraft {
  code: string
  /** A dimension key of the plan's framework; '' for none. */
  dimension: string
  /** As typed: '' (equal weights), "2", "1,5". */
  weight: string
  targets: TargetDraft[]
}

/** A target of one of the section's tasks, its numbers as typed. */
export interface TargetDraft {
  /** Stable within the page (keys the inputs). */
  key: string
  taskCode: string
  metric: string
  comparator: Comparator
  value: string
  valueMax: string
  unit: MeasureUnit
  /** The year it is for; '' for the plan's last year. */
  year: string
  /** The plan's own words for it, shown while it is corrected. */
  text?: string
  /** Changed by the planner: saved without the plan's words, which no longer say what it is. */
  edited: boolean
  /** What the draft leaves as read: id, baseline. */
  kept: Pick<Target, 'id' | 'baselineYear' | 'baselineValue'>
}

/** Why a field is refused, as the API's schema (the domain's SectionSchema, TargetSchema) would refuse it. */
export type DraftProblem = 'not-a-number' | 'not-positive' | 'metric-missing' | 'year-out-of-range'

/** A field of a section draft: `weight`, or `target:<key>:<field>`. */
export type DraftField = 'weight' | `target:${string}:${'metric' | 'value' | 'valueMax' | 'year'}`

let nextKey = 0
const keyOf = () => `t${++nextKey}`

const typed = (n: number | undefined) => (n === undefined ? '' : String(n).replace('.', ','))

/** A target as a draft of one of the tasks of a section. */
export function targetDraft(taskCode: string, target: Target): TargetDraft {
  return {
    key: keyOf(),
    taskCode,
    metric: target.metric,
    comparator: target.comparator,
    value: typed(target.value),
    valueMax: typed(target.valueMax),
    unit: target.unit,
    year: target.year === undefined ? '' : String(target.year),
    ...(target.text !== undefined && { text: target.text }),
    edited: false,
    kept: {
      ...(target.id !== undefined && { id: target.id }),
      ...(target.baselineYear !== undefined && { baselineYear: target.baselineYear }),
      ...(target.baselineValue !== undefined && { baselineValue: target.baselineValue }),
    },
  }
}

/**
 * The drafts of a plan's sections, as the importer (or the stored plan) has them.
 *
 * @example
 * sectionDrafts(dryRun.plan)[2] // { code: '3', dimension: 'administrative-procedures', weight: '', targets: [{ taskCode: '3.1', … }] }
 */
export function sectionDrafts(plan: Pick<Plan, 'sections'>): SectionDraft[] {
  return plan.sections.map((s) => ({
    code: s.code,
    dimension: s.dimension ?? '',
    weight: typed(s.weight),
    targets: s.tasks.flatMap((t) => t.targets.map((target) => targetDraft(t.code, target))),
  }))
}

/**
 * Targets a planner types as the plan would write them ("Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ
 * 95% trở lên"), read by the domain's target parser; none when the phrase states nothing measurable.
 *
 * @example
 * targetsFromText('Tỷ lệ hồ sơ đúng hạn đạt từ 95% trở lên', '3.4', 2020)[0] // { comparator: 'gte', value: '95', unit: 'percent', … }
 */
export function targetsFromText(text: string, taskCode: string, year: number): TargetDraft[] {
  return readTargets(text, { year }).map((t) => targetDraft(taskCode, t))
}

const numberIn = (text: string) => parseVietnameseNumber(text, { dotIsDecimal: true })

function weightOf(draft: SectionDraft): { value?: number; problem?: DraftProblem } {
  if (draft.weight.trim() === '') return {}
  const n = numberIn(draft.weight)
  if (n === undefined) return { problem: 'not-a-number' }
  return SectionSchema.shape.weight.safeParse(n).success ? { value: n } : { value: n, problem: 'not-positive' }
}

function targetOf(draft: TargetDraft): { target: Target; problems: [DraftField, DraftProblem][] } {
  const problems: [DraftField, DraftProblem][] = []
  const field = (name: 'metric' | 'value' | 'valueMax' | 'year') => `target:${draft.key}:${name}` as const
  const value = numberIn(draft.value)
  if (value === undefined) problems.push([field('value'), 'not-a-number'])
  const valueMax = draft.comparator === 'between' && draft.valueMax.trim() !== '' ? numberIn(draft.valueMax) : undefined
  if (draft.comparator === 'between' && draft.valueMax.trim() !== '' && valueMax === undefined)
    problems.push([field('valueMax'), 'not-a-number'])
  const year = draft.year.trim() === '' ? undefined : Number(draft.year.trim())
  const target: Target = {
    ...draft.kept,
    metric: draft.metric.trim(),
    comparator: draft.comparator,
    value: value ?? Number.NaN,
    ...(valueMax !== undefined && { valueMax }),
    unit: draft.unit,
    ...(year !== undefined && { year }),
    ...(draft.text !== undefined && !draft.edited && { text: draft.text }),
  }
  // The API's own check: the domain's TargetSchema, field by field.
  const checked = TargetSchema.safeParse(target)
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const at = issue.path[0]
      if (at === 'metric') problems.push([field('metric'), 'metric-missing'])
      else if (at === 'year') problems.push([field('year'), 'year-out-of-range'])
    }
  }
  return { target, problems }
}

/**
 * Every field the API would refuse, with why: a weight that is not a positive number, a target
 * without its metric, a value that is not a number, a year outside 2000–2100.
 *
 * @example
 * draftProblems([{ code: '1', dimension: '', weight: '0', targets: [] }]) // Map { '1' => Map { 'weight' => 'not-positive' } }
 */
export function draftProblems(drafts: readonly SectionDraft[]): Map<string, Map<DraftField, DraftProblem>> {
  const out = new Map<string, Map<DraftField, DraftProblem>>()
  for (const draft of drafts) {
    const problems = new Map<DraftField, DraftProblem>()
    const weight = weightOf(draft).problem
    if (weight) problems.set('weight', weight)
    for (const t of draft.targets) for (const [field, problem] of targetOf(t).problems) problems.set(field, problem)
    if (problems.size > 0) out.set(draft.code, problems)
  }
  return out
}

/**
 * The plan with its sections' dimensions, weights and targets as the drafts set them (drafts with
 * problems are for the form to show: check {@link draftProblems} first). A task whose targets
 * the drafts do not list has none.
 *
 * @example
 * withSectionDrafts(dryRun.plan, drafts).sections[2] // { code: '3', dimension: 'administrative-procedures', weight: 2, tasks: [...] }
 */
export function withSectionDrafts<P extends Pick<Plan, 'sections'>>(plan: P, drafts: readonly SectionDraft[]): P {
  const byCode = new Map(drafts.map((d) => [d.code, d]))
  return {
    ...plan,
    sections: plan.sections.map((section) => {
      const draft = byCode.get(section.code)
      if (draft === undefined) return section
      const { dimension: _d, weight: _w, ...rest } = section
      const weight = weightOf(draft).value
      return {
        ...rest,
        ...(draft.dimension !== '' && { dimension: draft.dimension }),
        ...(weight !== undefined && { weight }),
        tasks: section.tasks.map((task) => ({
          ...task,
          targets: draft.targets.filter((t) => t.taskCode === task.code).map((t) => targetOf(t).target),
        })),
      }
    }),
  }
}
