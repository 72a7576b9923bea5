// Test fixture of the store's own tests (not exported): the shared sample province and plan
// (sample-province.ts) with a fixed change stamp.
import type { Change } from './audit-log'
import { seedSampleProvince } from './sample-province'
import type { Store } from './store'

export { samplePlan } from './sample-province'

export const change = (at = '2018-06-01T02:00:00Z', actorId: string | null = null): Change => ({
  actorId,
  at: new Date(at),
})

/** Creates the sample province's units and answers them by short name. */
export const seedUnits = (store: Store) => seedSampleProvince(store, change())
