import { describe, expect, it } from 'vitest'
import { taskOutcome } from './outcome'

describe('taskOutcome', () => {
  it.each([
    ['2.3 done before its quarter ends is done on time', '2018-06-30', '2018-06-25', '2018-12-14', 'done-on-time'],
    ['2.3 done on its due date is done on time', '2018-06-30', '2018-06-30', '2018-12-14', 'done-on-time'],
    ['2.3 done in July is done late', '2018-06-30', '2018-07-05', '2018-12-14', 'done-late'],
    ['2.3 not done on its due date is not yet due', '2018-06-30', undefined, '2018-06-30', 'not-yet-due'],
    ['2.3 not done the day after is overdue', '2018-06-30', undefined, '2018-07-01', 'overdue'],
    ['2.3 read as of June, before its July completion, is not yet due', '2018-06-30', '2018-07-05', '2018-06-15', 'not-yet-due'],
    ['2.3 read as of 1 July, before its 5 July completion, is overdue', '2018-06-30', '2018-07-05', '2018-07-01', 'overdue'],
    ['1.3 "Thường xuyên" not done is never overdue', undefined, undefined, '2018-12-14', 'not-yet-due'],
    ['1.3 "Thường xuyên" done is done on time', undefined, '2018-09-01', '2018-12-14', 'done-on-time'],
  ] as const)('%s', (_, dueDate, completedOn, asOf, outcome) => {
    expect(taskOutcome({ dueDate, completedOn, asOf })).toBe(outcome)
  })

  it('reads an instant as of its day in Viet Nam', () => {
    // 2018-06-30T20:00Z is 1 July in Hà Nội.
    expect(taskOutcome({ dueDate: '2018-06-30', asOf: '2018-06-30T20:00:00Z' })).toBe('overdue')
  })
})
