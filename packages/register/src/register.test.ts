import { REGISTER_NEW_FIRST_DAY, registerForProvince, registerForProvinces, type Register } from '@papi/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { readPapiScoreTables, readRegister } from './index'

let register: Register
beforeAll(async () => {
  register = await readRegister()
})

const count = (level: string, era: 'old' | 'new') =>
  register.units.filter((u) => u.level === level && u.era === era && u.kind === 'people-committee').length
const byName = (name: string, era: 'old' | 'new') => register.units.filter((u) => u.name === name && u.era === era)

describe('the national register as vendored', () => {
  it('holds 63 provinces, 696 districts and 10,051 communes before 1 July 2025, 34 provinces and 3,321 communes after', () => {
    expect(count('province', 'old')).toBe(63)
    expect(count('district', 'old')).toBe(696)
    expect(count('commune', 'old')).toBe(10_051)
    expect(count('province', 'new')).toBe(34)
    expect(count('district', 'new')).toBe(0)
    expect(count('commune', 'new')).toBe(3_321)
  })

  it('reads codes as strings with their leading zeros, and no header or banner row as a unit', () => {
    expect(register.units.find((u) => u.code === 'C00004')).toMatchObject({ officialCode: '00004', name: 'UBND phường Trúc Bạch' })
    expect(register.units.some((u) => /THÀNH PHỐ HÀ NỘI|Tên Xã|Phường Xã/u.test(u.name))).toBe(false)
    expect(register.units.every((u) => !/\n|\s{2}/u.test(u.name))).toBe(true)
  })

  it('links Phường Trúc Bạch wholly into Phường Ba Đình (Hà Nội), and splits Phường Ngọc Hà between several', () => {
    const truc = register.units.find((u) => u.code === 'C00004')
    const links = register.links.filter((l) => l.fromCode === truc?.code)
    expect(links).toEqual([expect.objectContaining({ toCode: 'C00004@2025', kind: 'whole', effectiveOn: REGISTER_NEW_FIRST_DAY })])
    expect(register.units.find((u) => u.code === 'C00004@2025')).toMatchObject({ name: 'UBND phường Ba Đình', parentCode: 'P01@2025' })
    const ngocHa = register.links.filter((l) => l.fromCode === 'C00016')
    expect(ngocHa.length).toBeGreaterThan(1)
    expect(ngocHa.every((l) => l.kind === 'part')).toBe(true)
  })

  it('links ~10,000 old communes to the new ones, many-to-many, and every old province to the new ones it went into', () => {
    const communeLinks = register.links.filter((l) => /^C\d+$/u.test(l.fromCode))
    expect(new Set(communeLinks.map((l) => l.fromCode)).size).toBeGreaterThan(10_000)
    expect(new Set(communeLinks.map((l) => l.toCode)).size).toBeGreaterThan(3_300)
    const provinceLinks = register.links.filter((l) => /^P\d+$/u.test(l.fromCode))
    expect(new Set(provinceLinks.map((l) => l.fromCode)).size).toBe(63)
    expect(new Set(provinceLinks.map((l) => l.toCode)).size).toBe(34)
    // Tiền Giang went to Đồng Tháp, and one of its communes to Tây Ninh: both in part.
    expect(provinceLinks.filter((l) => l.fromCode === 'P82').map((l) => [l.toCode, l.kind])).toEqual([
      ['P80@2025', 'part'],
      ['P82@2025', 'part'],
    ])
    expect(provinceLinks.filter((l) => l.kind === 'whole')).toHaveLength(62)
    const kienGiang = provinceLinks.find((l) => l.fromCode === 'P91')
    expect(register.units.find((u) => u.code === kienGiang?.toCode)?.name).toBe('UBND tỉnh An Giang')
    expect(register.units.find((u) => u.code === provinceLinks.find((l) => l.fromCode === 'P46')?.toCode)?.name).toBe('UBND thành phố Huế')
  })

  it('gives each province its bodies, dated: the 2025 department merger and the 1 July merger', () => {
    const laoCai = byName('UBND tỉnh Lào Cai', 'old')[0]
    expect(laoCai?.officialCode).toBe('10')
    const bodies = register.units.filter((u) => u.parentCode === laoCai?.code)
    expect(bodies.find((b) => b.name === 'Sở Giao thông vận tải')).toMatchObject({ kind: 'department', validTo: '2025-02-28' })
    expect(bodies.find((b) => b.name === 'Sở Nông nghiệp và Môi trường')).toMatchObject({ validFrom: '2025-03-01', validTo: '2025-06-30' })
    expect(bodies.find((b) => b.name === 'Bưu điện tỉnh')?.kind).toBe('state-enterprise')
    expect(bodies.find((b) => b.name === 'Công an tỉnh')?.kind).toBe('central-branch')
    expect(register.links).toContainEqual(expect.objectContaining({ fromCode: 'P10/SGTVT', toCode: 'P10/SXD', effectiveOn: '2025-03-01' }))
    expect(register.links).toContainEqual(
      expect.objectContaining({ fromCode: 'P10/STP', toCode: 'P15@2025/STP', effectiveOn: '2025-07-01' }),
    )
    const hanoi = register.units.filter((u) => u.parentCode === 'P01')
    expect(hanoi.map((b) => b.name)).toContain('Thành đoàn')
    expect(hanoi.map((b) => b.name)).toContain('Công an thành phố')
  })

  it('links no body twice: ~10,550 commune links, 64 province links, the department mergers and bodies', () => {
    expect(register.links.length).toBeLessThan(13_000)
    expect(new Set(register.links.map((l) => `${l.fromCode}>${l.toCode}`)).size).toBe(register.links.length)
    expect(register.units.every((u) => u.code.split('/').length <= 2)).toBe(true)
  })

  it('lists the rows it could not read instead of guessing', () => {
    // Communes changed between the register's date (04/01/2025) and the reform, and a coastal area with no code.
    expect(register.issues.length).toBeLessThan(20)
    expect(register.issues.every((i) => i.table === 'conversion')).toBe(true)
    expect(register.issues.some((i) => /bãi bồi/u.test(i.message))).toBe(true)
  })

  it('selects one province and what it became: 91 is Kiên Giang before 2025 and An Giang after', () => {
    const part = registerForProvince(register, '91')
    const provinces = part?.units.filter((u) => u.level === 'province' && u.kind === 'people-committee').map((u) => u.name)
    expect(provinces).toEqual(['UBND tỉnh Kiên Giang', 'UBND tỉnh An Giang'])
    expect(part?.links.every((l) => part.units.some((u) => u.code === l.fromCode) && part.units.some((u) => u.code === l.toCode))).toBe(
      true,
    )
    expect(registerForProvince(register, '99')).toBeUndefined()
  })
})

describe('names a unit had before the register was drawn up', () => {
  it("Huế was the province of Thừa Thiên Huế until 31/12/2024, and its bodies were the province's", () => {
    const hue = register.units.find((u) => u.code === 'P46')
    expect(hue).toMatchObject({ name: 'UBND thành phố Huế', validTo: '2025-06-30' })
    expect(hue?.names).toEqual([
      { validTo: '2024-12-31', name: 'UBND tỉnh Thừa Thiên Huế' },
      { validFrom: '2025-01-01', validTo: '2025-06-30', name: 'UBND thành phố Huế' },
    ])
    expect(register.units.find((u) => u.code === 'P46/DOAN')?.names?.map((n) => n.name)).toEqual(['Tỉnh đoàn', 'Thành đoàn'])
    expect(register.units.find((u) => u.code === 'P46/VP')?.names?.[0]).toEqual({ validTo: '2024-12-31', name: 'Văn phòng UBND tỉnh' })
    // Bodies named alike either way, and those created after the rename, have one name.
    expect(register.units.find((u) => u.code === 'P46/SNV')?.names).toBeUndefined()
    expect(register.units.find((u) => u.code === 'P46/SNNMT')?.names).toBeUndefined()
    expect(register.units.filter((u) => u.names !== undefined).every((u) => u.provinceCode === 'P46')).toBe(true)
  })
})

describe('registerForProvinces', () => {
  it("the seeds' provinces whole, what they became, and every other province's committee only", () => {
    const part = registerForProvinces(register, ['91', '10', '33', '46'], { everyProvince: true })
    const committees = part?.units.filter((u) => u.level === 'province' && u.kind === 'people-committee') ?? []
    expect(committees).toHaveLength(97)
    expect(new Set(part?.units.filter((u) => u.level === 'commune').map((u) => u.provinceCode))).toEqual(
      new Set(['P91', 'P10', 'P33', 'P46', 'P91@2025', 'P15@2025', 'P33@2025', 'P46@2025']),
    )
    expect(part?.units.some((u) => u.provinceCode === 'P01' && u.code !== 'P01')).toBe(false)
    const codes = new Set(part?.units.map((u) => u.code))
    expect(part?.links.every((l) => codes.has(l.fromCode) && codes.has(l.toCode))).toBe(true)
    expect(part?.links.filter((l) => /^P\d+$/u.test(l.fromCode))).toHaveLength(64)
    // Parents first, as the register lists them.
    const seen = new Set<string>()
    for (const u of part?.units ?? []) {
      if (u.parentCode !== null) expect(seen.has(u.parentCode)).toBe(true)
      seen.add(u.code)
    }
    expect(registerForProvinces(register, ['91', '99'])).toBeUndefined()
  })
})

describe('the PAPI results tables as vendored', () => {
  it('reads 63 provinces a year; the provinces not assessed have no total and keep their note', async () => {
    const tables = await readPapiScoreTables()
    expect(tables.map((t) => [t.year, t.rows.length, t.rows.filter((r) => r.total !== undefined).length])).toEqual([
      [2021, 63, 60],
      [2022, 63, 61],
      [2024, 63, 61],
    ])
    const hue = tables[1]?.rows.find((r) => r.province === 'Thừa Thiên Huế')
    expect(hue?.total).toBe(45.3845)
    expect(hue?.dimensions).toHaveLength(8)
    expect(tables[1]?.rows.find((r) => r.province === 'Bắc Giang')?.note).toMatch(/not assessed/u)
  })
})
