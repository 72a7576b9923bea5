import type { IsoDate } from './iso-date'
import { foldText } from './text'
import type { UnitKind, UnitLevel } from './unit'
import { addDays } from './internal/calendar'
import { lastDayBefore } from './unit-tree'

/**
 * The national register of administrative units (National Statistics Office, danh mục đơn vị
 * hành chính) read into papi's terms: the organisation before 1 July 2025 (63 provinces,
 * 696 districts, ~10,050 communes), the one after it (34 provinces, 3,321 communes, no districts),
 * the old → new links of the conversion table, and each province's standard bodies (its People's
 * Committee office, departments, central agencies' branches, state enterprises, mass
 * organisations and media) — so nobody types a tree.
 *
 * Pure: the tables come in as rows of cells (any CSV reader), the register goes out as data.
 */

/** Last day of the organisation before the two-tier reform (Resolution 202/2025/QH15). */
export const REGISTER_OLD_LAST_DAY: IsoDate = '2025-06-30'
/** First day of the 34 provinces and 3,321 communes. */
export const REGISTER_NEW_FIRST_DAY: IsoDate = '2025-07-01'
/** First day of the merged provincial departments (Decree 45/2025/NĐ-CP, 1 March 2025). */
export const DEPARTMENT_MERGER_DAY: IsoDate = '2025-03-01'

/** Which side of the 1 July 2025 reform a unit belongs to. */
export type RegisterEra = 'old' | 'new'

/** A unit the register yields, keyed by a stable papi code (`P91`, `D899`, `C31318@2025`, `P91/SNV`). */
export interface RegisterUnit {
  code: string
  /** The NSO code ("01", "001", "00004"); absent for standard bodies, which have none. */
  officialCode?: string
  name: string
  level: UnitLevel
  kind: UnitKind
  parentCode: string | null
  /** Code of the province-level unit it belongs to (itself for a province). */
  provinceCode: string
  era: RegisterEra
  validFrom?: IsoDate
  validTo?: IsoDate
  /**
   * The unit's names over its life, oldest first, when it had another before the register's date
   * (Thừa Thiên Huế until 31/12/2024): a plan or a result of that time names it as it was then.
   */
  names?: RegisterName[]
}

/** A name a unit bore over a span of days (both ends inclusive, open when absent). */
export interface RegisterName {
  validFrom?: IsoDate
  validTo?: IsoDate
  name: string
}

/**
 * Provinces renamed before the register's date (04/01/2025) under the same code: the area's
 * former name and the first day of the one the register gives. Thừa Thiên Huế became the
 * centrally-run city of Huế on 1 January 2025 (Resolution 1314/NQ-UBTVQH15).
 */
export const PROVINCE_RENAMES: Readonly<Record<string, readonly { formerArea: string; renamedOn: IsoDate }[]>> = {
  '46': [{ formerArea: 'Tỉnh Thừa Thiên Huế', renamedOn: '2025-01-01' }],
}

/** A unit's dated names: each former name until the day before its rename, then the current one. */
function datedNames(
  unit: { name: string; validFrom?: IsoDate; validTo?: IsoDate },
  former: readonly { name: string; renamedOn: IsoDate }[],
) {
  const changed = former.filter((f) => f.name !== unit.name)
  if (changed.length === 0) return undefined
  const names: RegisterName[] = []
  let from = unit.validFrom
  for (const f of changed) {
    names.push({ ...(from !== undefined && { validFrom: from }), validTo: lastDayBefore(f.renamedOn), name: f.name })
    from = f.renamedOn
  }
  names.push({
    ...(from !== undefined && { validFrom: from }),
    ...(unit.validTo !== undefined && { validTo: unit.validTo }),
    name: unit.name,
  })
  return names
}

/** How an old unit went into a new one: all of it, or a part (a commune split among several). */
export type SuccessionKind = 'whole' | 'part'

/** One old → new link: many-to-many (an old commune split appears once per new commune). */
export interface RegisterLink {
  fromCode: string
  toCode: string
  kind: SuccessionKind
  effectiveOn: IsoDate
  /** The table's own words ("Nhập một phần diện tích, toàn bộ dân số"), when it gave any. */
  note?: string
}

/** A row the reader could not turn into a unit or link, with why; the rest of the table still reads. */
export interface RegisterIssue {
  table: 'before' | 'conversion'
  /** 1-based row in the table as read (header rows count). */
  row: number
  message: string
}

export interface Register {
  units: RegisterUnit[]
  links: RegisterLink[]
  issues: RegisterIssue[]
}

/** Codes of the register's units: one scheme, so a second import finds what the first wrote. */
export const registerCode = {
  province: (official: string, era: RegisterEra) => (era === 'old' ? `P${official}` : `P${official}@2025`),
  district: (official: string) => `D${official}`,
  commune: (official: string, era: RegisterEra) => (era === 'old' ? `C${official}` : `C${official}@2025`),
  body: (provinceCode: string, key: string) => `${provinceCode}/${key}`,
}

/** One cell as a reader sees it: line breaks and runs of spaces inside a cell are one space. */
function cell(row: readonly string[], i: number): string {
  return (row[i] ?? '').replace(/\s+/gu, ' ').trim()
}

/** "Thành phố Hà Nội (01)" → name and code; a name without a code keeps `code` undefined. */
export function splitNamedCode(text: string): { name: string; code?: string } {
  const m = /^(.*?)\s*\((\d+)\)\s*$/u.exec(text.replace(/\s+/gu, ' ').trim())
  return m ? { name: (m[1] as string).trim(), code: m[2] as string } : { name: text.replace(/\s+/gu, ' ').trim() }
}

// Type words in front of an area's proper name, longest first.
const AREA_TYPES = ['Thành phố', 'Thị trấn', 'Thị xã', 'Đặc khu', 'Phường', 'Huyện', 'Quận', 'Tỉnh', 'Xã']
/** Each type with the folded words a name of that type starts with, folded once. */
const AREA_TYPE_PREFIXES = AREA_TYPES.map((type) => ({ type, prefix: `${foldText(type)} ` }))

/** The type word a name starts with ("Thành phố Hà Nội" → "Thành phố"), the name folded once. */
function areaTypeOf(name: string): string | undefined {
  const folded = foldText(name)
  return AREA_TYPE_PREFIXES.find((t) => folded.startsWith(t.prefix))?.type
}

/**
 * The People's Committee of an area, as plans name it: "Phường Trúc Bạch" → "UBND phường Trúc
 * Bạch", "Thành phố Hà Nội" → "UBND thành phố Hà Nội".
 *
 * @example
 * committeeName('Tỉnh Lào Cai') // 'UBND tỉnh Lào Cai'
 */
export function committeeName(areaName: string): string {
  const name = areaName.normalize('NFC').replace(/\s+/gu, ' ').trim()
  const type = areaTypeOf(name)
  if (!type) return `UBND ${name}`
  return `UBND ${type.toLowerCase()}${name.slice(type.length)}`
}

/** The proper name of an area without its type word: "Thành phố Hà Nội" → "Hà Nội". */
export function areaProperName(areaName: string): string {
  const name = areaName.normalize('NFC').replace(/\s+/gu, ' ').trim()
  const type = areaTypeOf(name)
  return type ? name.slice(type.length).trim() : name
}

/**
 * The kind of succession a conversion-table note states: "Nhập một phần…" and "Phần còn lại sau
 * khi tách…" are parts; "Nhập toàn bộ", "Giữ nguyên", "Đổi tên", "Sắp xếp toàn bộ…" and an empty
 * note are the whole unit.
 *
 * @example
 * successionKindOf('Nhập một phần diện tích, toàn bộ dân số') // 'part'
 * successionKindOf('Nhập toàn bộ') // 'whole'
 */
export function successionKindOf(note: string): SuccessionKind {
  const folded = foldText(note).replace(/\s+/g, ' ')
  return /\bmot phan\b|\bphan con lai\b/.test(folded) ? 'part' : 'whole'
}

/**
 * Reads the two NSO tables into a {@link Register}.
 *
 * `before`: `Tỉnh Thành Phố, Mã TP, Quận Huyện, Mã QH, Phường Xã, Mã PX, Cấp, Tên Tiếng Anh`,
 * one row per commune (a district with no commune, e.g. an island district, has a row of its
 * own with `Cấp` "Huyện"). `conversion`: two header rows, a banner row per new province
 * ("THÀNH PHỐ HÀ NỘI"), then per new commune the old units it was made from. Header and banner
 * rows are not units; cells may hold line breaks and trailing spaces; codes stay strings
 * ("00004"). Old units end on 30/06/2025, new ones start on 01/07/2025; every old province is
 * linked to the new province its communes went to, and each old commune to each new commune it
 * went (wholly or in part) into. Rows that cannot be read become issues, never guesses.
 *
 * @example
 * const register = readRegisterTables(beforeRows, conversionRows)
 * register.units.filter((u) => u.level === 'province' && u.era === 'new').length // 34
 */
export function readRegisterTables(before: readonly (readonly string[])[], conversion: readonly (readonly string[])[]): Register {
  const units: RegisterUnit[] = []
  const links: RegisterLink[] = []
  const issues: RegisterIssue[] = []
  const byCode = new Map<string, RegisterUnit>()
  const add = (unit: RegisterUnit) => {
    if (byCode.has(unit.code)) return byCode.get(unit.code) as RegisterUnit
    byCode.set(unit.code, unit)
    units.push(unit)
    return unit
  }
  const old = { validTo: REGISTER_OLD_LAST_DAY }
  const fresh = { validFrom: REGISTER_NEW_FIRST_DAY }

  // --- before 1 July 2025
  before.forEach((row, i) => {
    const provinceOfficial = cell(row, 1)
    if (!/^\d+$/u.test(provinceOfficial)) {
      if (i > 0 || !foldText(cell(row, 1)).startsWith('ma')) issues.push({ table: 'before', row: i + 1, message: 'no province code' })
      return
    }
    const provinceCode = registerCode.province(provinceOfficial, 'old')
    const provinceName = committeeName(cell(row, 0))
    const names = datedNames(
      { name: provinceName, ...old },
      (PROVINCE_RENAMES[provinceOfficial] ?? []).map((r) => ({ name: committeeName(r.formerArea), renamedOn: r.renamedOn })),
    )
    add({
      code: provinceCode,
      officialCode: provinceOfficial,
      name: provinceName,
      level: 'province',
      kind: 'people-committee',
      parentCode: null,
      provinceCode,
      era: 'old',
      ...old,
      ...(names && { names }),
    })
    const districtOfficial = cell(row, 3)
    if (!/^\d+$/u.test(districtOfficial)) {
      issues.push({ table: 'before', row: i + 1, message: 'no district code' })
      return
    }
    const districtCode = registerCode.district(districtOfficial)
    add({
      code: districtCode,
      officialCode: districtOfficial,
      name: committeeName(cell(row, 2)),
      level: 'district',
      kind: 'people-committee',
      parentCode: provinceCode,
      provinceCode,
      era: 'old',
      ...old,
    })
    const communeOfficial = cell(row, 5)
    if (communeOfficial === '') {
      if (foldText(cell(row, 6)) !== 'huyen') issues.push({ table: 'before', row: i + 1, message: 'no commune code' })
      return
    }
    add({
      code: registerCode.commune(communeOfficial, 'old'),
      officialCode: communeOfficial,
      name: committeeName(cell(row, 4)),
      level: 'commune',
      kind: 'people-committee',
      parentCode: districtCode,
      provinceCode,
      era: 'old',
      ...old,
    })
  })

  // --- the conversion table
  const linkKeys = new Set<string>()
  const link = (l: RegisterLink) => {
    const key = `${l.fromCode}>${l.toCode}`
    if (linkKeys.has(key)) {
      // The same old unit listed twice for one new unit: a part anywhere makes it a part.
      if (l.kind === 'part') {
        const found = links.find((x) => x.fromCode === l.fromCode && x.toCode === l.toCode)
        if (found) found.kind = 'part'
      }
      return
    }
    linkKeys.add(key)
    links.push(l)
  }
  conversion.forEach((row, i) => {
    const newCommuneOfficial = cell(row, 2)
    if (!/^\d+$/u.test(newCommuneOfficial)) return // header or banner row
    const province = splitNamedCode(cell(row, 0))
    if (!province.code) {
      issues.push({ table: 'conversion', row: i + 1, message: `new province without a code: "${cell(row, 0)}"` })
      return
    }
    const provinceCode = registerCode.province(province.code, 'new')
    add({
      code: provinceCode,
      officialCode: province.code,
      name: committeeName(province.name),
      level: 'province',
      kind: 'people-committee',
      parentCode: null,
      provinceCode,
      era: 'new',
      ...fresh,
    })
    const communeCode = registerCode.commune(newCommuneOfficial, 'new')
    add({
      code: communeCode,
      officialCode: newCommuneOfficial,
      name: committeeName(cell(row, 1)),
      level: 'commune',
      kind: 'people-committee',
      parentCode: provinceCode,
      provinceCode,
      era: 'new',
      ...fresh,
    })
    const note = cell(row, 5)
    const kind = successionKindOf(note)
    const effective = { effectiveOn: REGISTER_NEW_FIRST_DAY, ...(note !== '' && { note }) }
    const oldProvince = splitNamedCode(cell(row, 7)).code
    if (oldProvince) {
      const from = registerCode.province(oldProvince, 'old')
      if (byCode.has(from)) link({ fromCode: from, toCode: provinceCode, kind: 'whole', effectiveOn: REGISTER_NEW_FIRST_DAY })
    }
    const oldCommune = cell(row, 4)
    if (oldCommune !== '') {
      const from = registerCode.commune(oldCommune, 'old')
      if (byCode.has(from)) link({ fromCode: from, toCode: communeCode, kind, ...effective })
      else issues.push({ table: 'conversion', row: i + 1, message: `old commune ${oldCommune} is not in the register before 01/07/2025` })
      return
    }
    // A whole district made one special zone (đặc khu Côn Đảo): the district is what went in.
    const district = splitNamedCode(cell(row, 6)).code
    const from = district && registerCode.district(district)
    if (from && byCode.has(from) && /huyen/u.test(foldText(note))) link({ fromCode: from, toCode: communeCode, kind, ...effective })
    else issues.push({ table: 'conversion', row: i + 1, message: `no old unit for "${cell(row, 3) || cell(row, 1)}"` })
  })

  // An old province whose communes went to more than one new province went there in part
  // (Tiền Giang: Đồng Tháp, and one commune to Tây Ninh).
  const provinceTargets = new Map<string, number>()
  for (const l of links)
    if (byCode.get(l.fromCode)?.level === 'province') provinceTargets.set(l.fromCode, (provinceTargets.get(l.fromCode) ?? 0) + 1)
  for (const l of links) if ((provinceTargets.get(l.fromCode) ?? 0) > 1) l.kind = 'part'

  for (const province of units.filter((u) => u.level === 'province' && u.kind === 'people-committee')) {
    for (const body of standardBodies(province)) add(body)
  }
  links.push(...bodyLinks(units, links))
  return { units, links, issues }
}

// --- standard bodies of a province

interface BodySpec {
  key: string
  /** The name with "tỉnh" where the province's own word goes ("thành phố" for Hà Nội…). */
  name: string
  kind: UnitKind
  /** Old provinces only: the department list before 1 March 2025 … */
  until?: IsoDate
  /** … or the merged list from it. */
  from?: IsoDate
  /** Old province departments merged on 1 March 2025 into these (key, kind). */
  mergedInto?: readonly [string, SuccessionKind][]
}

const MERGED_BEFORE = '2025-02-28'

/**
 * The bodies every province has, as dated data. Departments (cơ quan chuyên môn thuộc UBND tỉnh)
 * before the 1 March 2025 merger follow Decree 24/2014 and 107/2020/NĐ-CP; from 1 March 2025,
 * Decree 45/2025/NĐ-CP (Planning and Investment into Finance, Transport into Construction,
 * Information and Communications into Science and Technology, Natural Resources and Environment
 * with Agriculture, Labour – Invalids and Social Affairs shared out). The 34 provinces of
 * 1 July 2025 have the merged list only. Central agencies' provincial branches (Công an, Bảo
 * hiểm xã hội, Thuế, Kho bạc…), state enterprises (Bưu điện, Điện lực), mass organisations and
 * media are kinds of their own, so "Các sở, ban, ngành" does not reach the post office.
 */
export const STANDARD_BODIES: readonly BodySpec[] = [
  { key: 'VP', name: 'Văn phòng UBND tỉnh', kind: 'office' },
  { key: 'SNV', name: 'Sở Nội vụ', kind: 'department' },
  { key: 'STP', name: 'Sở Tư pháp', kind: 'department' },
  { key: 'STC', name: 'Sở Tài chính', kind: 'department' },
  { key: 'SKHDT', name: 'Sở Kế hoạch và Đầu tư', kind: 'department', until: MERGED_BEFORE, mergedInto: [['STC', 'whole']] },
  { key: 'SCT', name: 'Sở Công Thương', kind: 'department' },
  {
    key: 'SNNPTNT',
    name: 'Sở Nông nghiệp và Phát triển nông thôn',
    kind: 'department',
    until: MERGED_BEFORE,
    mergedInto: [['SNNMT', 'whole']],
  },
  { key: 'STNMT', name: 'Sở Tài nguyên và Môi trường', kind: 'department', until: MERGED_BEFORE, mergedInto: [['SNNMT', 'whole']] },
  { key: 'SNNMT', name: 'Sở Nông nghiệp và Môi trường', kind: 'department', from: DEPARTMENT_MERGER_DAY },
  { key: 'SGTVT', name: 'Sở Giao thông vận tải', kind: 'department', until: MERGED_BEFORE, mergedInto: [['SXD', 'whole']] },
  { key: 'SXD', name: 'Sở Xây dựng', kind: 'department' },
  {
    key: 'STTTT',
    name: 'Sở Thông tin và Truyền thông',
    kind: 'department',
    until: MERGED_BEFORE,
    mergedInto: [
      ['SKHCN', 'part'],
      ['SVHTTDL', 'part'],
    ],
  },
  {
    key: 'SLDTBXH',
    name: 'Sở Lao động - Thương binh và Xã hội',
    kind: 'department',
    until: MERGED_BEFORE,
    mergedInto: [
      ['SNV', 'part'],
      ['SYT', 'part'],
      ['SGDDT', 'part'],
    ],
  },
  { key: 'SVHTTDL', name: 'Sở Văn hóa, Thể thao và Du lịch', kind: 'department' },
  { key: 'SKHCN', name: 'Sở Khoa học và Công nghệ', kind: 'department' },
  { key: 'SGDDT', name: 'Sở Giáo dục và Đào tạo', kind: 'department' },
  { key: 'SYT', name: 'Sở Y tế', kind: 'department' },
  { key: 'TTR', name: 'Thanh tra tỉnh', kind: 'agency' },
  { key: 'CA', name: 'Công an tỉnh', kind: 'central-branch' },
  { key: 'BCHQS', name: 'Bộ Chỉ huy Quân sự tỉnh', kind: 'central-branch' },
  { key: 'BHXH', name: 'Bảo hiểm xã hội tỉnh', kind: 'central-branch' },
  { key: 'THUE', name: 'Cục Thuế tỉnh', kind: 'central-branch' },
  { key: 'KBNN', name: 'Kho bạc Nhà nước tỉnh', kind: 'central-branch' },
  { key: 'BD', name: 'Bưu điện tỉnh', kind: 'state-enterprise' },
  { key: 'DL', name: 'Công ty Điện lực tỉnh', kind: 'state-enterprise' },
  { key: 'MTTQ', name: 'Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh', kind: 'mass-organisation' },
  { key: 'DOAN', name: 'Tỉnh đoàn', kind: 'mass-organisation' },
  { key: 'HLHPN', name: 'Hội Liên hiệp Phụ nữ tỉnh', kind: 'mass-organisation' },
  { key: 'HND', name: 'Hội Nông dân tỉnh', kind: 'mass-organisation' },
  { key: 'HCCB', name: 'Hội Cựu chiến binh tỉnh', kind: 'mass-organisation' },
  { key: 'LDLD', name: 'Liên đoàn Lao động tỉnh', kind: 'mass-organisation' },
  { key: 'PTTH', name: 'Đài Phát thanh và Truyền hình tỉnh', kind: 'media' },
]

/** A body's name for one province: "tỉnh" becomes "thành phố" in a centrally-run city. */
function bodyName(spec: BodySpec, province: { name: string }): string {
  if (!/^UBND thành phố /u.test(province.name)) return spec.name
  return spec.name
    .replace(/^Tỉnh đoàn$/u, 'Thành đoàn')
    .replace(/ tỉnh$/u, ' thành phố')
    .replace(/UBND tỉnh$/u, 'UBND thành phố')
}

/**
 * The standard bodies of one province unit, dated: an old province's departments end with the
 * province (30/06/2025) or at the 1 March 2025 merger; a new province's start with it.
 *
 * @example
 * standardBodies(laoCai).find((b) => b.code === 'P10/SGTVT')?.validTo // '2025-02-28'
 */
export function standardBodies(province: RegisterUnit): RegisterUnit[] {
  return STANDARD_BODIES.filter((spec) => province.era === 'old' || spec.until === undefined).map((spec) => {
    const validTo = province.era === 'old' ? (spec.until ?? province.validTo) : province.validTo
    const validFrom = province.era === 'old' ? (spec.from ?? province.validFrom) : province.validFrom
    const name = bodyName(spec, province)
    // A renamed province's bodies were named after it then ("Tỉnh đoàn" of Thừa Thiên Huế in 2024).
    const former = (province.names ?? [])
      .slice(0, -1)
      .flatMap((n) =>
        n.validTo === undefined || (validFrom !== undefined && n.validTo < validFrom)
          ? []
          : [{ name: bodyName(spec, n), renamedOn: addDays(n.validTo, 1) }],
      )
    const names = datedNames(
      { name, ...(validFrom !== undefined && { validFrom }), ...(validTo !== undefined && { validTo }) },
      former.filter((f) => validTo === undefined || f.renamedOn <= validTo),
    )
    return {
      code: registerCode.body(province.code, spec.key),
      name,
      level: 'province' as const,
      kind: spec.kind,
      parentCode: province.code,
      provinceCode: province.code,
      era: province.era,
      ...(validFrom !== undefined && { validFrom }),
      ...(validTo !== undefined && { validTo }),
      ...(names && { names }),
    }
  })
}

/**
 * Successions of the bodies: the departments merged on 1 March 2025 into their province's merged
 * ones, and on 1 July 2025 each old province's bodies into the same body of the province it
 * became.
 */
function bodyLinks(units: readonly RegisterUnit[], links: readonly RegisterLink[]): RegisterLink[] {
  const out: RegisterLink[] = []
  const codes = new Set(units.map((u) => u.code))
  for (const province of units.filter((u) => u.level === 'province' && u.kind === 'people-committee' && u.era === 'old')) {
    for (const spec of STANDARD_BODIES) {
      for (const [key, kind] of spec.mergedInto ?? []) {
        out.push({
          fromCode: registerCode.body(province.code, spec.key),
          toCode: registerCode.body(province.code, key),
          kind,
          effectiveOn: DEPARTMENT_MERGER_DAY,
        })
      }
    }
    const becameCodes = links.filter((l) => l.fromCode === province.code).map((l) => l.toCode)
    for (const toProvince of becameCodes) {
      for (const spec of STANDARD_BODIES.filter((s) => s.until === undefined)) {
        const toCode = registerCode.body(toProvince, spec.key)
        if (codes.has(toCode)) {
          out.push({ fromCode: registerCode.body(province.code, spec.key), toCode, kind: 'whole', effectiveOn: REGISTER_NEW_FIRST_DAY })
        }
      }
    }
  }
  return out
}

/**
 * The part of the register one province needs: the old province with that official code and
 * everything in it, the new province(s) it became with everything in them, and the links between
 * what is kept. A code only a new province has (An Giang's "91" after 2025 is Kiên Giang's before)
 * is read as the old code first; a code no old province has selects the new province and the old
 * provinces it was made from. Undefined when no province has the code.
 *
 * @example
 * registerForProvince(register, '91')?.units.filter((u) => u.level === 'province').map((u) => u.name)
 * // ['UBND tỉnh Kiên Giang', 'UBND tỉnh An Giang']
 */
export function registerForProvince(register: Register, officialCode: string): Register | undefined {
  const provinces = register.units.filter((u) => u.level === 'province' && u.kind === 'people-committee')
  const provinceLinks = register.links.filter((l) => provinces.some((p) => p.code === l.fromCode))
  let oldCodes = provinces.filter((p) => p.era === 'old' && p.officialCode === officialCode).map((p) => p.code)
  if (oldCodes.length === 0) {
    const fresh = provinces.filter((p) => p.era === 'new' && p.officialCode === officialCode).map((p) => p.code)
    oldCodes = provinceLinks.filter((l) => fresh.includes(l.toCode)).map((l) => l.fromCode)
    if (fresh.length === 0) return undefined
    if (oldCodes.length === 0) oldCodes = []
    const keep = new Set([...oldCodes, ...fresh])
    return subset(register, keep)
  }
  const newCodes = provinceLinks.filter((l) => oldCodes.includes(l.fromCode)).map((l) => l.toCode)
  return subset(register, new Set([...oldCodes, ...newCodes]))
}

function subset(register: Register, provinceCodes: ReadonlySet<string>): Register {
  const units = register.units.filter((u) => provinceCodes.has(u.provinceCode))
  const codes = new Set(units.map((u) => u.code))
  const links = register.links.filter((l) => codes.has(l.fromCode) && codes.has(l.toCode))
  return { units, links, issues: register.issues }
}

/**
 * The part of the register several provinces need, each as {@link registerForProvince} gives it,
 * and with `everyProvince` the People's Committee of every other province, old and new, with the
 * links between them — what a results table of all 63 provinces is matched and ranked against —
 * without their districts, communes and bodies (a later import of the whole register adds those:
 * the codes are the same). Units keep the register's order, parents first. Undefined when a code
 * is no province's.
 *
 * @example
 * const demo = registerForProvinces(register, ['91', '10'], { everyProvince: true })
 * demo?.units.filter((u) => u.level === 'province' && u.kind === 'people-committee').length // 97
 */
export function registerForProvinces(
  register: Register,
  officialCodes: readonly string[],
  options: { everyProvince?: boolean } = {},
): Register | undefined {
  const keep = new Set<string>()
  for (const code of officialCodes) {
    const part = registerForProvince(register, code)
    if (!part) return undefined
    for (const u of part.units) keep.add(u.code)
  }
  if (options.everyProvince) {
    for (const u of register.units) if (u.level === 'province' && u.kind === 'people-committee') keep.add(u.code)
  }
  const units = register.units.filter((u) => keep.has(u.code))
  const links = register.links.filter((l) => keep.has(l.fromCode) && keep.has(l.toCode))
  return { units, links, issues: register.issues }
}
