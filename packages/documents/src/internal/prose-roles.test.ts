import { describe, expect, it } from 'vitest'
import { coordinatorsIn, leadOfHeading, leadOfIntro, subjectOf, timePhraseOf } from './prose-roles'

const texts = (found: Array<{ text: string }> | undefined) => found?.map((a) => a.text)

// Sentences from the seed plans (Lào Cai 165/KH-UBND, Đức Hợp 2023, Thừa Thiên Huế 2024).
describe('subjectOf', () => {
  it.each<[string, string[] | undefined]>([
    ['UBND cấp xã có nhiệm vụ Tăng cường công tác phổ biến, giáo dục pháp luật', ['UBND cấp xã']],
    ['Thanh tra tỉnh chủ trì thanh tra, kiểm tra việc thực hiện các quy định', ['Thanh tra tỉnh']],
    [
      'Thủ trưởng các sở, ban, ngành, Chủ tịch UBND cấp huyện, Chủ tịch UBND cấp xã chú trọng triển khai',
      ['Thủ trưởng các sở, ban, ngành', 'Chủ tịch UBND cấp huyện', 'Chủ tịch UBND cấp xã'],
    ],
    ['Sở Kế hoạch và Đầu tư chủ trì tham mưu, đề xuất các giải pháp', ['Sở Kế hoạch và Đầu tư']],
    ['Cơ quan thông tin đại chúng chủ trì đưa tin', ['Cơ quan thông tin đại chúng']],
    ['Tăng cường phổ biến giáo dục pháp luật theo kế hoạch đã được phê duyệt.', undefined],
    ['Phối hợp với Bưu điện tỉnh triển khai thực hiện tốt việc khảo sát', undefined],
  ])('%j → %j', (sentence, expected) => {
    expect(texts(subjectOf(sentence))).toEqual(expected)
  })
})

describe('leadOfHeading and leadOfIntro', () => {
  it.each<[string, string[]]>([
    ['Trách nhiệm của Sở Nội vụ (cơ quan thường trực CCHC):', ['Sở Nội vụ']],
    ['Văn phòng UBND xã', ['Văn phòng UBND xã']],
    [
      'Đề nghị Ủy ban Mặt trận Tổ quốc Việt Nam xã và các ngành đoàn thể xã.',
      ['Ủy ban Mặt trận Tổ quốc Việt Nam xã và các ngành đoàn thể xã'],
    ],
    ['Giao cán bộ, công chức UBND xã cần tập chung:', ['cán bộ, công chức UBND xã']],
  ])('heading %j → %j', (heading, expected) => {
    expect(texts(leadOfHeading(heading))).toEqual(expected)
  })

  it('finds the name inside an introduction', () => {
    expect(
      texts(
        leadOfIntro(
          'Căn cứ chức năng, nhiệm vụ, trách nhiệm, quyền hạn, của cán bộ, công chức UBND xã chủ động tổ chức thực hiện nhằm phát huy được sự đồng thuận',
        ),
      ),
    ).toEqual(['cán bộ, công chức UBND xã'])
  })

  it('does not take a verb for a unit', () => {
    expect(leadOfHeading('Tổ chức thực hiện tốt nhiệm vụ chuyên môn')).toBeUndefined()
    expect(leadOfHeading('Công tác thông tin, tuyên truyền')).toBeUndefined()
  })
})

describe('coordinatorsIn', () => {
  it.each<[string, string[]]>([
    [
      'Chủ trì, phối hợp với Sở Kế hoạch và Đầu tư, Sở Thông tin và Truyền thông và các cơ quan, đơn vị liên quan tham mưu UBND tỉnh',
      ['Sở Kế hoạch và Đầu tư', 'Sở Thông tin và Truyền thông', 'các cơ quan, đơn vị liên quan'],
    ],
    ['Làm đầu mối, phối hợp với các cơ quan, đơn vị liên quan trong quá trình triển khai', ['các cơ quan, đơn vị liên quan']],
    ['Chủ động phối hợp UBMTTQ, các ban ngành đoàn thể thực hiện nhiệm vụ, chuyên đề', ['UBMTTQ, các ban ngành đoàn thể']],
    ['Phối hợp chặt chẽ với UBND xã (qua Văn phòng UBND xã); vận động', ['UBND xã']],
    ['Phối hợp thực hiện vai trò giám sát, phản biện xã hội', []],
  ])('%j → %j', (text, expected) => {
    expect(texts(coordinatorsIn(text))).toEqual(expected)
  })
})

describe('timePhraseOf', () => {
  it.each<[string, string | undefined]>([
    ['Định kỳ hàng quý, 6 tháng, năm tổng hợp, báo cáo UBND tỉnh', 'Định kỳ hàng quý, 6 tháng, năm'],
    ['Hàng năm xây dựng kế hoạch cụ thể', 'Hàng năm'],
    [
      'báo cáo gửi về văn phòng UBND xã: 06 tháng đầu năm trước ngày 03/6 (…); báo cáo năm trước ngày 25/10/2023 (…)',
      'trước ngày 03/6; trước ngày 25/10/2023',
    ],
    ['Là cơ quan thường trực. Thường xuyên hướng dẫn, đôn đốc', 'Thường xuyên'],
    ['(lồng ghép với Hội nghị tổng kết … trong tháng 6/2020)', 'trong tháng 6/2020'],
    // "chi thường xuyên" is recurrent spending, not a timeframe.
    ['Số đơn vị sự nghiệp công lập tự bảo đảm chi thường xuyên tăng thêm', undefined],
    ['Bảo đảm hoàn thành 100% kế hoạch CCHC năm 2020.', undefined],
  ])('%j → %j', (text, expected) => {
    expect(timePhraseOf(text)).toBe(expected)
  })
})
