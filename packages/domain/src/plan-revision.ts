import { z } from 'zod'
import type { Plan, Section, Task } from './plan'
import type { Target } from './target'
import { foldText } from './text'
import type { Assignee } from './unit'

/** What re-importing a plan changed, counted the way a planner reads it. */
export const PlanChangesSchema = z.object({
  /** The header changed: title, signer, goals, targets, scope, reporting rules… */
  headerUpdated: z.boolean(),
  /** Sections or tasks that were already there now stand in another order. */
  reordered: z.boolean(),
  sectionsAdded: z.number().int().nonnegative(),
  sectionsUpdated: z.number().int().nonnegative(),
  sectionsRemoved: z.number().int().nonnegative(),
  tasksAdded: z.number().int().nonnegative(),
  tasksUpdated: z.number().int().nonnegative(),
  tasksRemoved: z.number().int().nonnegative(),
})
export type PlanChanges = z.infer<typeof PlanChangesSchema>

/** A task the new text no longer has, kept because reports were filed on it. */
export const KeptTaskSchema = z.object({
  id: z.string(),
  sectionCode: z.string(),
  code: z.string(),
  title: z.string(),
  /** How many reports were filed on it. */
  reports: z.number().int().positive(),
})
export type KeptTask = z.infer<typeof KeptTaskSchema>

export type RevisionChange = 'added' | 'updated' | 'unchanged' | 'kept'

/** One task of the revised plan: as it will be stored, and as it was. */
export interface TaskRevision {
  task: Task
  before?: Task & { sectionCode: string }
  change: RevisionChange
  /** Its lead or coordinators changed: the units it is assigned to must be resolved again. */
  assigneesChanged: boolean
  targetsChanged: boolean
}

/** One section of the revised plan with its tasks, in the order they will be stored. */
export interface SectionRevision {
  section: Omit<Section, 'tasks'>
  before?: Omit<Section, 'tasks'>
  change: RevisionChange
  tasks: TaskRevision[]
}

export interface PlanRevision {
  /** The plan to store: the new text over the stored plan, ids kept, kept tasks included. */
  plan: Plan
  sections: SectionRevision[]
  removed: { sections: Omit<Section, 'tasks'>[]; tasks: (Task & { sectionCode: string })[] }
  kept: KeptTask[]
  changes: PlanChanges
  /** Nothing to write: the text says what is stored. */
  unchanged: boolean
}

/**
 * Lays a newly imported text of a plan over the stored plan, so that re-importing a document
 * updates the plan in place instead of duplicating it.
 *
 * - Sections match by code; tasks by section code and task code (the n-th "1.1" of section "1"
 *   matches the n-th stored one), then, among those left, by task code alone when it is unique on
 *   both sides (a task moved to another section, or sections renumbered "I" → "1"). Matched
 *   sections and tasks keep their ids, which reports, assignments and report versions reference.
 * - The text replaces what it states. What a document cannot state — the plan's scope, issuer
 *   unit, standing agency, parent plan, reporting rules, weights, targets, goals when it lists
 *   none — is kept from the stored plan, so a re-import never erases what planners entered.
 * - A stored task the text no longer has is removed, unless reports were filed on it: then it
 *   is kept, with its section, and listed in `kept` (a filed report is part of the record of the
 *   plan's implementation and is never lost by an import).
 * - A name the importer matched to no unit, which a planner fixed by picking one, keeps that unit
 *   when the text writes the same name again (the task's own pick first, else the one unit the
 *   plan gives that name everywhere): re-importing a document never undoes a planner's fix.
 *
 * @example
 * const revision = revisePlan(asDomainPlan(stored), toPlan(imported), { reportsByTask: new Map([[taskId, 2]]) })
 * revision.changes // { tasksAdded: 1, tasksUpdated: 1, tasksRemoved: 1, … }
 * revision.kept    // [{ code: '1.1', reports: 2, … }] when the text dropped a reported task
 */
export function revisePlan(stored: Plan, incoming: Plan, options: { reportsByTask?: ReadonlyMap<string, number> } = {}): PlanRevision {
  const reportsByTask = options.reportsByTask ?? new Map<string, number>()
  const planPicks = picksOf(stored.sections.flatMap((s) => s.tasks))

  // --- match sections by code (in order when a code repeats)
  const sectionQueues = queuesBy(stored.sections, (s) => s.code)
  const sectionMatch = new Map<Section, Section>() // incoming → stored
  for (const section of incoming.sections) {
    const match = sectionQueues.get(section.code)?.shift()
    if (match) sectionMatch.set(section, match)
  }

  // --- match tasks by (section code, task code), then by task code alone among those left
  const storedTasks = stored.sections.flatMap((s) => s.tasks.map((task) => ({ task, section: s })))
  const incomingTasks = incoming.sections.flatMap((s) => s.tasks.map((task) => ({ task, section: s })))
  const taskQueues = queuesBy(storedTasks, (t) => taskKey(t.section.code, t.task.code))
  const taskMatch = new Map<Task, { task: Task; section: Section }>() // incoming → stored
  for (const t of incomingTasks) {
    const match = taskQueues.get(taskKey(t.section.code, t.task.code))?.shift()
    if (match) taskMatch.set(t.task, match)
  }
  const matchedStored = new Set([...taskMatch.values()].map((m) => m.task))
  const leftStored = storedTasks.filter((t) => !matchedStored.has(t.task))
  const leftIncoming = incomingTasks.filter((t) => !taskMatch.has(t.task))
  for (const t of leftIncoming) {
    const candidates = leftStored.filter((s) => s.task.code === t.task.code)
    const rivals = leftIncoming.filter((i) => i.task.code === t.task.code)
    if (candidates.length === 1 && rivals.length === 1) taskMatch.set(t.task, candidates[0] as (typeof candidates)[number])
  }
  const matchedAfter = new Set([...taskMatch.values()].map((m) => m.task))
  const unmatchedStored = storedTasks.filter((t) => !matchedAfter.has(t.task))
  const keptStored = unmatchedStored.filter((t) => (reportsByTask.get(t.task.id ?? '') ?? 0) > 0)
  const removedTasks = unmatchedStored.filter((t) => !keptStored.includes(t))

  // --- the revised structure, in the text's order; a kept task stays after the task it followed
  const keptStoredTasks = new Set(keptStored.map((k) => k.task))
  const withKept = (tasks: TaskRevision[], storedSection: Section | undefined): TaskRevision[] => {
    if (!storedSection) return tasks
    const out = [...tasks]
    storedSection.tasks.forEach((task, i) => {
      if (!keptStoredTasks.has(task)) return
      let at = -1
      for (let j = i - 1; j >= 0 && at < 0; j--) {
        const previousId = storedSection.tasks[j]?.id
        at = out.findIndex((t) => t.task.id !== undefined && t.task.id === previousId)
      }
      out.splice(at + 1, 0, keptRevision(task, storedSection.code))
    })
    return out
  }
  const sections: SectionRevision[] = incoming.sections.map((section) => {
    const before = sectionMatch.get(section)
    const merged = mergeSection(section, before)
    const tasks = section.tasks.map((task) => {
      const match = taskMatch.get(task)
      return taskRevision(withPicks(task, match ? picksOf([match.task]) : new Map(), planPicks), match, section.code)
    })
    return {
      section: merged,
      ...(before && { before: sectionHead(before) }),
      change: before === undefined ? 'added' : same(sectionHead(before), merged) ? 'unchanged' : 'updated',
      tasks: withKept(tasks, before),
    }
  })
  const matchedSections = new Set(sectionMatch.values())
  const removedSections: Omit<Section, 'tasks'>[] = []
  for (const s of stored.sections) {
    if (matchedSections.has(s)) continue
    const kept = withKept([], s)
    if (kept.length) sections.push({ section: sectionHead(s), before: sectionHead(s), change: 'kept', tasks: kept })
    else removedSections.push(sectionHead(s))
  }

  const header = mergeHeader(incoming, stored)
  const plan: Plan = { ...header, sections: sections.map((s) => ({ ...s.section, tasks: s.tasks.map((t) => t.task) })) }
  const allTasks = sections.flatMap((s) => s.tasks)
  const count = <T extends { change: RevisionChange }>(list: T[], change: RevisionChange) => list.filter((x) => x.change === change).length
  const changes: PlanChanges = {
    headerUpdated: !same(headerOf(stored), headerOf(header)),
    reordered:
      keptOrderChanged(stored.sections, plan.sections) ||
      keptOrderChanged(
        stored.sections.flatMap((s) => s.tasks),
        plan.sections.flatMap((s) => s.tasks),
      ),
    sectionsAdded: count(sections, 'added'),
    sectionsUpdated: count(sections, 'updated'),
    sectionsRemoved: removedSections.length,
    tasksAdded: count(allTasks, 'added'),
    tasksUpdated: count(allTasks, 'updated'),
    tasksRemoved: removedTasks.length,
  }
  const { headerUpdated, reordered, ...counts } = changes
  return {
    plan,
    sections,
    removed: { sections: removedSections, tasks: removedTasks.map(({ task, section }) => ({ ...task, sectionCode: section.code })) },
    kept: keptStored.map(({ task, section }) => ({
      id: task.id ?? '',
      sectionCode: section.code,
      code: task.code,
      title: task.title,
      reports: reportsByTask.get(task.id ?? '') ?? 0,
    })),
    changes,
    unchanged: !headerUpdated && !reordered && Object.values(counts).every((n) => n === 0),
  }
}

/**
 * The units planners picked for names, by folded name: only names given one unit throughout. A
 * class that had no member in the scope ("Công chức liên quan" without posts in the register)
 * and was given a unit counts as a pick too: its unit is set beside its class.
 */
function picksOf(tasks: readonly Task[]): Map<string, string> {
  const units = new Map<string, Set<string>>()
  for (const a of tasks.flatMap((t) => [...t.lead, ...t.coordinators])) {
    if (a.unitId === undefined) continue
    const key = foldText(a.text)
    units.set(key, (units.get(key) ?? new Set()).add(a.unitId))
  }
  return new Map([...units].filter(([, ids]) => ids.size === 1).map(([key, ids]) => [key, [...ids][0] as string]))
}

/** The task with each name the text left unmatched given the unit picked for it before. */
function withPicks(task: Task, own: ReadonlyMap<string, string>, plan: ReadonlyMap<string, string>): Task {
  const pick = (a: Assignee): Assignee => {
    if (a.unitId !== undefined) return a
    const key = foldText(a.text)
    const unitId = own.get(key) ?? plan.get(key)
    return unitId === undefined ? a : { ...a, unitId }
  }
  return { ...task, lead: task.lead.map(pick), coordinators: task.coordinators.map(pick) }
}

function taskKey(sectionCode: string, taskCode: string): string {
  return `${sectionCode}\u0000${taskCode}`
}

function queuesBy<T>(list: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const queues = new Map<string, T[]>()
  for (const item of list) queues.set(key(item), [...(queues.get(key(item)) ?? []), item])
  return queues
}

/** What the text states replaces; what it leaves out (undefined, or an empty list) is kept. */
function mergeHeader(incoming: Plan, stored: Plan): Omit<Plan, 'sections'> {
  const { sections: _in, ...text } = incoming
  const { sections: _st, ...kept } = stored
  const merged: Omit<Plan, 'sections'> = { ...kept }
  for (const [key, value] of Object.entries(text) as [keyof typeof text, unknown][]) {
    if (key === 'status' || key === 'id') continue // an import never publishes nor renames a plan
    if (value === undefined || (Array.isArray(value) && value.length === 0)) continue
    ;(merged as Record<string, unknown>)[key] = value
  }
  return merged
}

function mergeSection(section: Section, before: Section | undefined): Omit<Section, 'tasks'> {
  return {
    ...(before?.id !== undefined && { id: before.id }),
    code: section.code,
    title: section.title,
    ...optional('dimension', section.dimension ?? before?.dimension),
    ...optional('weight', section.weight ?? before?.weight),
  }
}

function taskRevision(task: Task, match: { task: Task; section: Section } | undefined, sectionCode: string): TaskRevision {
  const before = match?.task
  const merged: Task = {
    ...(before?.id !== undefined && { id: before.id }),
    code: task.code,
    title: task.title,
    lead: task.lead,
    coordinators: task.coordinators,
    timeframe: task.timeframe,
    targets: task.targets.length > 0 || !before ? task.targets : before.targets,
    ...optional('weight', task.weight ?? before?.weight),
  }
  if (!match || !before) return { task: merged, change: 'added', assigneesChanged: true, targetsChanged: merged.targets.length > 0 }
  const assigneesChanged = !same(before.lead, merged.lead) || !same(before.coordinators, merged.coordinators)
  const targetsChanged = !same(withoutIds(before.targets), withoutIds(merged.targets))
  const contentChanged =
    assigneesChanged ||
    targetsChanged ||
    match.section.code !== sectionCode ||
    !same(
      { title: before.title, timeframe: before.timeframe, weight: before.weight },
      { title: merged.title, timeframe: merged.timeframe, weight: merged.weight },
    )
  return {
    task: merged,
    before: { ...before, sectionCode: match.section.code },
    change: contentChanged ? 'updated' : 'unchanged',
    assigneesChanged,
    targetsChanged,
  }
}

function keptRevision(task: Task, sectionCode: string): TaskRevision {
  return { task, before: { ...task, sectionCode }, change: 'kept', assigneesChanged: false, targetsChanged: false }
}

function sectionHead(section: Section): Omit<Section, 'tasks'> {
  const { tasks: _t, ...head } = section
  return head
}

function headerOf(plan: Omit<Plan, 'sections'> & { sections?: unknown }) {
  const { sections: _s, id: _id, status: _status, targets, ...rest } = plan
  return { ...rest, targets: withoutIds(targets) }
}

function withoutIds(targets: readonly Target[]) {
  return targets.map(({ id: _id, ...t }) => t)
}

/** Whether the items present on both sides (by id) kept their relative order. */
function keptOrderChanged(before: readonly { id?: string }[], after: readonly { id?: string }[]): boolean {
  const afterIds = new Set(after.map((x) => x.id).filter(Boolean))
  const beforeIds = new Set(before.map((x) => x.id).filter(Boolean))
  const a = before.map((x) => x.id).filter((id) => id !== undefined && afterIds.has(id))
  const b = after.map((x) => x.id).filter((id) => id !== undefined && beforeIds.has(id))
  return a.some((id, i) => id !== b[i])
}

function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V }
}

/** Deep equality of JSON-like values, blind to key order and to undefined members (as jsonb stores them). */
function same(a: unknown, b: unknown): boolean {
  return canonical(a) === canonical(b)
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : v,
  )
}
