import { localDateOf, TaskOutcomeSchema, type TaskOutcome } from './report'
import type { IsoDate } from './iso-date'

/** Counts of the Government Office's four outcomes. */
export type OutcomeCounts = Record<TaskOutcome, number>

const emptyOutcomes = (): OutcomeCounts => Object.fromEntries(TaskOutcomeSchema.options.map((o) => [o, 0])) as OutcomeCounts

/**
 * The Government Office's outcome for an assigned task as of a day: done on time, done late,
 * not yet due, or overdue. A task without a due date (ongoing, "Thường xuyên") is never overdue:
 * it is `not-yet-due` until done and `done-on-time` once done. A completion after `asOf` has not
 * happened yet as of `asOf`, so the past reads as it stood.
 *
 * @example
 * taskOutcome({ dueDate: '2018-06-30', completedOn: '2018-07-05', asOf: '2018-12-14' }) // 'done-late'
 * taskOutcome({ dueDate: '2018-06-30', asOf: '2018-07-01' }) // 'overdue'
 */
export function taskOutcome(input: { dueDate?: IsoDate; completedOn?: IsoDate; asOf: string }): TaskOutcome {
  const asOf = localDateOf(input.asOf)
  const { dueDate, completedOn } = input
  if (completedOn !== undefined && completedOn <= asOf) {
    return dueDate === undefined || completedOn <= dueDate ? 'done-on-time' : 'done-late'
  }
  return dueDate === undefined || asOf <= dueDate ? 'not-yet-due' : 'overdue'
}

/** @internal Counts of each outcome in a list (the tasks of a section, of a plan). */
export function countOutcomes(outcomes: readonly TaskOutcome[]): OutcomeCounts {
  const counts = emptyOutcomes()
  for (const o of outcomes) counts[o] += 1
  return counts
}
