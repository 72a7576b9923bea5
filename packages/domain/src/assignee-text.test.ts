import { describe, expect, it } from 'vitest'
import { indexUnitNames, isAssigneeList, matchAssignees, parseAssignees, type ParsedAssignee } from './assignee-text'
import { AssigneeSchema, type Unit } from './unit'

/** What a reader sees in a cell: each unit's own words, and its class when it names a group. */
function read(text: string): Array<[string, string?]> {
  return parseAssignees(text).map((a) => (a.unitClass ? [a.text, a.unitClass] : [a.text]))
}

describe('parseAssignees', () => {
  // Lead and coordinator cells of the Kiên Giang 97/KH-UBND appendix, verbatim.
  it.each<[string, Array<[string, string?]>]>([
    [
      'Sở Nội vụ, UBND cấp huyện; UBND cấp xã',
      [['Sở Nội vụ'], ['UBND cấp huyện', 'district-committees'], ['UBND cấp xã', 'commune-committees']],
    ],
    [
      'Các sở ngành liên quan, các cơ quan thông tấn báo chí',
      [
        ['Các sở ngành liên quan', 'departments'],
        ['các cơ quan thông tấn báo chí', 'media'],
      ],
    ],
    ['Sở Nội vụ, các cơ quan có liên quan', [['Sở Nội vụ'], ['các cơ quan có liên quan', 'related-agencies']]],
    ['MTTQ và các đoàn thể có liên quan', [['MTTQ và các đoàn thể có liên quan', 'mass-organisations']]],
    [
      'Văn phòng UBND tỉnh; Sở Tài chính; Sở Tài nguyên và Môi trường',
      [['Văn phòng UBND tỉnh'], ['Sở Tài chính'], ['Sở Tài nguyên và Môi trường']],
    ],
    [
      'Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã',
      [
        ['Các sở, ban, ngành', 'departments'],
        ['UBND cấp huyện', 'district-committees'],
        ['UBND cấp xã', 'commune-committees'],
      ],
    ],
    ['Công chức liên quan', [['Công chức liên quan', 'civil-servants']]],
    [
      'Cơ quan thông tin đại chúng, MTTQ và các đoàn thể',
      [
        ['Cơ quan thông tin đại chúng', 'media'],
        ['MTTQ và các đoàn thể', 'mass-organisations'],
      ],
    ],
    [
      'MTTQ các cấp; UBND cấp huyện, UBND cấp xã',
      [
        ['MTTQ các cấp', 'mass-organisations'],
        ['UBND cấp huyện', 'district-committees'],
        ['UBND cấp xã', 'commune-committees'],
      ],
    ],
    [
      'Sở Kế hoạch và Đầu tư, Thanh tra huyện, thị xã, thành phố',
      [['Sở Kế hoạch và Đầu tư'], ['Thanh tra huyện, thị xã, thành phố', 'inspectorates']],
    ],
    [
      'Văn phòng UBND tỉnh, Sở Nội vụ; UBND cấp huyện, cấp xã',
      [['Văn phòng UBND tỉnh'], ['Sở Nội vụ'], ['UBND cấp huyện', 'district-committees'], ['cấp xã', 'commune-committees']],
    ],
    [
      'Các sở, ngành, UBND cấp huyện',
      [
        ['Các sở, ngành', 'departments'],
        ['UBND cấp huyện', 'district-committees'],
      ],
    ],
    ['Sở Nội vụ; Sở GD và ĐT; Sở Y tế', [['Sở Nội vụ'], ['Sở GD và ĐT'], ['Sở Y tế']]],
    [
      'Bưu điện tỉnh, UBND cấp huyện, cấp xã',
      [['Bưu điện tỉnh'], ['UBND cấp huyện', 'district-committees'], ['cấp xã', 'commune-committees']],
    ],
    [
      'Sở Nông nghiệp và Phát triển nông thôn; Công ty TNHH 1 thành viên cấp thoát nước Kiên Giang; Trung tâm nước sạch và vệ sinh môi trường nông thôn.',
      [
        ['Sở Nông nghiệp và Phát triển nông thôn'],
        ['Công ty TNHH 1 thành viên cấp thoát nước Kiên Giang'],
        ['Trung tâm nước sạch và vệ sinh môi trường nông thôn'],
      ],
    ],
    ['Sở Công Thương, Điện lực tỉnh', [['Sở Công Thương'], ['Điện lực tỉnh']]],
    [
      'Công an tỉnh; Công an cấp huyện; công an xã, phường, thị trấn',
      [['Công an tỉnh'], ['Công an cấp huyện'], ['công an xã, phường, thị trấn']],
    ],
  ])('reads %j as a reader would', (text, expected) => {
    expect(read(text)).toEqual(expected)
  })

  it('keeps the comma and hyphen inside department names', () => {
    expect(read('Sở Văn hóa, Thể thao và Du lịch, Sở Lao động - Thương binh và Xã hội')).toEqual([
      ['Sở Văn hóa, Thể thao và Du lịch'],
      ['Sở Lao động - Thương binh và Xã hội'],
    ])
  })

  it.each<[string, string]>([
    ['Sở GD và ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Sở GD&ĐT', 'Sở Giáo dục và Đào tạo'],
    ['Sở GTVT', 'Sở Giao thông vận tải'],
    ['Sở KH&ĐT', 'Sở Kế hoạch và Đầu tư'],
    ['Sở LĐ-TB&XH', 'Sở Lao động - Thương binh và Xã hội'],
    ['Sở VHTTDL', 'Sở Văn hóa, Thể thao và Du lịch'],
    ['VP UBND tỉnh', 'Văn phòng Ủy ban nhân dân tỉnh'],
    ['Đài PT-TH tỉnh', 'Đài Phát thanh và Truyền hình tỉnh'],
    ['UBMTTQ xã', 'Ủy ban Mặt trận Tổ quốc xã'],
  ])('expands %j to %j and keeps the written words as text', (text, name) => {
    expect(parseAssignees(text)).toEqual([{ text, name }])
  })

  it.each<[string, string[]]>([
    ['UBND cấp huyện, cấp xã', ['district-committees', 'commune-committees']],
    ['UBND cấp huyện, xã', ['district-committees', 'commune-committees']],
    ['UBND cấp huyện và cấp xã', ['district-committees', 'commune-committees']],
    ['UBND các huyện, thị xã, thành phố', ['district-committees']],
    ['UBND các xã, phường, thị trấn', ['commune-committees']],
    ['UBND tỉnh', ['province-committee']],
    [
      'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp huyện, Chủ tịch UBND cấp xã',
      ['departments', 'district-committees', 'commune-committees'],
    ],
    ['Các sở, ban, ngành tỉnh', ['departments']],
    ['Cán bộ, công chức liên quan', ['civil-servants']],
    ['Các cơ quan, đơn vị, địa phương', ['all-units']],
    ['các cơ quan, đơn vị liên quan', ['related-agencies']],
    ['Thanh tra các cấp', ['inspectorates']],
  ])('reads the class phrase %j', (text, classes) => {
    expect(parseAssignees(text).map((a) => a.unitClass)).toEqual(classes)
  })

  it('splits on "và" only where a new unit starts', () => {
    expect(read('Sở Kế hoạch và Đầu tư, Sở Thông tin và Truyền thông và các cơ quan, đơn vị liên quan')).toEqual([
      ['Sở Kế hoạch và Đầu tư'],
      ['Sở Thông tin và Truyền thông'],
      ['các cơ quan, đơn vị liên quan', 'related-agencies'],
    ])
    expect(read('Công chức Văn hóa và Thông tin và Trưởng đài truyền thanh xã')).toEqual([
      ['Công chức Văn hóa và Thông tin'],
      ['Trưởng đài truyền thanh xã'],
    ])
  })

  it('reads NFD input, non-breaking spaces and empty cells', () => {
    expect(read('Sở Nội vụ;\u00a0UBND cấp xã'.normalize('NFD'))).toEqual([['Sở Nội vụ'], ['UBND cấp xã', 'commune-committees']])
    expect(parseAssignees('\u00a0')).toEqual([])
    expect(parseAssignees('')).toEqual([])
  })

  it('lists a unit named twice once', () => {
    expect(read('Sở Nội vụ; Sở Nội vụ')).toEqual([['Sở Nội vụ']])
  })
})

describe('isAssigneeList', () => {
  it.each<[string, boolean]>([
    ['Thanh tra tỉnh', true],
    ['cán bộ, công chức UBND xã', true],
    ['Sở Nội vụ, các cơ quan có liên quan', true],
    ['Tăng cường công tác tuyên truyền', false],
    ['Các nội dung', false],
    ['', false],
  ])('%j → %s', (text, expected) => {
    expect(isAssigneeList(text)).toBe(expected)
  })
})

describe('matchAssignees', () => {
  const unit = (id: string, name: string): Unit => ({
    id,
    code: id.toUpperCase(),
    name,
    level: 'province',
    kind: 'department',
    parentId: 'kg',
    successorIds: [],
  })
  const units = [
    unit('snv', 'Sở Nội vụ tỉnh Kiên Giang'),
    unit('sgddt', 'Sở Giáo dục và Đào tạo'),
    unit('vp', 'Văn phòng UBND tỉnh Kiên Giang'),
    unit('tt', 'Thanh tra tỉnh Kiên Giang'),
  ]

  it('matches by normalised name, place suffix and known abbreviation', () => {
    const { assignees, unmatched } = matchAssignees(
      parseAssignees('Sở Nội vụ; Sở GD và ĐT; Văn phòng Ủy ban nhân dân tỉnh; THANH TRA TỈNH'),
      units,
    )
    expect(assignees.map((a) => a.unitId)).toEqual(['snv', 'sgddt', 'vp', 'tt'])
    expect(unmatched).toEqual([])
  })

  it('answers the same from an index built once (indexUnitNames) as from the units', () => {
    const parsed = parseAssignees('Sở Nội vụ; Sở GD và ĐT; Sở Y tế; THANH TRA TỈNH')
    expect(matchAssignees(parsed, indexUnitNames(units))).toEqual(matchAssignees(parsed, units))
  })

  it('leaves classes to be resolved and lists unknown names as unmatched, keeping them', () => {
    const { assignees, unmatched } = matchAssignees(parseAssignees('UBND cấp huyện; Sở GTVT'), units)
    expect(assignees).toHaveLength(2)
    expect(assignees[0]).toMatchObject({ unitClass: 'district-committees' })
    expect(unmatched).toEqual<ParsedAssignee[]>([{ text: 'Sở GTVT', name: 'Sở Giao thông vận tải' }])
  })

  describe('a business named without its legal form (Công ty, Tổng công ty, Chi nhánh)', () => {
    const bodies = [
      unit('dl', 'Công ty Điện lực tỉnh'),
      unit('bd', 'Bưu điện tỉnh'),
      unit('nhcs', 'Chi nhánh Ngân hàng Chính sách xã hội tỉnh Kiên Giang'),
      unit('ctn', 'Công ty TNHH một thành viên Cấp thoát nước Kiên Giang'),
    ]
    it.each([
      ['Điện lực tỉnh', 'dl'], // Kiên Giang's plan, task 6.5
      ['Công ty Điện lực tỉnh Kiên Giang', 'dl'],
      ['Ngân hàng Chính sách xã hội tỉnh', 'nhcs'],
      ['Công ty TNHH 1 thành viên cấp thoát nước Kiên Giang', 'ctn'],
      ['Cấp thoát nước Kiên Giang', 'ctn'],
    ])('"%s" is %s', (text, id) => {
      expect(matchAssignees(parseAssignees(text), bodies).assignees[0]?.unitId).toBe(id)
    })
    it.each([
      // Lào Cai's plan: the national corporation, not the province's post office.
      'Tổng Công ty Bưu điện Việt Nam',
      // The form alone names no one.
      'Công ty',
      'Chi nhánh',
    ])('"%s" stays unmatched', (text) => {
      expect(matchAssignees(parseAssignees(text), bodies).unmatched).toHaveLength(1)
    })
  })

  it('does not guess between two units of the same name', () => {
    const twice = [unit('a', 'Sở Nội vụ'), unit('b', 'Sở Nội vụ')]
    expect(matchAssignees(parseAssignees('Sở Nội vụ'), twice).unmatched).toHaveLength(1)
  })
})

describe('AssigneeSchema', () => {
  it('keeps the full name parseAssignees expands an abbreviation to, beside the plan’s own words', () => {
    const [parsed] = parseAssignees('Sở GTVT')
    expect(AssigneeSchema.parse(parsed)).toEqual({ text: 'Sở GTVT', name: 'Sở Giao thông vận tải' })
  })

  it('takes an assignee without a name, as plans written by hand are', () => {
    expect(AssigneeSchema.parse({ text: 'Sở Nội vụ', unitId: 'snv' })).toEqual({ text: 'Sở Nội vụ', unitId: 'snv' })
    expect(AssigneeSchema.safeParse({ text: 'Sở Nội vụ', name: '' }).success).toBe(false)
  })
})
