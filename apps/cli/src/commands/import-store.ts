import type { Store } from '@papi/store'
import type { PlanStore } from './import'

/**
 * What `papi import` saves through, over an open store: its units to match assignees against, and
 * `store.plans.import` (create, or update in place, in one transaction). Closing closes the store.
 *
 * @example
 * const target = storePlanStore(await openStore(storeOptionsFromEnv(process.env)))
 * await target.importPlan(plan) // { id, outcome: 'created', changes, kept: [] }
 */
export function storePlanStore(store: Store, now: () => Date = () => new Date()): PlanStore {
  return {
    units: () => store.units.list(),
    importPlan: (plan, onProgress) => store.plans.import(plan, { actorId: null, at: now() }, onProgress ? { onProgress } : {}),
    close: () => store.close(),
  }
}
