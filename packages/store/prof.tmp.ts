import { openStore } from '@papi/store'
const store = await openStore({ databaseUrl: process.env.DATABASE_URL! })
const tree = await store.units.tree()
const rootId = [...tree.byId.values()].find((u) => u.parentId === null)!.id
const province = process.env.UNIT ?? rootId
const period = process.env.PERIOD ?? '2024S1'
for (let i = 0; i < Number(process.env.RUNS ?? 2); i++) {
  const t = performance.now()
  const d = await store.dashboard(tree, { unitId: province, periodId: period, ...(process.env.ASOF ? { asOf: process.env.ASOF } : {}) })
  const ms = performance.now() - t
  const t2 = performance.now()
  const s = JSON.stringify(d)
  console.log(`${ms.toFixed(0)} ms, json ${(performance.now() - t2).toFixed(0)} ms, ${(s.length / 1024).toFixed(0)} KiB, plans ${d.plans.length}, expected ${d.totals.expected}`)
}
await store.close()
