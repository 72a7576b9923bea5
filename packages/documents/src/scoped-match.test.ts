import { readFile } from 'node:fs/promises'
import { registerForProvince, type Register, type Unit } from '@papi/domain'
import { readRegister } from '@papi/register'
import { beforeAll, describe, expect, it } from 'vitest'
import { readPlanDocument } from './read-plan-document'

// The four seed plans, each imported into its own province on a database that holds the whole
// national register (63 + 34 provinces): names resolve inside the plan's scope, at least as well
// as with that province alone, and never to another province's unit.
// `resolved`: names matched / named (classes apart), pinned: a change to the matcher may raise
// them, never lower them or match a name in another province. Kiên Giang was 35/41 before
// "Điện lực tỉnh" found "Công ty Điện lực tỉnh" (a legal form left out).
const SEEDS = [
  { file: 'kien-giang-97-KH-UBND-2018-papi.txt', province: '91', scope: 'P91', resolved: [36, 41] },
  { file: 'lao-cai-165-KH-UBND-2020-par-index.txt', province: '10', scope: 'P10', resolved: [41, 44] },
  { file: 'duc-hop-2023-papi-commune.txt', province: '33', scope: 'C12316', resolved: [0, 11] },
  { file: 'thua-thien-hue-2024-papi-news.txt', province: '46', scope: 'P46', resolved: [0, 1] },
] as const

function unitsOf(register: Register): Unit[] {
  const successors = new Map<string, string[]>()
  for (const l of register.links) successors.set(l.fromCode, [...(successors.get(l.fromCode) ?? []), l.toCode])
  return register.units.map((u) => ({
    id: u.code,
    code: u.code,
    ...(u.officialCode !== undefined && { officialCode: u.officialCode }),
    name: u.name,
    level: u.level,
    kind: u.kind,
    parentId: u.parentCode,
    ...(u.validFrom !== undefined && { validFrom: u.validFrom }),
    ...(u.validTo !== undefined && { validTo: u.validTo }),
    successorIds: successors.get(u.code) ?? [],
  }))
}

async function resolution(file: string, units: Unit[], scopeUnitId?: string) {
  const data = await readFile(new URL(`../fixtures/seeds/${file}`, import.meta.url))
  const plan = await readPlanDocument({ fileName: file, data }, { units, ...(scopeUnitId && { scopeUnitId }) })
  const named = plan.sections
    .flatMap((s) => s.tasks.flatMap((t) => [...t.lead, ...t.coordinators]))
    .filter((a) => a.unitClass === undefined)
  const matchedIds = named.map((a) => a.unitId).filter((id): id is string => id !== undefined)
  return {
    named: named.length,
    matched: matchedIds.length,
    ambiguous: plan.warnings.filter((w) => w.code === 'ambiguous-assignee').length,
    matchedIds,
  }
}

let national: Unit[]
let register: Register
beforeAll(async () => {
  register = await readRegister()
  national = unitsOf(register)
})

describe('assignee names resolve inside the plan scope on a national database', () => {
  it.each(SEEDS)(
    '$file: at least as many names as with its province alone, none in another province',
    async (seed) => {
      // Today: a database holding that province alone (as it was before 1 July 2025), no scope.
      const alone = await resolution(
        seed.file,
        unitsOf(registerForProvince(register, seed.province) as Register).filter((u) => u.validFrom === undefined),
      )
      // (Unscoped on the national database, before this change: 0 matched for every seed, each name ambiguous.)
      const scoped = await resolution(seed.file, national, seed.scope)
      expect(scoped.ambiguous).toBe(0)
      expect(scoped.matched).toBeGreaterThanOrEqual(alone.matched)
      const province = registerForProvince(register, seed.province) as Register
      const own = new Set(province.units.map((u) => u.code))
      expect(scoped.matchedIds.filter((id) => !own.has(id))).toEqual([])
      expect([scoped.matched, scoped.named]).toEqual(seed.resolved)
    },
    60_000,
  )

  it('finds Kiên Giang’s "Điện lực tỉnh" (task 6.5) as the register’s "Công ty Điện lực tỉnh"', async () => {
    const data = await readFile(new URL('../fixtures/seeds/kien-giang-97-KH-UBND-2018-papi.txt', import.meta.url))
    const plan = await readPlanDocument({ fileName: 'kien-giang.txt', data }, { units: national, scopeUnitId: 'P91' })
    const named = plan.sections.flatMap((s) => s.tasks.flatMap((t) => [...t.lead, ...t.coordinators]))
    expect(named.filter((a) => a.text === 'Điện lực tỉnh').map((a) => a.unitId)).toEqual(['P91/DL'])
    expect(national.find((u) => u.id === 'P91/DL')?.name).toBe('Công ty Điện lực tỉnh')
  }, 60_000)

  it('names both candidates when a name fits two units', async () => {
    const two = unitsOf(register).filter((u) => u.validFrom === undefined && (u.code.startsWith('P10') || u.code.startsWith('P91')))
    const data = await readFile(new URL('../fixtures/seeds/lao-cai-165-KH-UBND-2020-par-index.txt', import.meta.url))
    const plan = await readPlanDocument({ fileName: 'lao-cai.txt', data }, { units: two })
    const warning = plan.warnings.find((w) => w.code === 'ambiguous-assignee' && /Sở Tư pháp/u.test(w.message))
    expect(warning?.message).toMatch(/Sở Tư pháp — UBND tỉnh Lào Cai/u)
    expect(warning?.message).toMatch(/Sở Tư pháp — UBND tỉnh Kiên Giang/u)
  }, 60_000)
})
