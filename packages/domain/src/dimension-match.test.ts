import { describe, expect, it } from 'vitest'
import { matchDimension } from './dimension-match'
import { frameworkFor, type Framework } from './framework'

function framework(index: 'papi' | 'par-index', year: number): Framework {
  const found = frameworkFor(index, year)
  if (!found) throw new Error(`no framework for ${index} ${year}`)
  return found
}

describe('matchDimension', () => {
  // Section titles of the seed plans (Kiên Giang 2018 appendix, Thừa Thiên Huế 2024), verbatim.
  it.each<[string, string]>([
    ['Tham gia của người dân ở cấp cơ sở', 'participation'],
    ['Công khai, minh bạch', 'transparency'],
    ['Trách nhiệm giải trình với nhân dân', 'vertical-accountability'],
    ['Nâng cao trách nhiệm giải trình với người dân', 'vertical-accountability'],
    ['Kiểm soát tham nhũng trong khu vực công', 'corruption-control'],
    ['Thủ tục hành chính', 'administrative-procedures'],
    ['Thủ tục hành chính công', 'administrative-procedures'],
    ['Cung ứng dịch vụ công', 'public-service-delivery'],
    ['Quản trị môi trường', 'environmental-governance'],
    ['Quản trị điện tử', 'e-governance'],
  ])('PAPI: %j → %s', (title, key) => {
    expect(matchDimension(title, framework('papi', 2018))).toBe(key)
    expect(matchDimension(title.toUpperCase().normalize('NFD'), framework('papi', 2024))).toBe(key)
  })

  it('lets the dimension named first decide', () => {
    expect(matchDimension('Tích cực kiểm soát tham nhũng trong các dịch vụ công ích', framework('papi', 2023))).toBe('corruption-control')
  })

  // Content areas of Lào Cai 165/KH-UBND (2020), as quoted in the plan.
  it.each<[string, string]>([
    ['công tác chỉ đạo, điều hành CCHC', 'direction'],
    ['Xây dựng và tổ chức thực hiện văn bản QPPL tại tỉnh', 'legal-documents'],
    ['Cải cách thủ tục hành chính', 'administrative-procedures'],
    ['Cải cách tổ chức bộ máy hành chính', 'apparatus'],
    ['Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức', 'civil-service'],
    ['cải cách tài chính công', 'public-finance'],
    ['Hiện đại hóa hành chính', 'e-government'],
    ['Tác động của CCHC đến người dân, tổ chức và phát triển KT-XH của tỉnh', 'impact'],
  ])('PAR INDEX: %j → %s', (title, key) => {
    expect(matchDimension(title, framework('par-index', 2020))).toBe(key)
    expect(matchDimension(title, framework('par-index', 2019))).toBe(key)
  })

  it.each(['Trách nhiệm của Sở Nội vụ (cơ quan thường trực CCHC)', 'Công tác thông tin, tuyên truyền', 'Văn phòng UBND xã', ''])(
    'names no dimension for %j',
    (title) => {
      expect(matchDimension(title, framework('papi', 2023))).toBeUndefined()
    },
  )

  it('only answers with dimensions the framework has', () => {
    expect(matchDimension('Quản trị môi trường', framework('papi', 2017))).toBeUndefined()
  })
})
