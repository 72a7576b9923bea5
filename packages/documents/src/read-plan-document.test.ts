import type { ParsedAssignee, Unit } from '@papi/domain'
import { beforeAll, describe, expect, it } from 'vitest'
import { seedBytes, seedText } from './internal/seed-fixtures'
import { isPlanDocumentError } from './plan-document-error'
import type { ImportedTask, PlanImport } from './plan-import'
import { readPlanDocument, type ImportProgress } from './read-plan-document'

const texts = (assignees: readonly ParsedAssignee[]) => assignees.map((a) => a.text)
const classes = (assignees: readonly ParsedAssignee[]) => assignees.map((a) => a.unitClass ?? a.name)
const allTasks = (plan: PlanImport) => plan.sections.flatMap((s) => s.tasks)
function task(plan: PlanImport, code: string): ImportedTask {
  const found = allTasks(plan).find((t) => t.code === code)
  if (!found) throw new Error(`no task ${code}`)
  return found
}

async function readSeed(name: Parameters<typeof seedBytes>[0], options = {}): Promise<PlanImport> {
  return readPlanDocument({ fileName: `${name}.txt`, data: seedBytes(name) }, options)
}

describe('readPlanDocument — Kiên Giang 97/KH-UBND (appendix table in the portal text layout)', () => {
  let plan: PlanImport
  beforeAll(async () => {
    plan = await readSeed('kienGiang')
  })

  it('reads the header: number, place and date, issuer, title, signer, index, years, goals', () => {
    expect(plan.plan).toMatchObject({
      number: '97/KH-UBND',
      issuedOn: '2018-05-18',
      place: 'Kiên Giang',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH KIÊN GIANG',
      title:
        'Kế hoạch hành động nâng cao chỉ số hiệu quả quản trị và hành chính công (PAPI) tỉnh Kiên Giang năm 2018 và những năm tiếp theo',
      signer: 'Phạm Vũ Hồng',
      index: 'papi',
      years: { from: 2018, to: 2018 },
      frameworkId: 'papi-2018',
    })
    expect(plan.plan.goals).toHaveLength(3)
    expect(plan.plan.goals?.[2]).toMatch(/^Phấn đấu Chỉ số PAPI năm 2018/)
  })

  it('gives the 6 sections of the appendix, each on its PAPI dimension', () => {
    expect(plan.sections.map((s) => [s.code, s.title, s.dimension])).toEqual([
      ['1', 'Tham gia của người dân ở cấp cơ sở', 'participation'],
      ['2', 'Công khai, minh bạch', 'transparency'],
      ['3', 'Trách nhiệm giải trình với nhân dân', 'vertical-accountability'],
      ['4', 'Kiểm soát tham nhũng trong khu vực công', 'corruption-control'],
      ['5', 'Thủ tục hành chính', 'administrative-procedures'],
      ['6', 'Cung ứng dịch vụ công', 'public-service-delivery'],
    ])
    expect(plan.sections.map((s) => s.tasks.length)).toEqual([4, 6, 3, 6, 5, 7])
  })

  // Every task of the appendix: code, lead and coordinators in the plan's words, timeframe kind.
  it.each<[string, string[], string[], string]>([
    ['1.1', ['Sở Nội vụ', 'UBND cấp huyện', 'UBND cấp xã'], ['Các sở ngành liên quan', 'các cơ quan thông tấn báo chí'], 'recurring'],
    ['1.2', ['Sở Nội vụ', 'UBND cấp huyện', 'UBND cấp xã'], ['Sở Nội vụ', 'các cơ quan có liên quan'], 'event'],
    ['1.3', ['UBND cấp xã'], ['MTTQ và các đoàn thể có liên quan'], 'ongoing'],
    ['1.4', ['Sở Nội vụ', 'UBND cấp huyện'], ['UBND cấp xã'], 'ongoing'],
    ['2.1', ['UBND cấp xã'], ['MTTQ và các đoàn thể có liên quan'], 'ongoing'],
    ['2.2', ['UBND cấp xã'], ['MTTQ và các đoàn thể có liên quan'], 'recurring'],
    ['2.3', ['UBND cấp huyện', 'UBND cấp xã'], ['MTTQ và các đoàn thể có liên quan'], 'window'],
    ['2.4', ['Sở Tài nguyên và Môi trường'], ['UBND cấp huyện'], 'ongoing'],
    ['2.5', ['Văn phòng UBND tỉnh', 'Sở Tài chính', 'Sở Tài nguyên và Môi trường'], ['UBND cấp huyện', 'UBND cấp xã'], 'ongoing'],
    ['2.6', ['Sở Tài nguyên và Môi trường'], ['UBND cấp huyện', 'UBND cấp xã'], 'window'],
    ['3.1', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'], ['Công chức liên quan'], 'ongoing'],
    ['3.2', ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'], ['Cơ quan thông tin đại chúng', 'MTTQ và các đoàn thể'], 'regulation'],
    ['3.3', ['MTTQ các cấp', 'UBND cấp huyện', 'UBND cấp xã'], ['Sở Kế hoạch và Đầu tư', 'Thanh tra huyện, thị xã, thành phố'], 'window'],
    ['4.1', ['Sở Tư pháp', 'Thanh tra tỉnh', 'UBND cấp huyện', 'UBND cấp xã'], ['Các cơ quan có liên quan'], 'ongoing'],
    [
      '4.2',
      ['Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'],
      ['MTTQ và các đoàn thể có liên quan', 'cơ quan thông tin đại chúng'],
      'ongoing',
    ],
    ['4.3', ['Văn phòng UBND tỉnh', 'Sở Nội vụ', 'UBND cấp huyện', 'cấp xã'], ['Các cơ quan có liên quan'], 'window'],
    ['4.4', ['Sở Y tế', 'Sở Nội vụ'], ['MTTQ và các đoàn thể có liên quan', 'cơ quan thông tin đại chúng'], 'ongoing'],
    ['4.5', ['Sở Giáo dục và Đào tạo', 'Sở Tài chính'], ['MTTQ và các đoàn thể có liên quan', 'cơ quan thông tin đại chúng'], 'window'],
    ['4.6', ['Sở Nội vụ', 'Sở Thông tin và Truyền thông'], ['Các sở, ngành', 'UBND cấp huyện'], 'window'],
    [
      '5.1',
      ['Các sở, ban, ngành', 'UBND cấp huyện', 'cấp xã'],
      ['MTTQ và các đoàn thể có liên quan', 'cơ quan thông tin đại chúng'],
      'ongoing',
    ],
    ['5.2', ['Các sở, ban, ngành tỉnh', 'UBND cấp huyện', 'cấp xã'], [], 'ongoing'],
    ['5.3', ['Các sở, ngành tỉnh', 'UBND cấp huyện', 'cấp xã'], ['Văn phòng UBND tỉnh', 'Sở Nội vụ'], 'window'],
    ['5.4', ['Sở Nội vụ', 'Sở GD và ĐT', 'Sở Y tế'], ['Bưu điện tỉnh', 'UBND cấp huyện', 'cấp xã'], 'window'],
    ['5.5', ['Các sở, ban, ngành tỉnh', 'UBND cấp huyện'], ['Sở Thông tin và Truyền thông'], 'ongoing'],
    ['6.1', ['Bảo hiểm xã hội tỉnh'], ['Sở Y tế', 'UBND cấp huyện', 'UBND cấp xã'], 'ongoing'],
    ['6.2', ['Sở Y tế'], ['UBND cấp huyện', 'UBND cấp xã'], 'ongoing'],
    ['6.3', ['UBND cấp huyện', 'Sở Giáo dục và Đào tạo'], ['UBND cấp xã'], 'ongoing'],
    [
      '6.4',
      [
        'Sở Nông nghiệp và Phát triển nông thôn',
        'Công ty TNHH 1 thành viên cấp thoát nước Kiên Giang',
        'Trung tâm nước sạch và vệ sinh môi trường nông thôn',
      ],
      ['UBND cấp huyện', 'UBND cấp xã'],
      'ongoing',
    ],
    ['6.5', ['Sở Công Thương', 'Điện lực tỉnh'], ['UBND cấp huyện', 'cấp xã'], 'ongoing'],
    ['6.6', ['Sở GTVT', 'UBND cấp huyện', 'UBND cấp xã'], ['Văn phòng Điều phối nông thôn mới các cấp'], 'ongoing'],
    [
      '6.7',
      ['Công an tỉnh', 'Công an cấp huyện', 'công an xã, phường, thị trấn'],
      ['MTTQ và các đoàn thể có liên quan', 'cơ quan thông tin đại chúng'],
      'ongoing',
    ],
  ])('task %s: lead %j, coordinators %j, %s', (code, lead, coordinators, kind) => {
    const t = task(plan, code)
    expect(texts(t.lead)).toEqual(lead)
    expect(texts(t.coordinators)).toEqual(coordinators)
    expect(t.timeframe.kind).toBe(kind)
  })

  it('has 31 tasks', () => {
    expect(allTasks(plan)).toHaveLength(31)
  })

  it('understands classes and abbreviations in the cells', () => {
    expect(classes(task(plan, '4.3').lead)).toEqual([
      'Văn phòng Ủy ban nhân dân tỉnh',
      'Sở Nội vụ',
      'district-committees',
      'commune-committees',
    ])
    expect(task(plan, '5.4').lead[1]).toEqual({ text: 'Sở GD và ĐT', name: 'Sở Giáo dục và Đào tạo' })
    expect(task(plan, '6.6').lead[0]).toEqual({ text: 'Sở GTVT', name: 'Sở Giao thông vận tải' })
    expect(classes(task(plan, '1.1').coordinators)).toEqual(['departments', 'media'])
    expect(classes(task(plan, '3.3').coordinators)).toEqual(['Sở Kế hoạch và Đầu tư', 'inspectorates'])
  })

  it('reads the time column through parseTimeframe with the plan year', () => {
    expect(task(plan, '2.3').timeframe).toEqual({ kind: 'window', text: 'Quý II năm 2018', start: '2018-04-01', end: '2018-06-30' })
    expect(task(plan, '4.3').timeframe).toMatchObject({ start: '2018-04-01', end: '2018-09-30' })
    expect(task(plan, '2.6').timeframe).toMatchObject({ start: '2018-06-01', end: '2018-06-30' })
    expect(task(plan, '1.1').timeframe).toMatchObject({ every: 'quarter' })
    expect(task(plan, '3.2').timeframe).toMatchObject({ reference: 'Nghị định số 90/2013/NĐ-CP' })
  })

  it('keeps the empty coordinator cell of task 5.2 empty and the time in its own column', () => {
    expect(task(plan, '5.2')).toMatchObject({ coordinators: [], timeframe: { kind: 'ongoing', text: 'Thường Xuyên' } })
  })

  it('has nothing to warn about', () => {
    expect(plan.warnings).toEqual([])
  })
})

describe('readPlanDocument — Lào Cai 165/KH-UBND (PAR INDEX, tasks as numbered prose)', () => {
  let plan: PlanImport
  beforeAll(async () => {
    plan = await readSeed('laoCai')
  })

  it('reads the header', () => {
    expect(plan.plan).toMatchObject({
      number: '165/KH-UBND',
      issuedOn: '2020-06-11',
      place: 'Lào Cai',
      issuer: 'ỦY BAN NHÂN DÂN TỈNH LÀO CAI',
      signer: 'Đặng Xuân Phong',
      index: 'par-index',
      years: { from: 2020, to: 2020 },
    })
    expect(plan.plan.title).toBe(
      'Kế hoạch duy trì, cải thiện và nâng cao chỉ số cải cách hành chính cấp tỉnh (PAR INDEX) của tỉnh Lào Cai năm 2020',
    )
  })

  it('gives the 8 content areas on their PAR INDEX dimensions, then a section per responsible body', () => {
    expect(plan.sections.map((s) => [s.code, s.dimension, s.tasks.length])).toEqual([
      ['1', 'direction', 8],
      ['2', 'legal-documents', 3],
      ['3', 'administrative-procedures', 5],
      ['4', 'apparatus', 3],
      ['5', 'civil-service', 5],
      ['6', 'public-finance', 3],
      ['7', 'e-government', 4],
      ['8', 'impact', 2],
      ['III.1', undefined, 5],
      ['III.2', undefined, 5],
    ])
    expect(allTasks(plan)).toHaveLength(43)
  })

  it('assigns each area’s "Phân công trách nhiệm" to its targets', () => {
    expect(texts(task(plan, '1.1').lead)).toEqual(['Sở Nội vụ'])
    expect(classes(task(plan, '1.1').coordinators)).toEqual(['departments', 'district-committees', 'commune-committees'])
    expect(texts(task(plan, '2.1').lead)).toEqual(['Sở Tư pháp'])
    expect(texts(task(plan, '3.1').lead)).toEqual(['Văn phòng UBND tỉnh'])
    expect(texts(task(plan, '6.1').lead)).toEqual(['Sở Tài chính'])
  })

  it('adds who a target itself says to work with', () => {
    expect(texts(task(plan, '1.8').coordinators)).toEqual(['Bưu điện tỉnh', 'Các sở, ban, ngành', 'UBND cấp huyện', 'UBND cấp xã'])
  })

  it('splits area 7 between its two leads by topic', () => {
    expect(['7.1', '7.2', '7.3', '7.4'].map((code) => texts(task(plan, code).lead))).toEqual([
      ['Sở Thông tin và Truyền thông'],
      ['Sở Thông tin và Truyền thông'],
      ['Sở Thông tin và Truyền thông'],
      ['Sở Khoa học và Công nghệ'],
    ])
  })

  it('gives area 8 one lead per target, as its sentences say', () => {
    expect(texts(task(plan, '8.1').lead)).toEqual(['Sở Nội vụ'])
    expect(texts(task(plan, '8.1').coordinators)).toEqual(['các đơn vị thuộc Bộ Nội vụ', 'các đơn vị liên quan'])
    expect(texts(task(plan, '8.2').lead)).toEqual(['Sở Kế hoạch và Đầu tư'])
  })

  it('reads the duties of part III with their own times', () => {
    expect(texts(task(plan, 'III.1.4').lead)).toEqual(['Sở Nội vụ'])
    expect(texts(task(plan, 'III.1.4').coordinators)).toEqual([
      'Sở Kế hoạch và Đầu tư',
      'Sở Thông tin và Truyền thông',
      'các cơ quan, đơn vị liên quan',
    ])
    expect(task(plan, 'III.1.4').timeframe).toMatchObject({ kind: 'window', start: '2020-06-01', end: '2020-06-30' })
    expect(task(plan, 'III.1.5').timeframe).toMatchObject({ kind: 'recurring', every: 'quarter' })
    expect(task(plan, 'III.2.2').timeframe.kind).toBe('ongoing')
    expect(classes(task(plan, 'III.2.1').lead)).toEqual(['all-units'])
    expect(classes(task(plan, 'III.2.5').lead)).toEqual(['district-committees'])
  })

  it('dates a target with no time of its own to the plan year, and says so', () => {
    expect(task(plan, '1.1').timeframe).toEqual({ kind: 'window', text: 'năm 2020', start: '2020-01-01', end: '2020-12-31' })
    expect(plan.warnings.filter((w) => w.code === 'timeframe-from-plan')).toHaveLength(39)
    expect(plan.warnings.filter((w) => w.code === 'section-without-dimension').map((w) => w.where.section)).toEqual(['III.1', 'III.2'])
  })
})

describe('readPlanDocument — Đức Hợp 2023 (commune plan, staff-level duties)', () => {
  let plan: PlanImport
  beforeAll(async () => {
    plan = await readSeed('ducHop')
  })

  it('reads what the header has and says what it lacks', () => {
    expect(plan.plan).toMatchObject({
      number: '/KH-UBND',
      issuedOn: '2023-01-19',
      place: 'Đức Hợp',
      issuer: 'Ủy ban nhân dân xã Đức Hợp',
      signer: 'Nguyễn Thị Hằng',
      index: 'papi',
      years: { from: 2023, to: 2023 },
      parentPlanNumber: '07/KH-UBND',
    })
    expect(plan.warnings.map((w) => w.code)).toEqual(expect.arrayContaining(['incomplete-number', 'issuer-inferred']))
  })

  it('gives the two content sections and a section per unit or post of part III', () => {
    expect(plan.sections.map((s) => [s.code, s.tasks.length])).toEqual([
      ['1', 9],
      ['2', 3],
      ['III.1', 5],
      ['III.2', 4],
      ['III.3', 2],
      ['III.4', 3],
      ['III.5', 1],
    ])
  })

  it('makes each of the eight PAPI bullets a task of the commune staff', () => {
    const bullets = plan.sections[0]?.tasks.slice(0, 8) ?? []
    expect(bullets.map((t) => t.title.slice(0, 25))).toEqual([
      'Tổ chức các hoạt động, th',
      'Thực hiện đúng, đủ việc c',
      'Nâng cao trách nhiệm giải',
      'Tích cực kiểm soát tham n',
      'Nâng cao chất lượng giải ',
      'Nâng cao chất lượng các d',
      'Nghiêm túc trong công tác',
      'Nỗ lực hơn nữa trong công',
    ])
    for (const t of bullets) expect(classes(t.lead)).toEqual(['civil-servants'])
  })

  it('reads the reporting duty with its two deadlines', () => {
    expect(task(plan, 'III.1.2').timeframe).toMatchObject({ kind: 'milestones', dates: ['2023-06-03', '2023-10-25'] })
  })

  it('finds the lead in the heading or its introduction', () => {
    expect(texts(task(plan, 'III.2.1').lead)).toEqual(['Công chức Văn phòng- thống kê UBND xã'])
    expect(texts(task(plan, 'III.3.1').lead)).toEqual(['Văn phòng UBND xã'])
    expect(classes(task(plan, 'III.4.1').lead)).toEqual(['mass-organisations'])
    expect(texts(task(plan, 'III.5.1').lead)).toEqual(['Công chức Văn hóa và Thông tin', 'Trưởng đài truyền thanh xã'])
    expect(task(plan, 'III.4.1').timeframe).toMatchObject({ kind: 'recurring', every: 'year' })
  })

  it('flags the communication tasks that name nobody', () => {
    expect(plan.warnings.filter((w) => w.code === 'task-without-lead').map((w) => w.where.task)).toEqual(['2.1', '2.2', '2.3'])
  })
})

describe('readPlanDocument — Thừa Thiên Huế 2024 (a news article: one bullet per dimension)', () => {
  let plan: PlanImport
  beforeAll(async () => {
    plan = await readSeed('thuaThienHue')
  })

  it('reads what the article gives and warns about the rest', () => {
    expect(plan.plan).toMatchObject({
      number: '',
      issuedOn: '2024-10-27',
      issuer: 'Ủy ban nhân dân tỉnh Thừa Thiên Huế',
      title: 'Kế hoạch Duy trì và nâng cao chỉ số Hiệu quả Quản trị và Hành chính công (PAPI) năm 2024',
      index: 'papi',
      years: { from: 2024, to: 2024 },
      frameworkId: 'papi-2021',
    })
    expect(plan.plan.goals?.[0]).toMatch(/nhóm 10 địa phương dẫn đầu/)
    expect(plan.warnings.slice(0, 3).map((w) => w.code)).toEqual(['missing-number', 'issued-on-from-publication', 'issuer-inferred'])
  })

  it('gives all 8 PAPI dimensions, one task each', () => {
    expect(plan.sections.map((s) => s.dimension)).toEqual([
      'participation',
      'transparency',
      'vertical-accountability',
      'corruption-control',
      'administrative-procedures',
      'public-service-delivery',
      'environmental-governance',
      'e-governance',
    ])
    expect(plan.sections.map((s) => s.tasks.length)).toEqual([1, 1, 1, 1, 1, 1, 1, 1])
  })

  it('reads the lead inside the sentence, and flags tasks that name none', () => {
    expect(classes(task(plan, '1.1').lead)).toEqual(['commune-committees'])
    expect(classes(task(plan, '3.1').lead)).toEqual(['departments', 'district-committees', 'commune-committees'])
    expect(texts(task(plan, '4.1').lead)).toEqual(['Thanh tra tỉnh'])
    expect(classes(task(plan, '5.1').lead)).toEqual(['all-units'])
    expect(plan.warnings.filter((w) => w.code === 'task-without-lead').map((w) => w.where.task)).toEqual(['2.1', '6.1', '8.1'])
  })
})

describe('readPlanDocument — input hygiene, matching and progress', () => {
  it('reads CRLF, NFD and non-breaking spaces to the same plan', async () => {
    const clean = await readSeed('kienGiang')
    const messy = new TextDecoder()
      .decode(seedBytes('kienGiang'))
      .replace(/Sở Nội vụ/g, 'Sở\u00a0Nội  vụ\u200b')
      .normalize('NFD')
      .replace(/\n/g, '\r\n')
    expect(messy.normalize('NFC')).toContain('Sở\u00a0Nội  vụ\u200b')
    const read = await readPlanDocument({ fileName: 'messy.txt', data: new TextEncoder().encode(`\ufeff${messy}`) })
    expect(read).toEqual(clean)
  })

  it('matches assignees to the organisation tree and lists what it cannot match', async () => {
    const unit = (id: string, name: string, kind: Unit['kind'] = 'department'): Unit => ({
      id,
      code: id,
      name,
      level: 'province',
      kind,
      parentId: 'kg',
      successorIds: [],
    })
    const units = [unit('snv', 'Sở Nội vụ tỉnh Kiên Giang'), unit('sgddt', 'Sở Giáo dục và Đào tạo tỉnh Kiên Giang')]
    const plan = await readSeed('kienGiang', { units })
    expect(task(plan, '5.4').lead.map((a) => a.unitId)).toEqual(['snv', 'sgddt', undefined])
    const unmatched = plan.warnings.filter((w) => w.code === 'unmatched-assignee')
    expect(unmatched.find((w) => w.where.task === '5.4')).toMatchObject({
      where: { field: 'lead' },
      message: expect.stringContaining('Sở Y tế'),
    })
    // Classes are resolved later, against the tree: never reported here.
    expect(unmatched.some((w) => w.message.includes('UBND cấp xã'))).toBe(false)
  })

  it('reports progress through every phase', async () => {
    const seen: ImportProgress[] = []
    await readSeed('kienGiang', { onProgress: (p: ImportProgress) => seen.push(p), units: [] })
    expect([...new Set(seen.map((p) => p.phase))]).toEqual(['read', 'parse', 'tasks', 'match'])
    expect(seen.at(-1)).toEqual({ phase: 'match', done: 31, total: 31 })
  })

  it('writes messages in English when asked', async () => {
    const plan = await readSeed('thuaThienHue', { locale: 'en' })
    expect(plan.warnings[0]?.message).toBe('The plan’s number was not found')
    // Every line in English, the plan's years too (not its Vietnamese "năm 2024").
    expect(plan.warnings.find((w) => w.code === 'timeframe-from-plan')?.message).toBe(
      'The task names no time; the plan’s period (2024) is used',
    )
    const vi = await readSeed('thuaThienHue')
    expect(vi.warnings.find((w) => w.code === 'timeframe-from-plan')?.message).toBe(
      'Nhiệm vụ không ghi thời gian; lấy theo thời gian của kế hoạch (năm 2024)',
    )
  })

  it('names the framework a section matches no dimension of in English as well', async () => {
    const plan = await readSeed('ducHop', { locale: 'en' })
    expect(plan.warnings.find((w) => w.code === 'section-without-dimension')?.message).toMatch(/ of PAPI from 2021 \(8 dimensions/)
  })
})

describe('readPlanDocument — files it cannot read', () => {
  const fail = async (fileName: string, data: Uint8Array) => {
    try {
      await readPlanDocument({ fileName, data })
    } catch (error) {
      if (!isPlanDocumentError(error)) throw error
      expect(error.message).not.toContain('\n')
      return error.code
    }
    throw new Error('expected a PlanDocumentError')
  }
  const bytes = (text: string) => new TextEncoder().encode(text)

  it.each<[string, Uint8Array, string]>([
    ['plan.pdf', bytes('%PDF-1.7 …'), 'unsupported-format'],
    ['plan.doc', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0]), 'unsupported-format'],
    ['plan.xls', bytes('anything'), 'unsupported-format'],
    ['plan', bytes('%PDF-1.4'), 'unsupported-format'],
    ['plan.docx', bytes('not a zip'), 'unreadable'],
    ['plan.xlsx', bytes('not a zip'), 'unreadable'],
    ['plan.txt', new Uint8Array(), 'unreadable'],
    ['plan.txt', new Uint8Array([0xff, 0x00, 0xc3, 0x28]), 'unreadable'],
    ['plan.txt', bytes('Báo cáo tình hình\n\nKhông có nhiệm vụ nào ở đây.'), 'no-tasks-found'],
    ['plan.csv', bytes('a;b;c\n1;2;3\n'), 'no-tasks-found'],
  ])('%s → %s', async (fileName, data, code) => {
    expect(await fail(fileName, data)).toBe(code)
  })
})

// Issue 13: every measurable target of the seeds was imported as `targets: []`.
describe('readPlanDocument — targets read from the plan’s words', () => {
  const brief = (t: { metric: string; comparator: string; value: number; unit: string; baselineYear?: number; year?: number }) => [
    t.metric,
    t.comparator,
    t.value,
    t.unit,
    t.baselineYear ?? null,
    t.year ?? null,
  ]

  it.each<[Parameters<typeof seedBytes>[0], unknown[][]]>([
    [
      'laoCai',
      [
        ['Tổng điểm Chỉ số CCHC', 'gte', 90, 'points', null, 2020],
        ['Xếp hạng Chỉ số CCHC', 'rank-lte', 10, 'rank', null, 2020],
      ],
    ],
    ['kienGiang', [['Xếp hạng Chỉ số PAPI', 'change-vs-baseline', -1, 'rank', 2017, 2018]]],
    [
      'thuaThienHue',
      [
        ['Tổng điểm Chỉ số PAPI', 'change-vs-baseline', 0.0001, 'points', 2023, 2024],
        ['Xếp hạng Chỉ số PAPI', 'rank-lte', 10, 'rank', null, 2024],
      ],
    ],
    ['ducHop', [['Xếp hạng Chỉ số PAPI', 'change-vs-baseline', -1, 'rank', 2022, 2023]]],
  ])('%s: the plan’s own targets come from its aims', async (name, expected) => {
    const plan = await readSeed(name)
    expect(plan.plan.targets.map(brief)).toEqual(expected)
  })

  it('Lào Cai: the tasks carry the targets their text states, phrase by phrase', async () => {
    const plan = await readSeed('laoCai')
    const of = (code: string) =>
      task(plan, code).targets.map((t) => [t.comparator, t.value, t.valueMax ?? null, t.unit, t.baselineYear ?? null])
    expect(of('1.1')).toEqual([['gte', 100, null, 'percent', null]])
    expect(of('1.6')).toEqual([['gte', 3, null, 'count', null]])
    expect(of('2.2')).toEqual([['between', 70, 100, 'percent', null]])
    expect(of('3.4')).toEqual([
      ['between', 95, 100, 'percent', null],
      ['gte', 80, null, 'percent', null],
    ])
    expect(of('4.1')).toEqual([['change-vs-baseline', -10, null, 'percent', 2015]])
    expect(of('4.2')).toEqual([['change-vs-baseline', -10, null, 'percent', 2015]])
    expect(of('1.8')).toEqual([])
    expect(task(plan, '3.4').targets[0]?.metric).toMatch(/^Tỷ lệ hồ sơ TTHC/)
    expect(allTasks(plan).every((t) => t.targets.every((x) => x.year === 2020))).toBe(true)
  })

  it('Kiên Giang: tasks that state no number carry no target', async () => {
    const plan = await readSeed('kienGiang')
    expect(allTasks(plan).flatMap((t) => t.targets)).toEqual([])
  })
})

// Issue 13, documents as they really come: made from the seeds.
describe('readPlanDocument — shapes plans come in', () => {
  it('an appendix handed on its own takes its number and date from its only heading', async () => {
    const lines = seedText('kienGiang').split('\n')
    const table = lines.slice(
      lines.indexOf('STT'),
      lines.findIndex((l) => l.startsWith('Đã xem')),
    )
    const text = [
      'PHỤ LỤC',
      'NHIỆM VỤ NÂNG CAO CHỈ SỐ PAPI',
      '(Kèm theo Kế hoạch số 09/KH-UBND ngày 20/02/2012 của UBND tỉnh Kiên Giang)',
      '',
      ...table,
    ].join('\n')
    const plan = await readPlanDocument({ fileName: 'phu-luc.txt', data: new TextEncoder().encode(text) })
    expect(plan.plan).toMatchObject({ number: '09/KH-UBND', issuedOn: '2012-02-20' })
    expect(plan.sections).toHaveLength(6)
  })

  it('a plan issued as the annex of a decision takes the decision’s number', async () => {
    const text = seedText('laoCai')
      .replace(/^Kế hoạch 165\/KH-UBND.*$/m, 'Quyết định 1234/QĐ-UBND ban hành Chương trình hành động nâng cao Chỉ số CCHC năm 2020')
      .replace(/^Số hiệu: 165\/KH-UBND/m, 'Số hiệu: 1234/QĐ-UBND')
      .replace('Số: 165 /KH-UBND', 'Số: 1234/QĐ-UBND')
      .replace('KẾ HOẠCH\n\nDUY TRÌ', 'QUYẾT ĐỊNH\n\nBan hành Chương trình hành động duy trì')
    const plan = await readPlanDocument({ fileName: 'qd.txt', data: new TextEncoder().encode(text) })
    expect(plan.plan).toMatchObject({ number: '1234/QĐ-UBND', issuedOn: '2020-06-11', years: { from: 2020, to: 2020 } })
    expect(plan.sections.length).toBeGreaterThan(0)
  })

  it('years written "2017- 2020" and a "KT. CHỦ TỊCH" signature', async () => {
    const text = seedText('laoCai')
      .replace('(PAR INDEX) CỦA TỈNH LÀO CAI NĂM 2020', '(PAR INDEX) CỦA TỈNH LÀO CAI GIAI ĐOẠN 2017- 2020')
      .replace('TM. ỦY BAN NHÂN DÂN\nCHỦ TỊCH', 'KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH')
    const plan = await readPlanDocument({ fileName: 'lao-cai.txt', data: new TextEncoder().encode(text) })
    expect(plan.plan).toMatchObject({ number: '165/KH-UBND', years: { from: 2017, to: 2020 }, signer: 'Đặng Xuân Phong' })
  })
})
