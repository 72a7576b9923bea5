import { describe, expect, it } from 'vitest'
import { TimeframeSchema, parseTimeframe, timeframeBounds, timeframeYears, type Timeframe } from './timeframe'

type Expected = Omit<Timeframe, 'text'>

/** Parses and drops `text`, so tables can state only what was understood. */
function read(text: string, planYear?: number): Expected {
  const { text: _text, ...rest } = parseTimeframe(text, planYear === undefined ? {} : { planYear })
  return rest
}

// Every time phrase in the four seed plans (packages/documents/fixtures/seeds), copied verbatim,
// with the year of the plan it comes from. A phrase that appears several times is listed once.
const KIEN_GIANG = 2018 // kien-giang-97-KH-UBND-2018-papi.txt
const LAO_CAI = 2020 // lao-cai-165-KH-UBND-2020-par-index.txt
const DUC_HOP = 2023 // duc-hop-2023-papi-commune.txt
const THUA_THIEN_HUE = 2024 // thua-thien-hue-2024-papi-news.txt

const SEED_PHRASES: ReadonlyArray<[phrase: string, planYear: number, expected: Expected]> = [
  // Kiên Giang 97/KH-UBND, appendix column "Thời gian thực hiện"
  ['Định kỳ hằng quý', KIEN_GIANG, { kind: 'recurring', every: 'quarter' }],
  ['Trước và trong quá trình bầu cử', KIEN_GIANG, { kind: 'event', reference: 'bầu cử' }],
  ['Thường xuyên', KIEN_GIANG, { kind: 'ongoing' }],
  ['Thường Xuyên', KIEN_GIANG, { kind: 'ongoing' }],
  ['Quý II năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-04-01', end: '2018-06-30' }],
  ['Quý III năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-07-01', end: '2018-09-30' }],
  ['Quý IV năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-10-01', end: '2018-12-31' }],
  ['Quý II, III năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-04-01', end: '2018-09-30' }],
  ['Tháng 6 năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-06-01', end: '2018-06-30' }],
  ['Theo quy định tại Nghị định số 90/2013/NĐ-CP', KIEN_GIANG, { kind: 'regulation', reference: 'Nghị định số 90/2013/NĐ-CP' }],
  // Kiên Giang 97/KH-UBND, body
  ['năm 2018 và những năm tiếp theo', KIEN_GIANG, { kind: 'window', start: '2018-01-01' }],
  ['trước ngày 15/6/2018', KIEN_GIANG, { kind: 'window', end: '2018-06-15' }],
  ['Định kỳ hàng quý, 6 tháng và năm', KIEN_GIANG, { kind: 'recurring', every: 'quarter' }],
  ['hàng năm', KIEN_GIANG, { kind: 'recurring', every: 'year' }],
  ['giai đoạn 2016-2020', KIEN_GIANG, { kind: 'window', start: '2016-01-01', end: '2020-12-31' }],
  ['trong năm', KIEN_GIANG, { kind: 'window', start: '2018-01-01', end: '2018-12-31' }],
  ['định kỳ hoặc đột xuất', KIEN_GIANG, { kind: 'recurring' }],
  ['năm 2017', KIEN_GIANG, { kind: 'window', start: '2017-01-01', end: '2017-12-31' }],
  ['ngày 04 tháng 4 năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-04-04', end: '2018-04-04' }],
  ['ngày 18 tháng 05 năm 2018', KIEN_GIANG, { kind: 'window', start: '2018-05-18', end: '2018-05-18' }],
  ['ngày 19/11/2015', KIEN_GIANG, { kind: 'window', start: '2015-11-19', end: '2015-11-19' }],
  ['ngày 08/8/2013', KIEN_GIANG, { kind: 'window', start: '2013-08-08', end: '2013-08-08' }],
  ['năm 2013', KIEN_GIANG, { kind: 'window', start: '2013-01-01', end: '2013-12-31' }],
  // Lào Cai 165/KH-UBND
  ['ngày 11 tháng 6 năm 2020', LAO_CAI, { kind: 'window', start: '2020-06-11', end: '2020-06-11' }],
  ['Ngày 13/5/2020', LAO_CAI, { kind: 'window', start: '2020-05-13', end: '2020-05-13' }],
  ['năm 2020', LAO_CAI, { kind: 'window', start: '2020-01-01', end: '2020-12-31' }],
  ['trong năm', LAO_CAI, { kind: 'window', start: '2020-01-01', end: '2020-12-31' }],
  ['giai đoạn 2011-2020', LAO_CAI, { kind: 'window', start: '2011-01-01', end: '2020-12-31' }],
  ['trong tháng 6/2020', LAO_CAI, { kind: 'window', start: '2020-06-01', end: '2020-06-30' }],
  ['Định kỳ hàng quý, 6 tháng, năm', LAO_CAI, { kind: 'recurring', every: 'quarter' }],
  ['Định kỳ quý, 6 tháng, năm', LAO_CAI, { kind: 'recurring', every: 'quarter' }],
  ['báo cáo định kỳ', LAO_CAI, { kind: 'recurring' }],
  ['Thường xuyên', LAO_CAI, { kind: 'ongoing' }],
  // Đức Hợp 2023 (commune plan): reporting deadlines and data cut-off windows
  ['06 tháng đầu năm trước ngày 03/6', DUC_HOP, { kind: 'window', end: '2023-06-03' }],
  ['từ ngày 01/11/2022 đến ngày 31/5/2023', DUC_HOP, { kind: 'window', start: '2022-11-01', end: '2023-05-31' }],
  ['báo cáo năm trước ngày 25/10/2023', DUC_HOP, { kind: 'window', end: '2023-10-25' }],
  ['từ ngày 01/11/2022 đến ngày 25/10/2023', DUC_HOP, { kind: 'window', start: '2022-11-01', end: '2023-10-25' }],
  ['Hàng năm', DUC_HOP, { kind: 'recurring', every: 'year' }],
  ['năm 2023 và những năm tiếp theo', DUC_HOP, { kind: 'window', start: '2023-01-01' }],
  ['trong năm 2023', DUC_HOP, { kind: 'window', start: '2023-01-01', end: '2023-12-31' }],
  ['ngày 19 tháng 01 năm 2023', DUC_HOP, { kind: 'window', start: '2023-01-19', end: '2023-01-19' }],
  ['ngày 12/01/2023', DUC_HOP, { kind: 'window', start: '2023-01-12', end: '2023-01-12' }],
  ['thường xuyên', DUC_HOP, { kind: 'ongoing' }],
  // Thừa Thiên Huế 2024 (news item on the plan)
  ['năm 2024', THUA_THIEN_HUE, { kind: 'window', start: '2024-01-01', end: '2024-12-31' }],
  ['Năm 2023', THUA_THIEN_HUE, { kind: 'window', start: '2023-01-01', end: '2023-12-31' }],
  ['ngày 01/7/2019', THUA_THIEN_HUE, { kind: 'window', start: '2019-07-01', end: '2019-07-01' }],
  ['định kỳ, đột xuất', THUA_THIEN_HUE, { kind: 'recurring' }],
  ['thường xuyên', THUA_THIEN_HUE, { kind: 'ongoing' }],
]

describe('parseTimeframe', () => {
  describe('every time phrase in the seed plans', () => {
    it.each(SEED_PHRASES)('reads "%s" (plan year %i)', (phrase, planYear, expected) => {
      expect(read(phrase, planYear)).toStrictEqual(expected)
    })

    it('understands all of them; the only dateless ones tied to a happening are events', () => {
      const kinds = SEED_PHRASES.map(([phrase, planYear]) => parseTimeframe(phrase, { planYear }).kind)
      expect(kinds).not.toContain('unspecified')
      const events = SEED_PHRASES.filter(([phrase, planYear]) => parseTimeframe(phrase, { planYear }).kind === 'event')
      expect(events.map(([phrase]) => phrase)).toStrictEqual(['Trước và trong quá trình bầu cử'])
    })
  })

  describe('whole sentences and cells from the seeds', () => {
    it.each<[string, number, Expected]>([
      [
        'Cán bộ, công chức liên quan báo cáo gửi về văn phòng UBND xã: 06 tháng đầu năm trước ngày 03/6 (thời gian chốt số liệu tính từ ngày 01/11/2022 đến ngày 31/5/2023); báo cáo năm trước ngày 25/10/2023 (thời gian chốt số liệu tính từ ngày 01/11/2022 đến ngày 25/10/2023).',
        DUC_HOP,
        { kind: 'milestones', dates: ['2023-06-03', '2023-10-25'] },
      ],
      [
        '1.5. Định kỳ hàng quý, 6 tháng, năm tổng hợp, báo cáo UBND tỉnh về tình hình và kết quả thực hiện cải thiện Chỉ số CCHC trên địa bàn tỉnh.',
        LAO_CAI,
        { kind: 'recurring', every: 'quarter' },
      ],
      [
        'Thực hiện công bố, công khai kế hoạch sử dụng đất năm 2018 đã được UBND tỉnh quyết định phê duyệt trước ngày 15/6/2018 đối với cấp huyện, cấp xã',
        KIEN_GIANG,
        { kind: 'window', end: '2018-06-15' },
      ],
      [
        'Kế hoạch CCHC hàng năm và giai đoạn 2016-2020 của tỉnh',
        KIEN_GIANG,
        { kind: 'recurring', every: 'year', start: '2016-01-01', end: '2020-12-31' },
      ],
      [
        '(lồng ghép với Hội nghị tổng kết Chương trình tổng thể cải cách hành chính nhà nước giai đoạn 2011-2020 trong tháng 6/2020)',
        LAO_CAI,
        // the conference is held in June 2020; 2011–2020 is the programme it closes
        { kind: 'window', start: '2020-06-01', end: '2020-06-30' },
      ],
    ])('reads "%s"', (text, planYear, expected) => {
      expect(read(text, planYear)).toStrictEqual(expected)
    })
  })

  describe('the forms named in the design brief', () => {
    it.each<[string, Expected]>([
      ['Quý II năm 2018', { kind: 'window', start: '2018-04-01', end: '2018-06-30' }],
      ['Quý II, III năm 2018', { kind: 'window', start: '2018-04-01', end: '2018-09-30' }],
      ['Tháng 6 năm 2018', { kind: 'window', start: '2018-06-01', end: '2018-06-30' }],
      ['tháng 6/2020', { kind: 'window', start: '2020-06-01', end: '2020-06-30' }],
      ['Năm 2013', { kind: 'window', start: '2013-01-01', end: '2013-12-31' }],
      ['Năm 2012 - 2015', { kind: 'window', start: '2012-01-01', end: '2015-12-31' }],
      ['Năm 2012 – 2015', { kind: 'window', start: '2012-01-01', end: '2015-12-31' }],
      ['2012-2015', { kind: 'window', start: '2012-01-01', end: '2015-12-31' }],
      ['2012, 2015', { kind: 'milestones', dates: ['2012-12-31', '2015-12-31'] }],
      ['Định kỳ hằng quý', { kind: 'recurring', every: 'quarter' }],
      ['hàng quý', { kind: 'recurring', every: 'quarter' }],
      ['Hàng năm', { kind: 'recurring', every: 'year' }],
      ['hằng năm', { kind: 'recurring', every: 'year' }],
      ['hàng tháng', { kind: 'recurring', every: 'month' }],
      ['6 tháng', { kind: 'recurring', every: 'half-year' }],
      ['Định kỳ hàng quý, 6 tháng, năm', { kind: 'recurring', every: 'quarter' }],
      ['Thường xuyên', { kind: 'ongoing' }],
      ['Trước và trong quá trình bầu cử', { kind: 'event', reference: 'bầu cử' }],
      ['Theo quy định tại Nghị định số 90/2013/NĐ-CP', { kind: 'regulation', reference: 'Nghị định số 90/2013/NĐ-CP' }],
      ['trước ngày 15/6/2018', { kind: 'window', end: '2018-06-15' }],
    ])('reads "%s"', (text, expected) => {
      expect(read(text)).toStrictEqual(expected)
    })
  })

  describe('more forms', () => {
    it.each<[string, number | undefined, Expected]>([
      ['ngày 15 tháng 6 năm 2018', undefined, { kind: 'window', start: '2018-06-15', end: '2018-06-15' }],
      ['15/06/2018', undefined, { kind: 'window', start: '2018-06-15', end: '2018-06-15' }],
      ['03/6', 2023, { kind: 'window', start: '2023-06-03', end: '2023-06-03' }],
      ['Quý II', 2018, { kind: 'window', start: '2018-04-01', end: '2018-06-30' }],
      ['quý 2/2018', undefined, { kind: 'window', start: '2018-04-01', end: '2018-06-30' }],
      ['Quý I và III năm 2019', undefined, { kind: 'milestones', dates: ['2019-03-31', '2019-09-30'] }],
      ['Quý IV năm 2018 - Quý I năm 2019', undefined, { kind: 'window', start: '2018-10-01', end: '2019-03-31' }],
      ['Tháng 12/2018 - tháng 1/2019', undefined, { kind: 'window', start: '2018-12-01', end: '2019-01-31' }],
      // Decree 09/2019/NĐ-CP cut-off windows cross the new year
      ['từ 15/12 đến 14/6', 2024, { kind: 'window', start: '2023-12-15', end: '2024-06-14' }],
      ['sau ngày 15/6/2018', undefined, { kind: 'window', start: '2018-06-16' }],
      ['sau ngày 31/12/2018', undefined, { kind: 'window', start: '2019-01-01' }],
      ['từ Quý IV năm 2018 đến Quý I năm 2019', undefined, { kind: 'window', start: '2018-10-01', end: '2019-03-31' }],
      ['Tháng 6, 7 năm 2018', undefined, { kind: 'window', start: '2018-06-01', end: '2018-07-31' }],
      ['từ tháng 6 đến tháng 9 năm 2018', undefined, { kind: 'window', start: '2018-06-01', end: '2018-09-30' }],
      ['từ năm 2018', undefined, { kind: 'window', start: '2018-01-01' }],
      ['6 tháng đầu năm 2018', undefined, { kind: 'window', start: '2018-01-01', end: '2018-06-30' }],
      ['6 tháng cuối năm', 2018, { kind: 'window', start: '2018-07-01', end: '2018-12-31' }],
      ['chậm nhất ngày 20/12/2018', undefined, { kind: 'window', end: '2018-12-20' }],
      ['đến hết Quý III năm 2018', undefined, { kind: 'window', end: '2018-09-30' }],
      ['trước Quý III năm 2018', undefined, { kind: 'window', end: '2018-06-30' }],
      ['trước tháng 1/2019', undefined, { kind: 'window', end: '2018-12-31' }],
      ['Định kỳ hằng quý năm 2018', undefined, { kind: 'recurring', every: 'quarter', start: '2018-01-01', end: '2018-12-31' }],
      ['Thường xuyên, liên tục', undefined, { kind: 'ongoing' }],
      ['Thường xuyên, định kỳ hằng quý', undefined, { kind: 'ongoing', every: 'quarter' }],
      ['Quý, 6 tháng, năm', undefined, { kind: 'recurring', every: 'quarter' }],
      // a bare period name, like "6 tháng", reads as "each such period"
      ['Quý', undefined, { kind: 'recurring', every: 'quarter' }],
      ['Quý II đến IV năm 2018', undefined, { kind: 'window', start: '2018-04-01', end: '2018-12-31' }],
      ['Theo quy định', undefined, { kind: 'regulation' }],
      ['Sau khi UBND tỉnh ban hành Bảng giá đất', undefined, { kind: 'event', reference: 'UBND tỉnh ban hành Bảng giá đất' }],
    ])('reads "%s" (plan year %s)', (text, planYear, expected) => {
      expect(read(text, planYear)).toStrictEqual(expected)
    })
  })

  describe('several clauses', () => {
    it('reads "Thường xuyên; báo cáo trước 15/12 hằng năm" as ongoing, reported yearly, due 15/12 in the plan year', () => {
      expect(read('Thường xuyên; báo cáo trước 15/12 hằng năm', 2018)).toStrictEqual({
        kind: 'ongoing',
        every: 'year',
        dates: ['2018-12-15'],
      })
    })

    it('keeps the recurrence but no deadline date when the plan year is not known', () => {
      expect(read('Thường xuyên; báo cáo trước 15/12 hằng năm')).toStrictEqual({ kind: 'ongoing', every: 'year' })
    })

    it('lets the first clause it understands decide the kind', () => {
      expect(read('xem phụ lục; Quý II năm 2018')).toStrictEqual({
        kind: 'window',
        start: '2018-04-01',
        end: '2018-06-30',
      })
    })
  })

  describe('"trước ngày" means "by the end of that day"', () => {
    // Đức Hợp 2023 wants the annual report "trước ngày 25/10/2023" with data counted up to
    // 25/10/2023: the named day itself must still be allowed.
    it.each([
      ['trước ngày 25/10/2023', '2023-10-25'],
      ['trước 25/10/2023', '2023-10-25'],
      ['Hoàn thành trước ngày 01/01/2019', '2019-01-01'],
    ])('reads "%s" as ending on %s', (text, end) => {
      expect(read(text)).toStrictEqual({ kind: 'window', end })
    })
  })

  describe('a period written without a year', () => {
    it.each<[string, Expected]>([
      ['Quý II', { kind: 'window', start: '2018-04-01', end: '2018-06-30' }],
      ['tháng 6', { kind: 'window', start: '2018-06-01', end: '2018-06-30' }],
      ['trước ngày 03/6', { kind: 'window', end: '2018-06-03' }],
      ['trong năm', { kind: 'window', start: '2018-01-01', end: '2018-12-31' }],
    ])('falls in the plan year: "%s" with plan year 2018', (text, expected) => {
      expect(read(text, 2018)).toStrictEqual(expected)
    })

    it.each<[string, Expected]>([
      ['Quý II', { kind: 'window' }],
      ['Quý I, III', { kind: 'milestones' }],
      ['tháng 6', { kind: 'window' }],
      ['trước ngày 03/6', { kind: 'window' }],
      ['trong năm', { kind: 'window' }],
    ])('keeps its kind but no dates without a plan year: "%s"', (text, expected) => {
      expect(read(text)).toStrictEqual(expected)
    })

    it('ignores a plan year that is not a year', () => {
      expect(read('Quý II', 18)).toStrictEqual({ kind: 'window' })
    })

    it('needs no year for ongoing, recurring, event and regulation timeframes', () => {
      expect(['Thường xuyên', 'Hàng năm', 'Trước và trong quá trình bầu cử', 'Theo quy định'].map((t) => read(t).kind)).toStrictEqual([
        'ongoing',
        'recurring',
        'event',
        'regulation',
      ])
    })
  })

  describe('writing variants read the same', () => {
    const nbsp = '\u00a0'
    it.each<[variant: string, canonical: string]>([
      ['Quý II, III năm 2018'.normalize('NFD'), 'Quý II, III năm 2018'],
      ['Thường xuyên'.normalize('NFD'), 'Thường xuyên'],
      ['Trước và trong quá trình bầu cử'.normalize('NFD'), 'Trước và trong quá trình bầu cử'],
      ['QUÝ II, III NĂM 2018', 'Quý II, III năm 2018'],
      ['THƯỜNG XUYÊN', 'Thường xuyên'],
      ['ĐỊNH KỲ HẰNG QUÝ', 'Định kỳ hằng quý'],
      ['quý ii năm 2018', 'Quý II năm 2018'],
      ['Quý 2, 3 năm 2018', 'Quý II, III năm 2018'],
      ['Qúy II năm 2018', 'Quý II năm 2018'],
      ['Tháng VI năm 2018', 'Tháng 6 năm 2018'],
      ['Tháng 06 năm 2018', 'Tháng 6 năm 2018'],
      ['  Quý  II ,  III   năm   2018  ', 'Quý II, III năm 2018'],
      [`Quý${nbsp}II năm${nbsp}2018`, 'Quý II năm 2018'],
      ['Thường xuyên.', 'Thường xuyên'],
      ['Thường xuyên./.', 'Thường xuyên'],
      ['- Hàng năm;', 'Hàng năm'],
      ['trước ngày 15/06/2018', 'trước ngày 15/6/2018'],
      ['trước ngày 15 tháng 6 năm 2018', 'trước ngày 15/6/2018'],
      ['Năm 2012—2015', 'Năm 2012 - 2015'],
      ['Năm 2012 đến 2015', 'Năm 2012 - 2015'],
    ])('reads %j like %j', (variant, canonical) => {
      expect(read(variant, 2018)).toStrictEqual(read(canonical, 2018))
      expect(read(variant, 2018).kind).not.toBe('unspecified')
    })
  })

  describe('text it cannot read', () => {
    it.each(['Tùy tình hình thực tế', 'xem phụ lục', '', '   ', 'trước ngày 31/02/2018', 'Quý V năm 2018', 'tháng 13/2018'])(
      'returns "%s" as unspecified',
      (text) => {
        expect(parseTimeframe(text).kind).toBe('unspecified')
      },
    )

    it('keeps the original text exactly, only trimmed', () => {
      const nfd = '  Tùy tình hình thực tế  '.normalize('NFD')
      expect(parseTimeframe(nfd)).toStrictEqual({ kind: 'unspecified', text: nfd.trim() })
    })

    it('keeps the original text on understood timeframes too', () => {
      expect(parseTimeframe(' QUÝ II NĂM 2018. ').text).toBe('QUÝ II NĂM 2018.')
    })

    it('rejects impossible dates instead of inventing them', () => {
      expect(read('trước ngày 29/02/2019').kind).toBe('unspecified')
      expect(read('trước ngày 29/02/2020')).toStrictEqual({ kind: 'window', end: '2020-02-29' })
    })

    it('never throws, and every answer fits TimeframeSchema', () => {
      const inputs = [
        ...SEED_PHRASES.map(([phrase]) => phrase),
        '((((',
        ';;;',
        '99/99/9999',
        'Quý '.repeat(2000),
        'từ đến trước sau',
        '\u0000\u200b',
      ]
      for (const input of inputs) {
        expect(() => TimeframeSchema.parse(parseTimeframe(input, { planYear: 2018 }))).not.toThrow()
      }
    })
  })
})

describe('timeframeBounds', () => {
  it.each<[string, { start?: string; end?: string }]>([
    ['Quý II, III năm 2018', { start: '2018-04-01', end: '2018-09-30' }],
    ['trước ngày 15/6/2018', { end: '2018-06-15' }],
    ['2012, 2015', { end: '2015-12-31' }],
    ['năm 2018 và những năm tiếp theo', { start: '2018-01-01' }],
    ['Thường xuyên', {}],
    ['Trước và trong quá trình bầu cử', {}],
  ])('bounds "%s" as %j', (text, bounds) => {
    expect(timeframeBounds(parseTimeframe(text))).toStrictEqual(bounds)
  })
})

describe('timeframeYears', () => {
  it.each([
    ['Năm 2012 - 2015', { from: 2012, to: 2015 }],
    ['giai đoạn 2021-2025', { from: 2021, to: 2025 }],
    ['năm 2021 đến 2025', { from: 2021, to: 2025 }],
    ['năm 2018', { from: 2018, to: 2018 }],
    ['giai đoạn 2025-2021', undefined],
    ['Thường xuyên', undefined],
  ])('%s spans %o', (text, years) => {
    expect(timeframeYears(parseTimeframe(text))).toEqual(years)
  })
})
