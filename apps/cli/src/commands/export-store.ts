import { StoreError, type Store } from '@papi/store'
import type { ExportStore } from './export'

/**
 * What `papi export` reads, over an open store: the store's own export loader (the API's downloads
 * use it too) and the published scores. Closing is the caller's: it opened the store.
 *
 * @example
 * const source = storeExportSource(await openStore(storeOptionsFromEnv(process.env)))
 * await source.planExport(planId, { periodId: '2018Q2' })
 */
export function storeExportSource(store: Store): Omit<ExportStore, 'close'> {
  return {
    planExport: async (planId, options) => {
      try {
        return await store.plans.exportData(planId, options)
      } catch (error) {
        if (error instanceof StoreError && error.code === 'not-found') return undefined
        throw error
      }
    },
    scores: async (frameworkId, year) => {
      const results = await store.scores.list({ frameworkId, year })
      const notRanked = await store.scores.notRanked({ frameworkId, year })
      return { results, notRanked, units: await store.units.list() }
    },
  }
}
