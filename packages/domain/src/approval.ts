import type { UnitReportingStats } from './completeness'

/**
 * Units whose own expected reports are all accepted — the `acceptedUnits` for `approvalState`.
 *
 * @example
 * fullyAcceptedUnits(completenessByUnit(expected, reports, deadlineFor, asOf))
 */
export function fullyAcceptedUnits(perUnit: readonly UnitReportingStats[]): Set<string> {
  return new Set(perUnit.filter((s) => s.accepted === s.expected).map((s) => s.unitId))
}

export type ApprovalStateKind = 'accepted' | 'awaiting-subordinates' | 'not-accepted'

export interface ApprovalState {
  unitId: string
  /**
   * `accepted`: the unit and everything it consolidates; `awaiting-subordinates`: the unit's own
   * data is accepted but something below is not; `not-accepted`: the unit's own data is not.
   */
  state: ApprovalStateKind
  /** Units in the subtree (the unit first, then breadth-first) still not accepted. */
  waitingOn: string[]
}

/**
 * DHIS2 approval moving up the tree: a unit's consolidated data counts as accepted only when its
 * own data and everything it consolidates are accepted. A unit with nothing of its own to file
 * should be passed in `acceptedUnits`, or it holds up its parent forever.
 *
 * @example
 * approvalState('chau-thanh', (id) => children[id] ?? [], new Set(['chau-thanh', 'minh-luong']))
 * // { unitId: 'chau-thanh', state: 'awaiting-subordinates', waitingOn: ['binh-an'] }
 */
export function approvalState(
  unitId: string,
  childrenOf: (unitId: string) => readonly string[],
  acceptedUnits: ReadonlySet<string>,
): ApprovalState {
  const waitingOn: string[] = []
  const seen = new Set<string>([unitId])
  const queue = [unitId]
  for (let i = 0; i < queue.length; i++) {
    const id = queue[i] as string
    if (!acceptedUnits.has(id)) waitingOn.push(id)
    for (const child of childrenOf(id)) {
      if (seen.has(child)) throw new Error(`unit tree has a cycle or a shared child at ${child}`)
      seen.add(child)
      queue.push(child)
    }
  }
  const state: ApprovalStateKind = !acceptedUnits.has(unitId) ? 'not-accepted' : waitingOn.length > 0 ? 'awaiting-subordinates' : 'accepted'
  return { unitId, state, waitingOn }
}
