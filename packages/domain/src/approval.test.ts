import { describe, expect, it } from 'vitest'
import { approvalState, fullyAcceptedUnits } from './approval'
import { completenessByUnit } from './completeness'
import {
  KG,
  CHAU_THANH,
  MINH_LUONG,
  BINH_AN,
  THANH_HUNG,
  childrenOf,
  DISTRICTS,
  COMMUNES,
  expectedQ2,
  deadlineFor,
  reportsQ2,
  asOfQ2,
} from './rollup.fixture'

describe('approvalState', () => {
  const all = new Set([KG, ...DISTRICTS, ...COMMUNES])
  const without = (...ids: string[]) => new Set([...all].filter((id) => !ids.includes(id)))

  it.each([
    ['a commune accepted is accepted', MINH_LUONG, new Set([MINH_LUONG]), 'accepted', []],
    ['a commune not accepted is not accepted', BINH_AN, new Set([MINH_LUONG]), 'not-accepted', [BINH_AN]],
    [
      'a district accepted waits for a commune not yet accepted',
      CHAU_THANH,
      new Set([CHAU_THANH, MINH_LUONG]),
      'awaiting-subordinates',
      [BINH_AN],
    ],
    ['the province waits on one commune two levels down', KG, without(THANH_HUNG), 'awaiting-subordinates', [THANH_HUNG]],
    ['the province is not accepted while its own data is not', KG, without(KG, THANH_HUNG), 'not-accepted', [KG, THANH_HUNG]],
    ['the province is accepted when everything below is', KG, all, 'accepted', []],
  ] as const)('%s', (_, unitId, accepted, state, waitingOn) => {
    expect(approvalState(unitId, childrenOf, accepted)).toEqual({ unitId, state, waitingOn })
  })

  it('takes its accepted units from the reporting counts', () => {
    const perUnit = completenessByUnit(expectedQ2, reportsQ2, deadlineFor, asOfQ2)
    expect(fullyAcceptedUnits(perUnit)).toEqual(new Set([MINH_LUONG]))
  })
})
