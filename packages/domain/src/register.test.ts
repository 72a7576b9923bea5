import { describe, expect, it } from 'vitest'
import { committeeName, readRegisterTables, registerForProvince, splitNamedCode, successionKindOf } from './register'

// The first rows of the NSO's two tables, as published: header rows, a banner row, a line break
// inside a cell, trailing spaces, codes with leading zeros.
const BEFORE = [
  ['Tỉnh Thành Phố', 'Mã TP', 'Quận Huyện', 'Mã QH', 'Phường Xã', 'Mã PX', 'Cấp', 'Tên Tiếng Anh'],
  ['Thành phố Hà Nội', '01', 'Quận Ba Đình', '001', 'Phường Phúc Xá', '00001', 'Phường', ''],
  ['Thành phố Hà Nội', '01', 'Quận Ba Đình', '001', 'Phường Trúc Bạch', '00004', 'Phường', ''],
  ['Thành phố Hà Nội', '01', 'Quận Ba Đình', '001', 'Phường Ngọc Hà', '00016', 'Phường', ''],
  ['Thành phố Hải Phòng', '31', 'Huyện Bạch Long Vĩ', '318', '', '', 'Huyện', ''],
]
const CONVERSION = [
  ['Đơn vị hành chính từ ngày 01/7/2025', '', '', 'Đơn vị hành chính trước ngày 01/7/2025', '', '', '', '', ''],
  ['Tỉnh, thành phố', 'Tên Xã mới', 'Mã Xã mới', 'Tên Xã cũ', 'Mã Xã cũ', 'Ghi chú', 'Quận/huyện', 'Tỉnh cũ', ''],
  ['THÀNH PHỐ HÀ NỘI  ', '', '', '', '', '', '', '', ''],
  [
    'Thành phố Hà Nội (01)',
    'Phường Ba Đình',
    '00004',
    'Phường Trúc Bạch',
    '00004',
    'Nhập toàn bộ',
    'Quận Ba Đình (001)',
    'Thành phố Hà Nội (01)',
    '',
  ],
  [
    'Thành phố Hà Nội (01)',
    'Phường Ba Đình',
    '00004',
    'Phường Ngọc Hà',
    '00016',
    'Nhập một phần',
    'Quận Ba Đình (001)',
    'Thành phố Hà Nội (01)',
    '',
  ],
  [
    'Thành phố Hà Nội (01)',
    'Phường Ngọc Hà\n',
    '00008',
    'Phường Ngọc Hà',
    '00016',
    'Nhập một phần\n',
    'Quận Ba Đình (001)',
    'Thành phố Hà Nội (01)',
    '',
  ],
  [
    'Thành phố Hải Phòng (31)',
    'Đặc khu Bạch Long Vĩ',
    '11948',
    '',
    '',
    'Sắp xếp toàn bộ huyện Bạch Long Vĩ thành đặc khu Bạch Long Vĩ',
    'Huyện Bạch Long Vĩ (318)',
    'Thành phố Hải Phòng (31)',
    '',
  ],
]

describe('readRegisterTables', () => {
  const register = readRegisterTables(BEFORE, CONVERSION)
  const committees = register.units.filter((u) => u.kind === 'people-committee')

  it('reads units, not header or banner rows, with codes kept as strings', () => {
    expect(committees.map((u) => [u.code, u.name])).toEqual([
      ['P01', 'UBND thành phố Hà Nội'],
      ['D001', 'UBND quận Ba Đình'],
      ['C00001', 'UBND phường Phúc Xá'],
      ['C00004', 'UBND phường Trúc Bạch'],
      ['C00016', 'UBND phường Ngọc Hà'],
      ['P31', 'UBND thành phố Hải Phòng'],
      ['D318', 'UBND huyện Bạch Long Vĩ'],
      ['P01@2025', 'UBND thành phố Hà Nội'],
      ['C00004@2025', 'UBND phường Ba Đình'],
      ['C00008@2025', 'UBND phường Ngọc Hà'],
      ['P31@2025', 'UBND thành phố Hải Phòng'],
      ['C11948@2025', 'UBND đặc khu Bạch Long Vĩ'],
    ])
    expect(committees.find((u) => u.code === 'C00004')).toMatchObject({ officialCode: '00004', parentCode: 'D001', validTo: '2025-06-30' })
    expect(committees.find((u) => u.code === 'C00004@2025')).toMatchObject({ parentCode: 'P01@2025', validFrom: '2025-07-01' })
  })

  it('links old to new many-to-many, whole or part, and a whole district made a special zone', () => {
    const links = register.links.filter((l) => !l.fromCode.includes('/')).map((l) => `${l.fromCode}>${l.toCode}:${l.kind}`)
    expect(links).toEqual([
      'P01>P01@2025:whole',
      'C00004>C00004@2025:whole',
      'C00016>C00004@2025:part',
      'C00016>C00008@2025:part',
      'P31>P31@2025:whole',
      'D318>C11948@2025:whole',
    ])
    expect(register.issues).toEqual([])
  })

  it('gives each province its bodies, named for a city with "thành phố"', () => {
    const hanoi = register.units.filter((u) => u.parentCode === 'P01@2025').map((u) => u.name)
    expect(hanoi).toContain('Văn phòng UBND thành phố')
    expect(hanoi).toContain('Sở Nội vụ')
    expect(hanoi).not.toContain('Sở Kế hoạch và Đầu tư') // merged into Sở Tài chính on 1 March 2025
    expect(register.units.find((u) => u.code === 'P01/SKHDT')).toMatchObject({ validTo: '2025-02-28', kind: 'department' })
  })

  it('selects a province and what it became', () => {
    expect(
      registerForProvince(register, '01')
        ?.units.filter((u) => u.level === 'province' && u.kind === 'people-committee')
        .map((u) => u.code),
    ).toEqual(['P01', 'P01@2025'])
  })
})

describe('register helpers', () => {
  it('name the committee of an area and split a "Name (code)" cell', () => {
    expect(committeeName('Thị xã Sa Pa')).toBe('UBND thị xã Sa Pa')
    expect(committeeName('Tỉnh Lào Cai')).toBe('UBND tỉnh Lào Cai')
    expect(splitNamedCode('Quảng Trị (44)')).toEqual({ name: 'Quảng Trị', code: '44' })
    expect(splitNamedCode('Khu vực bãi bồi')).toEqual({ name: 'Khu vực bãi bồi' })
  })

  it('read the kind of succession from the note', () => {
    expect(successionKindOf('Nhập một  phần')).toBe('part')
    expect(successionKindOf('Nhâp một phần diện tích')).toBe('part')
    expect(successionKindOf('Phần còn lại sau khi tách một phần vào xã Canh Vinh')).toBe('part')
    expect(successionKindOf('Giữ nguyên ')).toBe('whole')
    expect(successionKindOf('')).toBe('whole')
  })
})
