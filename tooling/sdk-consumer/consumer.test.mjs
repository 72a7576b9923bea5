// An outside developer's script: it installs the packed @papi/domain tarball (no workspace, no
// source condition) and uses the SDK the way packages/domain/README.md shows.
import assert from 'node:assert/strict'
import { test } from 'node:test'
import { PlanSchema, bandOf, cutoffWindow, dueTasks, parseTimeframe, rankAll, submissionDeadline } from '@papi/domain'

test('parseTimeframe reads a Vietnamese timeframe', () => {
  assert.deepEqual(parseTimeframe('Quý II, III năm 2018'), {
    kind: 'window',
    text: 'Quý II, III năm 2018',
    start: '2018-04-01',
    end: '2018-09-30',
  })
})

test('cutoffWindow and deadlines follow Decree 09/2019', () => {
  assert.deepEqual(cutoffWindow('2023S1'), { start: '2022-12-15', end: '2023-06-14' })
  assert.ok(submissionDeadline('2023S1', 'commune') < submissionDeadline('2023S1', 'province'))
})

test('dueTasks picks the tasks of a period from their timeframes', () => {
  const plan = PlanSchema.parse({
    number: '97/KH-UBND',
    title: 'Kế hoạch hành động nâng cao Chỉ số PAPI',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuedOn: '2018-05-18',
    index: 'papi',
    years: { from: 2018, to: 2018 },
    sections: [
      {
        code: '2',
        title: 'Công khai, minh bạch',
        tasks: [
          { code: '2.3', title: 'Công khai kế hoạch sử dụng đất', timeframe: parseTimeframe('Quý II năm 2018') },
          { code: '3.3', title: 'Bồi dưỡng Ban Thanh tra nhân dân', timeframe: parseTimeframe('Quý III năm 2018') },
        ],
      },
    ],
  })
  assert.deepEqual(
    dueTasks(plan, '2018Q2').map((due) => due.task.code),
    ['2.3'],
  )
})

test('rankAll and bandOf rank and band a year', () => {
  const results = [38.2, 35.71, 35.71].map((total, i) => ({
    unitId: `u${i}`,
    frameworkId: 'papi-2009',
    year: 2017,
    total,
    dimensions: [],
  }))
  assert.deepEqual(
    rankAll(results).map((r) => r.rank),
    [1, 2, 2],
  )
  assert.equal(bandOf(45, 63), 'low-average')
})
