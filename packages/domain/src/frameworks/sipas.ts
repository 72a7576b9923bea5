import type { Framework } from '../framework'

// SIPAS — Chỉ số hài lòng về sự phục vụ hành chính: the share of people and organisations satisfied
// with the service of state administrative agencies, measured by the Ministry of Home Affairs over
// five factors of the service. Decision 2640/QĐ-BNV of 10/10/2017 (Đề án đo lường sự hài lòng…
// giai đoạn 2017–2020). The index is the mean of the five factor indices, each a percentage.
// Later methodology revisions for 2021–2030 are not modelled yet: sipas-2017 stays open-ended
// until one is transcribed.

const factor = { max: 100, subDimensions: [] }

export const sipasFrameworks: Framework[] = [
  {
    id: 'sipas-2017',
    index: 'sipas',
    name: { vi: 'Chỉ số SIPAS (5 yếu tố)', en: 'SIPAS (5 factors)' },
    validFrom: 2017,
    maxTotal: 100,
    resultUnit: 'percent',
    aggregation: 'mean',
    legalBasis: 'Quyết định 2640/QĐ-BNV ngày 10/10/2017 của Bộ trưởng Bộ Nội vụ',
    dimensions: [
      { ...factor, key: 'access-to-services', order: 1, name: { vi: 'Tiếp cận dịch vụ', en: 'Access to services' } },
      {
        ...factor,
        key: 'administrative-procedures',
        order: 2,
        name: { vi: 'Thủ tục hành chính', en: 'Administrative procedures' },
      },
      {
        ...factor,
        key: 'civil-servants',
        order: 3,
        name: { vi: 'Công chức trực tiếp giải quyết công việc', en: 'Civil servants handling the case' },
      },
      {
        ...factor,
        key: 'service-results',
        order: 4,
        name: { vi: 'Kết quả cung ứng dịch vụ', en: 'Results of the service' },
      },
      {
        ...factor,
        key: 'feedback-handling',
        order: 5,
        name: {
          vi: 'Tiếp nhận, giải quyết góp ý, phản ánh, kiến nghị',
          en: 'Handling of feedback, complaints and petitions',
        },
      },
    ],
  },
]
