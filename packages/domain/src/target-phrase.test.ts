import { describe, expect, it } from 'vitest'
import type { Target } from './target'
import { readIndexTargets, readTargets, SMALLEST_SCORE_STEP } from './target-phrase'

type Expected = Pick<Target, 'comparator' | 'value' | 'unit'> & Partial<Pick<Target, 'valueMax' | 'baselineYear' | 'year'>>
const shape = (t: Target): Expected => ({
  comparator: t.comparator,
  value: t.value,
  unit: t.unit,
  ...(t.valueMax !== undefined && { valueMax: t.valueMax }),
  ...(t.baselineYear !== undefined && { baselineYear: t.baselineYear }),
  ...(t.year !== undefined && { year: t.year }),
})

describe('readIndexTargets — what each seed plan aims for in its own index', () => {
  it.each<[string, string, number, string, (Expected & { metric: string })[]]>([
    [
      'Lào Cai 165/KH-UBND: ≥ 90 points and the top 10 in 2020',
      'Duy trì và nâng cao các nội dung Chỉ số CCHC đạt được kết quả tốt, xếp thứ hạng cao. Phấn đấu Chỉ số CCHC năm 2020 của tỉnh Lào Cai đạt tổng số điểm từ 90 trở lên, xếp trong tốp 10 tỉnh, thành phố đứng đầu trong cả nước.',
      2020,
      'Chỉ số CCHC',
      [
        { metric: 'Tổng điểm Chỉ số CCHC', comparator: 'gte', value: 90, unit: 'points', year: 2020 },
        { metric: 'Xếp hạng Chỉ số CCHC', comparator: 'rank-lte', value: 10, unit: 'rank', year: 2020 },
      ],
    ],
    [
      'Kiên Giang 97/KH-UBND: a higher rank in 2018 than in 2017',
      'Phấn đấu Chỉ số PAPI năm 2018 của tỉnh xếp hạng ở vị trí cao hơn năm 2017 và tiếp tục cải thiện, nâng cao vị trí xếp hạng qua các năm tiếp theo.',
      2018,
      'Chỉ số PAPI',
      [{ metric: 'Xếp hạng Chỉ số PAPI', comparator: 'change-vs-baseline', value: -1, unit: 'rank', baselineYear: 2017, year: 2018 }],
    ],
    [
      'Thừa Thiên Huế 2024: more points than in 2023 and among the 10 leading provinces',
      'Tập trung thực hiện đồng bộ nhiều giải pháp để duy trì, nâng cao điểm số 08 nội dung đánh giá của PAPI, phấn đấu năm 2024 có điểm số cao hơn năm 2023 để tỉnh Thừa Thiên Huế tiếp tục nằm trong nhóm 10 địa phương dẫn đầu cả nước; Nâng cao trách nhiệm của người đứng đầu cơ quan nhà nước',
      2024,
      'Chỉ số PAPI',
      [
        {
          metric: 'Tổng điểm Chỉ số PAPI',
          comparator: 'change-vs-baseline',
          value: SMALLEST_SCORE_STEP,
          unit: 'points',
          baselineYear: 2023,
          year: 2024,
        },
        { metric: 'Xếp hạng Chỉ số PAPI', comparator: 'rank-lte', value: 10, unit: 'rank', year: 2024 },
      ],
    ],
    [
      'Đức Hợp 2023: the district up a place on 2022',
      'Tiếp tục nâng cao hiệu quả hoạt động của chính quyền địa phương. Phấn đấu Chỉ số PAPI của huyện năm 2023 tăng bậc so với năm 2022.',
      2023,
      'Chỉ số PAPI',
      [{ metric: 'Xếp hạng Chỉ số PAPI', comparator: 'change-vs-baseline', value: -1, unit: 'rank', baselineYear: 2022, year: 2023 }],
    ],
    [
      'an aim with no number sets no target',
      'Tăng cường nhận thức và nâng cao trách nhiệm của các cấp, các ngành về Chỉ số CCHC.',
      2020,
      'Chỉ số CCHC',
      [],
    ],
    ['shares in the aims are left to the tasks', 'Bảo đảm hoàn thành 100% kế hoạch CCHC năm 2020.', 2020, 'Chỉ số CCHC', []],
  ])('%s', (_case, text, year, indexName, expected) => {
    expect(readIndexTargets(text, { year, indexName }).map((t) => ({ metric: t.metric, ...shape(t) }))).toEqual(expected)
  })

  it('keeps the sentence it read as the target’s text', () => {
    const [target] = readIndexTargets('- Phấn đấu Chỉ số PAPI năm 2018 của tỉnh xếp hạng ở vị trí cao hơn năm 2017.', {
      year: 2018,
      indexName: 'Chỉ số PAPI',
    })
    expect(target?.text).toBe('Phấn đấu Chỉ số PAPI năm 2018 của tỉnh xếp hạng ở vị trí cao hơn năm 2017')
  })
})

// Lào Cai 165/KH-UBND part II, "Nội dung và mục tiêu", phrase by phrase.
describe('readTargets — the measurable targets of Lào Cai’s tasks', () => {
  it.each<[string, RegExp, Expected]>([
    [
      'Bảo đảm hoàn thành 100% kế hoạch CCHC năm 2020.',
      /^Hoàn thành kế hoạch CCHC năm 2020$/,
      { comparator: 'gte', value: 100, unit: 'percent', year: 2020 },
    ],
    [
      'Thực hiện kiểm tra công tác CCHC đối với tối thiểu từ 30% số cơ quan, đơn vị trở lên.',
      /kiểm tra công tác CCHC đối với cơ quan, đơn vị$/,
      { comparator: 'gte', value: 30, unit: 'percent', year: 2020 },
    ],
    ['bảo đảm mức độ hài lòng đạt từ 90% trở lên.', /^Mức độ hài lòng$/, { comparator: 'gte', value: 90, unit: 'percent', year: 2020 }],
    [
      'Có ít nhất 03 sáng kiến/giải pháp mới trở lên trong thực hiện nhiệm vụ CCHC của tỉnh trong năm;',
      /^Sáng kiến\/giải pháp mới/,
      { comparator: 'gte', value: 3, unit: 'count', year: 2020 },
    ],
    [
      'Xử lý văn bản quy phạm pháp luật sau rà soát: Đạt từ 70% - 100% số văn bản đã được xử lý hoặc kiến nghị xử lý.',
      /^Văn bản đã được xử lý/,
      { comparator: 'between', value: 70, valueMax: 100, unit: 'percent', year: 2020 },
    ],
    [
      'Kiểm soát quy định về ban hành TTHC theo thẩm quyền, không có TTHC ban hành trái thẩm quyền',
      /^TTHC ban hành trái thẩm quyền$/,
      { comparator: 'lte', value: 0, unit: 'count', year: 2020 },
    ],
    [
      'Có từ 50 TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp',
      /liên thông cùng cấp$/,
      { comparator: 'gte', value: 50, unit: 'count', year: 2020 },
    ],
    [
      'Tỷ lệ hồ sơ TTHC do cơ quan chuyên môn cấp tỉnh tiếp nhận trong năm được giải quyết đúng hạn đạt từ 95% - 100%.',
      /^Tỷ lệ hồ sơ TTHC .* đúng hạn$/,
      { comparator: 'between', value: 95, valueMax: 100, unit: 'percent', year: 2020 },
    ],
    [
      'Tỷ lệ giảm số lượng đơn vị sự nghiệp công lập so với năm 2015 đạt từ 10% trở lên.',
      /^Số lượng đơn vị sự nghiệp công lập$/,
      { comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015, year: 2020 },
    ],
    [
      'tỷ lệ giảm biên chế so với năm 2015 đạt từ 10% trở lên.',
      /^Biên chế$/,
      { comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015, year: 2020 },
    ],
    [
      'Tỷ lệ giảm chi trực tiếp ngân sách cho đơn vị sự nghiệp so với năm 2015 đạt từ 10% trở lên.',
      /^Chi trực tiếp ngân sách/,
      { comparator: 'change-vs-baseline', value: -10, unit: 'percent', baselineYear: 2015, year: 2020 },
    ],
    [
      'Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên tăng thêm từ 02 đơn vị trở lên so năm trước.',
      /^Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên$/,
      { comparator: 'change-vs-baseline', value: 2, unit: 'count', baselineYear: 2019, year: 2020 },
    ],
    [
      'Tỷ lệ doanh nghiệp thành lập mới trong năm 2020 phải tăng từ 20% trở lên so với năm 2019.',
      /^Tỷ lệ doanh nghiệp thành lập mới/,
      { comparator: 'change-vs-baseline', value: 20, unit: 'percent', baselineYear: 2019, year: 2020 },
    ],
    [
      'Thực hiện thu ngân sách năm 2020 của tỉnh vượt chỉ tiêu từ 4% trở lên so với Kế hoạch được Chính phủ giao.',
      /^Thực hiện thu ngân sách năm 2020 của tỉnh$/,
      { comparator: 'change-vs-baseline', value: 4, unit: 'percent', year: 2020 },
    ],
    [
      'Tỷ lệ văn bản trao đổi giữa các cơ quan hành chính nhà nước dưới dạng điện tử: đạt từ 90% số văn bản trở lên.',
      /^Tỷ lệ văn bản trao đổi .* điện tử$/,
      { comparator: 'gte', value: 90, unit: 'percent', year: 2020 },
    ],
    [
      'Từ 50% số TTHC trở lên cung cấp trực tuyến mức độ 3, 4 có phát sinh hồ sơ trong năm.',
      /^TTHC cung cấp trực tuyến/,
      { comparator: 'gte', value: 50, unit: 'percent', year: 2020 },
    ],
  ])('%s', (text, metric, expected) => {
    const [target, ...more] = readTargets(text, { year: 2020 })
    expect(more).toEqual([])
    expect(target && shape(target)).toEqual(expected)
    expect(target?.metric).toMatch(metric)
  })

  it('reads every target of a sentence that sets several', () => {
    const text =
      'Thực hiện cơ chế một cửa, một cửa liên thông: 100% số TTHC thuộc thẩm quyền giải quyết thực hiện việc tiếp nhận, trả kết quả tại Bộ phận Một cửa. Đưa TTHC ngành dọc thực hiện việc tiếp nhận hồ sơ tại Bộ phận Một cửa các cấp theo danh mục được duyệt đạt từ 80% số TTHC trở lên. Có từ 50 TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông cùng cấp; 30 TTHC hoặc nhóm TTHC được giải quyết theo hình thức liên thông giữa các cấp chính quyền.'
    expect(readTargets(text, { year: 2020 }).map((t) => [t.comparator, t.value, t.unit])).toEqual([
      ['gte', 100, 'percent'],
      ['gte', 80, 'percent'],
      ['gte', 50, 'count'],
      ['gte', 30, 'count'],
    ])
  })

  it.each([
    ['a task with no number', 'Phối hợp với Bưu điện tỉnh triển khai thực hiện tốt việc khảo sát, đo lường sự hài lòng của người dân.'],
    ['a date is not a floor', 'thời gian chốt số liệu tính từ ngày 01/11/2022 đến ngày 31/5/2023; báo cáo năm trước ngày 25/10/2023'],
    ['a number of months is not a count', 'Cán bộ, công chức liên quan báo cáo gửi về văn phòng UBND xã: 06 tháng đầu năm trước ngày 03/6'],
    ['a decree number is not a target', 'bám sát theo Nghị định số 59/2019/NĐ-CP ngày 01/7/2019 của Chính phủ'],
    ['a version is not a share', 'Cập nhật và triển khai Kiến trúc Chính quyền điện tử tỉnh Lào Cai, phiên bản 2.0.'],
  ])('reads nothing from %s', (_case, text) => {
    expect(readTargets(text, { year: 2023 })).toEqual([])
  })
})
