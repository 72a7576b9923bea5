import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from './browser'
import { runSeedJourney, setUpSeedWorld, type SeedJourney, type SeedWorld } from './seed-journey'

// Lào Cai's 165/KH-UBND (2020), the whole cycle in Chromium on a fresh database with the national
// register: import → a unit for every unmatched name → publish → a quarter opened → a report filed
// → accepted → the reporting page and the period report (.xlsx, .docx) agree. See seed-journey.ts.

const LAO_CAI: SeedJourney = {
  slug: 'lao-cai',
  seed: 'lao-cai-165-KH-UBND-2020-par-index.txt',
  province: '10',
  scope: 'P10',
  agency: 'P10/SNV',
  reporter: { unit: 'P10/STP', task: '2.1' },
  number: '165/KH-UBND',
  summary: '43 nhiệm vụ',
  period: '2020Q4',
  doneOn: '2020-12-10',
  // Bodies of the ministry and a national corporation: the province's own counterparts.
  fixes: [
    { name: 'các đơn vị thuộc Bộ Nội vụ', search: 'nội vụ', unit: 'Sở Nội vụ' },
    { name: 'các đơn vị của Bộ Nội vụ', search: 'nội vụ', unit: 'Sở Nội vụ' },
    { name: 'Tổng Công ty Bưu điện Việt Nam', search: 'bưu điện', unit: 'Bưu điện tỉnh' },
  ],
}

describe.skipIf(!browserAvailable())('Lào Cai 165/KH-UBND (2020) in Chromium, from the document to the report', () => {
  let world: SeedWorld
  beforeAll(async () => {
    world = await setUpSeedWorld(LAO_CAI)
  })
  afterAll(async () => world?.close())

  it('imports, fixes every name, publishes; a report is filed and accepted; page and exports agree', async () => {
    const started = performance.now()
    const { figures, timings } = await runSeedJourney(world, LAO_CAI)
    console.log('lao-cai (ms)', JSON.stringify({ setup: world.timings, timings, total: Math.round(performance.now() - started) }))
    expect(figures).toMatchObject({ submitted: 1, accepted: 1 })
  }, 120_000)
})
