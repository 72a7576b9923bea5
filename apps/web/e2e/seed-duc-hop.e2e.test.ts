import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { browserAvailable } from './browser'
import { runSeedJourney, setUpSeedWorld, type SeedJourney, type SeedWorld } from './seed-journey'

// The Đức Hợp commune plan (Hưng Yên, 2023), the whole cycle in Chromium on a fresh database with
// the national register: import → a unit for every unmatched name → publish → a quarter opened →
// a report filed → accepted → the reporting page and the period report (.xlsx, .docx) agree.
// A commune has no units under it in the register: every name the plan gives its officers and
// offices ("Văn phòng UBND xã", "Công chức Văn hóa và Thông tin"), and the classes of officers
// with no unit in the register ("Cán bộ, công chức liên quan"), is the commune's committee.

const DUC_HOP: SeedJourney = {
  slug: 'duc-hop',
  seed: 'duc-hop-2023-papi-commune.txt',
  province: '33',
  scope: 'C12316',
  agency: 'C12316',
  reporter: { unit: 'C12316', task: 'III.2.1' },
  number: 'Không số',
  summary: '27 nhiệm vụ',
  period: '2023Q2',
  doneOn: '2023-06-10',
  fixes: [
    { name: 'Ủy ban Mặt trận Tổ quốc xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Công chức Văn phòng- thống kê UBND xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'cơ quan thường trực', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Văn phòng UBND xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'UBND xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Công chức Văn hóa và Thông tin', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Trưởng đài truyền thanh xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Cán bộ, công chức', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Cán bộ, công chức liên quan', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'cán bộ, công chức UBND xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'các công chức khác', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'UBMTTQ, các ban ngành đoàn thể', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
    { name: 'Ủy ban Mặt trận Tổ quốc Việt Nam xã và các ngành đoàn thể xã', search: 'đức hợp', unit: 'UBND xã Đức Hợp' },
  ],
}

describe.skipIf(!browserAvailable())('Đức Hợp commune plan (2023) in Chromium, from the document to the report', () => {
  let world: SeedWorld
  beforeAll(async () => {
    world = await setUpSeedWorld(DUC_HOP)
  })
  afterAll(async () => world?.close())

  it('imports, fixes every name, publishes; a report is filed and accepted; page and exports agree', async () => {
    const started = performance.now()
    const { figures, timings } = await runSeedJourney(world, DUC_HOP)
    console.log('duc-hop (ms)', JSON.stringify({ setup: world.timings, timings, total: Math.round(performance.now() - started) }))
    expect(figures).toMatchObject({ submitted: 1, accepted: 1 })
  }, 120_000)
})
