import type { Dimension, Framework, SubDimension } from '../framework'
import type { Label } from '../label'

// PAPI — Chỉ số Hiệu quả Quản trị và Hành chính công cấp tỉnh (CECODES, VFF-CRT, RTA and UNDP).
// Source: the annual PAPI reports (papi.org.vn). Structure, as the PAPI site states it:
//   2009–2017: 6 dimensions, 22 sub-dimensions, each dimension scored 1–10 → total 60.
//   2018 on:   8 dimensions (environmental governance and e-governance added) → total 80;
//              28 sub-dimensions in 2018, 29 in 2019–2020, 28 again from 2021.
// A dimension's score is the sum of its sub-dimensions, each scaled to an equal share of the 10
// points (4 sub-dimensions → 2.5 each, 3 → 3.33 each), so `max` on a sub-dimension is 10 / n.
// Names follow the reports' Vietnamese and English editions as best we know them; lists marked
// UNVERIFIED below are a reconstruction to check against that year's report annex.

const SOURCE = 'Báo cáo PAPI (CECODES, MTTQ Việt Nam - VFF-CRT, RTA, UNDP), papi.org.vn'
const DIMENSION_MAX = 10

type Sub = { key: string; name: Label; provisional?: true }

/** Gives each sub-dimension an equal share of its dimension, as the PAPI reports scale them. */
function evenShares(subs: readonly Sub[]): SubDimension[] {
  return subs.map((s) => ({ ...s, max: DIMENSION_MAX / subs.length }))
}

function dimension(key: string, order: number, name: Label, subs: readonly Sub[]): Dimension {
  return { key, order, name, max: DIMENSION_MAX, subDimensions: evenShares(subs) }
}

// --- sub-dimensions, shared by the versions that use them

const participation: Sub[] = [
  { key: 'civic-knowledge', name: { vi: 'Tri thức công dân', en: 'Civic knowledge' } },
  { key: 'opportunities-for-participation', name: { vi: 'Cơ hội tham gia', en: 'Opportunities for participation' } },
  { key: 'quality-of-elections', name: { vi: 'Chất lượng bầu cử', en: 'Quality of elections' } },
  { key: 'voluntary-contributions', name: { vi: 'Đóng góp tự nguyện', en: 'Voluntary contributions' } },
]

const accessToInformation: Sub = {
  key: 'access-to-information',
  name: { vi: 'Tiếp cận thông tin', en: 'Access to information' },
  provisional: true,
}
const transparency2009: Sub[] = [
  { key: 'poverty-lists', name: { vi: 'Công khai danh sách hộ nghèo', en: 'Poverty lists' } },
  {
    key: 'communal-budget',
    name: { vi: 'Công khai thu, chi ngân sách cấp xã', en: 'Communal budget and expenditure' },
  },
  {
    key: 'land-use-planning',
    name: {
      vi: 'Công khai quy hoạch, kế hoạch sử dụng đất và khung giá đền bù',
      en: 'Land-use planning and pricing',
    },
  },
]
// The Law on Access to Information took effect in 2018; we believe PAPI added this sub-dimension
// that year (it makes the 2018 count 22 + 1 + 3 environmental + 2 e-governance = 28). Not yet
// checked against the 2018 report annex, hence provisional.
const transparency2018: Sub[] = [accessToInformation, ...transparency2009]

const interactions: Sub = {
  key: 'interactions-with-local-authorities',
  name: { vi: 'Mức độ và hiệu quả tiếp xúc với chính quyền', en: 'Interactions with local authorities' },
}
const peoplesInspectionBoards: Sub = {
  key: 'peoples-inspection-boards',
  name: { vi: 'Ban Thanh tra nhân dân', en: "People's Inspection Boards" },
}
const communityInvestmentSupervisionBoards: Sub = {
  key: 'community-investment-supervision-boards',
  name: { vi: 'Ban Giám sát đầu tư của cộng đồng', en: 'Community Investment Supervision Boards' },
}
const accessToJustice: Sub = {
  key: 'access-to-justice-services',
  name: { vi: 'Tiếp cận dịch vụ tư pháp', en: 'Access to justice services' },
  provisional: true,
}
const citizenPetitions: Sub = {
  key: 'complaints-and-petitions',
  name: {
    vi: 'Giải quyết khiếu nại, tố cáo, kiến nghị của người dân',
    en: 'Handling of citizens’ complaints, denunciations and petitions',
  },
  provisional: true,
}
const accountability2009: Sub[] = [interactions, peoplesInspectionBoards, communityInvestmentSupervisionBoards]
// UNVERIFIED: the 29th sub-dimension of 2019–2020 and the 2021 list. We believe the change sits in
// vertical accountability (access to justice services added in 2019; the two board sub-dimensions
// replaced by complaints and petitions in 2021), but have not checked it against the 2019 and 2021
// report annexes. Totals, dimension maxes and the 28/29/28 counts are certain; these names are not.
const accountability2019: Sub[] = [...accountability2009, accessToJustice]
const accountability2021: Sub[] = [interactions, citizenPetitions, accessToJustice]

const corruptionControl: Sub[] = [
  {
    key: 'limits-on-public-sector-corruption',
    name: { vi: 'Kiểm soát tham nhũng trong chính quyền địa phương', en: 'Limits on public sector corruption' },
  },
  {
    key: 'limits-on-corruption-in-public-services',
    name: {
      vi: 'Kiểm soát tham nhũng trong cung ứng dịch vụ công',
      en: 'Limits on corruption in public service delivery',
    },
  },
  {
    key: 'equity-in-employment',
    name: { vi: 'Công bằng trong tuyển dụng vào khu vực nhà nước', en: 'Equity in state employment' },
  },
  {
    key: 'willingness-to-fight-corruption',
    name: { vi: 'Quyết tâm chống tham nhũng', en: 'Willingness to fight corruption' },
  },
]

const administrativeProcedures: Sub[] = [
  { key: 'certification-procedures', name: { vi: 'Dịch vụ chứng thực, xác nhận', en: 'Certification procedures' } },
  { key: 'construction-permits', name: { vi: 'Thủ tục cấp phép xây dựng', en: 'Construction permits' } },
  {
    key: 'land-use-rights-certificates',
    name: { vi: 'Thủ tục cấp giấy chứng nhận quyền sử dụng đất', en: 'Land-use rights certificates' },
  },
  {
    key: 'commune-level-procedures',
    name: { vi: 'Thủ tục hành chính cấp xã/phường', en: 'Personal procedures at commune level' },
  },
]

const publicServiceDelivery: Sub[] = [
  { key: 'public-health-care', name: { vi: 'Y tế công lập', en: 'Public health care' } },
  { key: 'public-primary-education', name: { vi: 'Giáo dục tiểu học công lập', en: 'Public primary education' } },
  { key: 'basic-infrastructure', name: { vi: 'Cơ sở hạ tầng căn bản', en: 'Basic infrastructure' } },
  { key: 'law-and-order', name: { vi: 'An ninh, trật tự khu dân cư', en: 'Law and order' } },
]

const environmentalGovernance: Sub[] = [
  {
    key: 'seriousness-in-environmental-protection',
    name: { vi: 'Mức độ nghiêm túc trong bảo vệ môi trường', en: 'Seriousness in environmental protection' },
  },
  { key: 'air-quality', name: { vi: 'Chất lượng không khí', en: 'Air quality' } },
  { key: 'water-quality', name: { vi: 'Chất lượng nước', en: 'Water quality' } },
]

const eGovernance: Sub[] = [
  {
    key: 'use-of-e-government-portals',
    name: {
      vi: 'Sử dụng cổng thông tin điện tử của chính quyền địa phương',
      en: 'Use of local e-government portals',
    },
  },
  {
    key: 'internet-access',
    name: { vi: 'Tiếp cận và sử dụng Internet tại địa phương', en: 'Access to and use of the Internet' },
  },
]

// --- dimension names (the 2018 reports lengthened some of them)

const NAMES = {
  participation: { vi: 'Tham gia của người dân ở cấp cơ sở', en: 'Participation at local levels' },
  transparency2009: { vi: 'Công khai, minh bạch', en: 'Transparency' },
  transparency: {
    vi: 'Công khai, minh bạch trong việc ra quyết định ở địa phương',
    en: 'Transparency in local decision-making',
  },
  accountability: { vi: 'Trách nhiệm giải trình với người dân', en: 'Vertical accountability towards citizens' },
  corruption: { vi: 'Kiểm soát tham nhũng trong khu vực công', en: 'Control of corruption in the public sector' },
  procedures: { vi: 'Thủ tục hành chính công', en: 'Public administrative procedures' },
  services: { vi: 'Cung ứng dịch vụ công', en: 'Public service delivery' },
  environment: { vi: 'Quản trị môi trường', en: 'Environmental governance' },
  eGovernance: { vi: 'Quản trị điện tử', en: 'E-governance' },
} satisfies Record<string, Label>

function eightDimensions(accountability: readonly Sub[]): Dimension[] {
  return [
    dimension('participation', 1, NAMES.participation, participation),
    dimension('transparency', 2, NAMES.transparency, transparency2018),
    dimension('vertical-accountability', 3, NAMES.accountability, accountability),
    dimension('corruption-control', 4, NAMES.corruption, corruptionControl),
    dimension('administrative-procedures', 5, NAMES.procedures, administrativeProcedures),
    dimension('public-service-delivery', 6, NAMES.services, publicServiceDelivery),
    dimension('environmental-governance', 7, NAMES.environment, environmentalGovernance),
    dimension('e-governance', 8, NAMES.eGovernance, eGovernance),
  ]
}

export const papiFrameworks: Framework[] = [
  {
    // 2009 was a pilot in 3 provinces and 2010 covered 30; the 22 sub-dimensions below are those of
    // the 2011–2017 nationwide reports (the pilots' own lists may differ slightly).
    id: 'papi-2009',
    index: 'papi',
    name: { vi: 'PAPI 2009–2017 (6 chỉ số nội dung)', en: 'PAPI 2009–2017 (6 dimensions)' },
    validFrom: 2009,
    validTo: 2017,
    maxTotal: 60,
    resultUnit: 'points',
    aggregation: 'sum',
    source: SOURCE,
    dimensions: [
      dimension('participation', 1, NAMES.participation, participation),
      dimension('transparency', 2, NAMES.transparency2009, transparency2009),
      dimension('vertical-accountability', 3, NAMES.accountability, accountability2009),
      dimension('corruption-control', 4, NAMES.corruption, corruptionControl),
      dimension('administrative-procedures', 5, NAMES.procedures, administrativeProcedures),
      dimension('public-service-delivery', 6, NAMES.services, publicServiceDelivery),
    ],
  },
  {
    id: 'papi-2018',
    index: 'papi',
    name: {
      vi: 'PAPI 2018 (8 chỉ số nội dung, 28 nội dung thành phần)',
      en: 'PAPI 2018 (8 dimensions, 28 sub-dimensions)',
    },
    validFrom: 2018,
    validTo: 2018,
    maxTotal: 80,
    resultUnit: 'points',
    aggregation: 'sum',
    source: SOURCE,
    dimensions: eightDimensions(accountability2009),
  },
  {
    id: 'papi-2019',
    index: 'papi',
    name: {
      vi: 'PAPI 2019–2020 (8 chỉ số nội dung, 29 nội dung thành phần)',
      en: 'PAPI 2019–2020 (8 dimensions, 29 sub-dimensions)',
    },
    validFrom: 2019,
    validTo: 2020,
    maxTotal: 80,
    resultUnit: 'points',
    aggregation: 'sum',
    source: SOURCE,
    dimensions: eightDimensions(accountability2019),
  },
  {
    id: 'papi-2021',
    index: 'papi',
    name: {
      vi: 'PAPI từ 2021 (8 chỉ số nội dung, 28 nội dung thành phần)',
      en: 'PAPI from 2021 (8 dimensions, 28 sub-dimensions)',
    },
    validFrom: 2021,
    maxTotal: 80,
    resultUnit: 'points',
    aggregation: 'sum',
    source: SOURCE,
    dimensions: eightDimensions(accountability2021),
  },
]
