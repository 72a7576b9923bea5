// Test fixture shared by the completeness, approval and progress tests (not exported from the
// package).
import { ReportSchema, type Report } from './report'
import type { ExpectedReport } from './completeness'

// A slice of Kiên Giang (97/KH-UBND, 2018): the province, two districts, four communes.
export const KG = 'kg'
export const CHAU_THANH = 'kg-chau-thanh'
export const GIONG_RIENG = 'kg-giong-rieng'
export const MINH_LUONG = 'kg-ct-minh-luong'
export const BINH_AN = 'kg-ct-binh-an'
export const NGOC_CHUC = 'kg-gr-ngoc-chuc'
export const THANH_HUNG = 'kg-gr-thanh-hung'
export const MTTQ = 'kg-mttq'

export const parents: Record<string, string | null> = {
  [KG]: null,
  [CHAU_THANH]: KG,
  [GIONG_RIENG]: KG,
  [MINH_LUONG]: CHAU_THANH,
  [BINH_AN]: CHAU_THANH,
  [NGOC_CHUC]: GIONG_RIENG,
  [THANH_HUNG]: GIONG_RIENG,
  [MTTQ]: KG,
}
export const parentOf = (id: string) => parents[id] ?? null
export const childrenOf = (id: string) => Object.keys(parents).filter((c) => parents[c] === id && c !== MTTQ)

export const DISTRICTS = [CHAU_THANH, GIONG_RIENG]
export const COMMUNES = [MINH_LUONG, BINH_AN, NGOC_CHUC, THANH_HUNG]

// Task 1.3 "Công khai các khoản đóng góp tự nguyện tại địa phương" — UBND cấp xã — Thường xuyên.
// Task 2.3 "Công khai kế hoạch sử dụng đất chi tiết năm 2018 tại trụ sở UBND cấp xã" —
// UBND cấp huyện, UBND cấp xã — Quý II năm 2018.
export const T13 = '1.3'
export const T23 = '2.3'
export const dueDates: Record<string, string> = { [T23]: '2018-06-30' }
export const dueDateOf = (taskId: string) => dueDates[taskId]

export const report = (taskId: string, unitId: string, periodId: string, over: Partial<Report> = {}): Report =>
  ReportSchema.parse({ taskId, unitId, periodId, ...over })
export const filed = (day: string, status: 'submitted' | 'accepted' = 'submitted') => ({
  status,
  submittedAt: `${day}T09:00:00+07:00`,
})

// Quarter II 2018: communes report 1.3 and 2.3, districts report 2.3. Deadlines run bottom-up
// (Envisio): communes by 10/6, districts by 12/6 so they have time to consolidate.
export const expectedQ2: ExpectedReport[] = [
  ...COMMUNES.map((unitId) => ({ taskId: T13, unitId })),
  ...[...DISTRICTS, ...COMMUNES].map((unitId) => ({ taskId: T23, unitId })),
]
export const deadlineFor = (unitId: string) => (DISTRICTS.includes(unitId) ? '2018-06-12' : '2018-06-10')
export const reportsQ2: Report[] = [
  report(T13, MINH_LUONG, '2018Q2', filed('2018-06-08', 'accepted')),
  report(T23, MINH_LUONG, '2018Q2', filed('2018-06-09', 'accepted')),
  report(T13, BINH_AN, '2018Q2', filed('2018-06-11')),
  report(T23, BINH_AN, '2018Q2', { status: 'draft' }),
  report(T13, NGOC_CHUC, '2018Q2', { status: 'submitted', submittedAt: '2018-06-10T23:00:00+07:00' }),
  report(T23, NGOC_CHUC, '2018Q2', { ...filed('2018-06-05'), status: 'returned' }),
  report(T23, CHAU_THANH, '2018Q2', filed('2018-06-12')),
  // Filed by a coordinator nobody expected a report from: does not count.
  report(T23, MTTQ, '2018Q2', filed('2018-06-01')),
]
export const asOfQ2 = '2018-06-20'
