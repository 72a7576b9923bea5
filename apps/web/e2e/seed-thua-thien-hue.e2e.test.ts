import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from './browser'
import { runSeedJourney, setUpSeedWorld, type SeedJourney, type SeedWorld } from './seed-journey'

// Thừa Thiên Huế's 2024 PAPI plan (as a news page gives it: no number), the whole cycle in
// Chromium on a fresh database with the national register: import → publish → a quarter opened →
// a report filed → accepted → the reporting page and the period report (.xlsx, .docx) agree.
// Every name it writes is a unit or a class of units: nothing to fix. See seed-journey.ts.

const HUE: SeedJourney = {
  slug: 'thua-thien-hue',
  seed: 'thua-thien-hue-2024-papi-news.txt',
  province: '46',
  scope: 'P46',
  agency: 'P46/SNV',
  reporter: { unit: 'P46/TTR', task: '4.1' },
  number: 'Không số',
  summary: '8 nhiệm vụ',
  period: '2024Q4',
  doneOn: '2024-12-10',
  fixes: [],
}

describe.skipIf(!browserAvailable())('Thừa Thiên Huế 2024 in Chromium, from the document to the report', () => {
  let world: SeedWorld
  beforeAll(async () => {
    world = await setUpSeedWorld(HUE)
  })
  afterAll(async () => world?.close())

  it('imports, fixes every name, publishes; a report is filed and accepted; page and exports agree', async () => {
    const started = performance.now()
    const { figures, timings } = await runSeedJourney(world, HUE)
    console.log('thua-thien-hue (ms)', JSON.stringify({ setup: world.timings, timings, total: Math.round(performance.now() - started) }))
    expect(figures).toMatchObject({ submitted: 1, accepted: 1 })
  }, 120_000)
})
