import type { Dimension, Framework } from '../framework'
import type { Label } from '../label'

// PAR INDEX — Chỉ số cải cách hành chính cấp tỉnh, set and published each year by the Ministry of
// Home Affairs (Bộ Nội vụ). Eight content areas, total 100 points, published as a percentage of
// the maximum; the points come from the Ministry's appraisal of the province's self-assessment
// ("điểm thẩm định") and from its sociological survey ("điểm điều tra xã hội học": leaders and
// managers, SIPAS, socio-economic impact).
//
// What is certain: 8 areas, total 100, the area names in force for the 2019 results (Lào Cai
// 165/KH-UBND, quoting Decision 330/QĐ-BNV of 13/5/2020: 82.85 = 52.90 appraisal + 29.95 impact),
// Decision 1149/QĐ-BNV of 30/12/2020 (used for the 2020 results, Decision 641/QĐ-BNV of 2021) and
// Decision 876/QĐ-BNV of 10/11/2022 (2022–2030).
//
// PROVISIONAL: each area's max points. The decisions' annexes set them, and they differ between
// decisions; we have not transcribed those annexes yet, so every version carries the same best
// estimate below, summing to 100, and every area is marked `provisional` (a score above it is a
// warning, not an error). Replace with the annex values when transcribed.
//
// `group` is the area's main source of points. It is a simplification: the leaders' survey also
// scores criteria inside areas 1–7, so a published appraisal/survey split (kept on the result as
// published) is not the sum of the areas in each group.

type Area = { key: string; name: Label; max: number; group: 'appraisal' | 'survey' }

function areas(list: readonly Area[]): Dimension[] {
  return list.map((a, i) => ({ ...a, order: i + 1, provisional: true, subDimensions: [] }))
}

const direction: Area = {
  key: 'direction',
  name: { vi: 'Công tác chỉ đạo, điều hành cải cách hành chính', en: 'Direction and management of reform' },
  max: 14,
  group: 'appraisal',
}
const administrativeProcedures: Area = {
  key: 'administrative-procedures',
  name: { vi: 'Cải cách thủ tục hành chính', en: 'Administrative procedure reform' },
  max: 13,
  group: 'appraisal',
}
const apparatus: Area = {
  key: 'apparatus',
  name: { vi: 'Cải cách tổ chức bộ máy hành chính nhà nước', en: 'Reform of the state administrative apparatus' },
  max: 10,
  group: 'appraisal',
}
const publicFinance: Area = {
  key: 'public-finance',
  name: { vi: 'Cải cách tài chính công', en: 'Public finance reform' },
  max: 10,
  group: 'appraisal',
}
const impact: Area = {
  key: 'impact',
  name: {
    vi: 'Tác động của cải cách hành chính đến người dân, tổ chức và phát triển kinh tế - xã hội của tỉnh',
    en: 'Impact of reform on people, organisations and socio-economic development',
  },
  max: 16,
  group: 'survey',
}

// Area names of the 2011–2020 reform programme (Resolution 30c/NQ-CP), as the Lào Cai plan uses them.
const areas30c: Area[] = [
  direction,
  {
    key: 'legal-documents',
    name: {
      vi: 'Xây dựng và tổ chức thực hiện văn bản quy phạm pháp luật tại tỉnh',
      en: 'Drafting and enforcement of legal documents',
    },
    max: 10,
    group: 'appraisal',
  },
  administrativeProcedures,
  apparatus,
  {
    key: 'civil-service',
    name: {
      vi: 'Xây dựng và nâng cao chất lượng đội ngũ cán bộ, công chức, viên chức',
      en: 'Building and improving the civil service',
    },
    max: 14,
    group: 'appraisal',
  },
  publicFinance,
  {
    key: 'e-government',
    name: { vi: 'Hiện đại hóa hành chính', en: 'Modernisation of administration' },
    max: 13,
    group: 'appraisal',
  },
  impact,
]

// Area names of the 2021–2030 reform programme (Resolution 76/NQ-CP of 15/7/2021), which 876 follows.
const areas76: Area[] = [
  direction,
  {
    key: 'legal-documents',
    name: { vi: 'Cải cách thể chế', en: 'Institutional reform' },
    max: 10,
    group: 'appraisal',
  },
  administrativeProcedures,
  apparatus,
  {
    key: 'civil-service',
    name: { vi: 'Cải cách chế độ công vụ', en: 'Civil service reform' },
    max: 14,
    group: 'appraisal',
  },
  publicFinance,
  {
    key: 'e-government',
    name: {
      vi: 'Xây dựng và phát triển Chính quyền điện tử, Chính quyền số',
      en: 'E-government and digital government',
    },
    max: 13,
    group: 'appraisal',
  },
  impact,
]

const base = {
  index: 'par-index',
  maxTotal: 100,
  resultUnit: 'percent',
  aggregation: 'sum',
} as const

export const parIndexFrameworks: Framework[] = [
  {
    // Results 2017–2019. We believe the methodology is Decision 2948/QĐ-BNV of 2017 but have not
    // checked it, so only the publication is cited. 2012–2016 results (Decision 1294/QĐ-BNV of
    // 2012, a different area list) are not modelled: frameworkFor answers undefined for them.
    ...base,
    id: 'par-index-2017',
    name: { vi: 'Chỉ số CCHC cấp tỉnh 2017–2019', en: 'Provincial PAR INDEX 2017–2019' },
    validFrom: 2017,
    validTo: 2019,
    source: 'Kết quả Chỉ số CCHC năm 2019: Quyết định 330/QĐ-BNV ngày 13/5/2020 của Bộ Nội vụ',
    dimensions: areas(areas30c),
  },
  {
    ...base,
    id: 'par-index-2020',
    name: {
      vi: 'Chỉ số CCHC cấp tỉnh theo Quyết định 1149/QĐ-BNV',
      en: 'Provincial PAR INDEX (Decision 1149/QĐ-BNV)',
    },
    validFrom: 2020,
    validTo: 2021,
    legalBasis: 'Quyết định 1149/QĐ-BNV ngày 30/12/2020 của Bộ trưởng Bộ Nội vụ',
    dimensions: areas(areas30c),
  },
  {
    ...base,
    id: 'par-index-2022',
    name: {
      vi: 'Chỉ số CCHC cấp tỉnh theo Quyết định 876/QĐ-BNV',
      en: 'Provincial PAR INDEX (Decision 876/QĐ-BNV)',
    },
    validFrom: 2022,
    validTo: 2030,
    legalBasis: 'Quyết định 876/QĐ-BNV ngày 10/11/2022 của Bộ trưởng Bộ Nội vụ (giai đoạn 2022–2030)',
    dimensions: areas(areas76),
  },
]
