// Test fixture shared by unit-tree.test.ts and assignee.test.ts (not exported from the package).
// Names are those of the seed plans (Kiên Giang 97/KH-UBND 2018, Lào Cai 165/KH-UBND 2020,
// Đức Hợp 2023, Thừa Thiên Huế 2024) and of the 2025 reforms: Huế became a centrally-run city on
// 1 January 2025; on 1 July 2025 Kiên Giang merged into An Giang, Yên Bái into Lào Cai, Thái Bình
// into Hưng Yên, and districts were abolished (Resolution 202/2025/QH15).
import type { Unit, UnitKind, UnitLevel } from './unit'

const MERGED = '2025-06-30'
const REFORMED = '2025-07-01'

function unit(
  id: string,
  name: string,
  level: UnitLevel,
  kind: UnitKind,
  parentId: string | null,
  extra: Partial<Pick<Unit, 'validFrom' | 'validTo' | 'successorIds'>> = {},
): Unit {
  return { id, code: id.toUpperCase(), name, level, kind, parentId, successorIds: [], ...extra }
}

export const UNITS: Unit[] = [
  unit('bo-noi-vu', 'Bộ Nội vụ', 'national', 'department', null),

  // Kiên Giang, as the 2018 PAPI plan assigns it.
  unit('kien-giang', 'UBND tỉnh Kiên Giang', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['an-giang-2025'],
  }),
  unit('kg-so-noi-vu', 'Sở Nội vụ', 'province', 'department', 'kien-giang', { validTo: MERGED }),
  unit('kg-so-tu-phap', 'Sở Tư pháp', 'province', 'department', 'kien-giang', { validTo: MERGED }),
  unit('kg-so-tai-chinh', 'Sở Tài chính', 'province', 'department', 'kien-giang', { validTo: MERGED }),
  unit('kg-so-tnmt', 'Sở Tài nguyên và Môi trường', 'province', 'department', 'kien-giang', { validTo: MERGED }),
  unit('kg-van-phong', 'Văn phòng UBND tỉnh', 'province', 'office', 'kien-giang', { validTo: MERGED }),
  unit('kg-thanh-tra', 'Thanh tra tỉnh', 'province', 'agency', 'kien-giang', { validTo: MERGED }),
  unit('kg-cong-an', 'Công an tỉnh', 'province', 'agency', 'kien-giang', { validTo: MERGED }),
  unit('kg-bhxh', 'Bảo hiểm xã hội tỉnh', 'province', 'agency', 'kien-giang', { validTo: MERGED }),
  unit('kg-mttq', 'Ủy ban MTTQ Việt Nam tỉnh', 'province', 'mass-organisation', 'kien-giang', { validTo: MERGED }),
  unit('kg-bao', 'Báo Kiên Giang', 'province', 'media', 'kien-giang', { validTo: MERGED }),
  unit('kg-dai', 'Đài Phát thanh và Truyền hình Kiên Giang', 'province', 'media', 'kien-giang', { validTo: MERGED }),
  unit('rach-gia', 'UBND thành phố Rạch Giá', 'district', 'people-committee', 'kien-giang', { validTo: MERGED }),
  unit('rach-gia-thanh-tra', 'Thanh tra thành phố Rạch Giá', 'district', 'agency', 'rach-gia', { validTo: MERGED }),
  unit('rach-gia-phong-noi-vu', 'Phòng Nội vụ thành phố Rạch Giá', 'district', 'department', 'rach-gia', {
    validTo: MERGED,
  }),
  unit('vinh-thanh-van', 'UBND phường Vĩnh Thanh Vân', 'commune', 'people-committee', 'rach-gia', { validTo: MERGED }),
  unit('vinh-thanh-van-ban-ttnd', 'Ban Thanh tra nhân dân phường Vĩnh Thanh Vân', 'commune', 'mass-organisation', 'vinh-thanh-van', {
    validTo: MERGED,
  }),
  unit('chau-thanh-kg', 'UBND huyện Châu Thành', 'district', 'people-committee', 'kien-giang', { validTo: MERGED }),
  unit('minh-luong', 'UBND thị trấn Minh Lương', 'commune', 'people-committee', 'chau-thanh-kg', { validTo: MERGED }),

  unit('an-giang', 'UBND tỉnh An Giang', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['an-giang-2025'],
  }),
  unit('an-giang-2025', 'UBND tỉnh An Giang', 'province', 'people-committee', null, { validFrom: REFORMED }),

  // Lào Cai, as the 2020 PAR INDEX plan assigns it. Sở Thông tin và Truyền thông was folded into
  // Sở Khoa học và Công nghệ on 1 March 2025, which merged with Yên Bái's on 1 July 2025.
  unit('lao-cai', 'UBND tỉnh Lào Cai', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['lao-cai-2025'],
  }),
  unit('lc-so-noi-vu', 'Sở Nội vụ', 'province', 'department', 'lao-cai', { validTo: MERGED }),
  unit('lc-so-tu-phap', 'Sở Tư pháp', 'province', 'department', 'lao-cai', { validTo: MERGED }),
  unit('lc-van-phong', 'Văn phòng UBND tỉnh', 'province', 'office', 'lao-cai', { validTo: MERGED }),
  unit('lc-so-tttt', 'Sở Thông tin và Truyền thông', 'province', 'department', 'lao-cai', {
    validTo: '2025-02-28',
    successorIds: ['lc-so-khcn'],
  }),
  unit('lc-so-khcn', 'Sở Khoa học và Công nghệ', 'province', 'department', 'lao-cai', {
    validTo: MERGED,
    successorIds: ['lc2025-so-khcn'],
  }),
  unit('tp-lao-cai', 'UBND thành phố Lào Cai', 'district', 'people-committee', 'lao-cai', { validTo: MERGED }),
  unit('sa-pa', 'UBND thị xã Sa Pa', 'district', 'people-committee', 'lao-cai', { validTo: MERGED }),
  unit('cau-may', 'UBND phường Cầu Mây', 'commune', 'people-committee', 'sa-pa', { validTo: MERGED }),
  unit('yen-bai', 'UBND tỉnh Yên Bái', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['lao-cai-2025'],
  }),
  unit('lao-cai-2025', 'UBND tỉnh Lào Cai', 'province', 'people-committee', null, { validFrom: REFORMED }),
  unit('lc2025-so-khcn', 'Sở Khoa học và Công nghệ', 'province', 'department', 'lao-cai-2025', { validFrom: REFORMED }),

  // Thừa Thiên Huế became Thành phố Huế (centrally run) on 1 January 2025.
  unit('thua-thien-hue', 'UBND tỉnh Thừa Thiên Huế', 'province', 'people-committee', null, {
    validTo: '2024-12-31',
    successorIds: ['hue'],
  }),
  unit('hue', 'UBND thành phố Huế', 'province', 'people-committee', null, { validFrom: '2025-01-01' }),

  // Hưng Yên down to Đức Hợp commune, whose 2023 plan assigns work to staff posts.
  unit('hung-yen', 'UBND tỉnh Hưng Yên', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['hung-yen-2025'],
  }),
  unit('hy-so-noi-vu', 'Sở Nội vụ', 'province', 'department', 'hung-yen', { validTo: MERGED }),
  unit('kim-dong', 'UBND huyện Kim Động', 'district', 'people-committee', 'hung-yen', { validTo: MERGED }),
  unit('kim-dong-phong-noi-vu', 'Phòng Nội vụ huyện Kim Động', 'district', 'department', 'kim-dong', {
    validTo: MERGED,
  }),
  unit('duc-hop', 'UBND xã Đức Hợp', 'commune', 'people-committee', 'kim-dong', { validTo: MERGED }),
  unit('duc-hop-vp-tk', 'Công chức Văn phòng - Thống kê', 'commune', 'staff-post', 'duc-hop', { validTo: MERGED }),
  unit('duc-hop-vh-tt', 'Công chức Văn hóa và Thông tin', 'commune', 'staff-post', 'duc-hop', { validTo: MERGED }),
  unit('duc-hop-tp-ht', 'Công chức Tư pháp - Hộ tịch', 'commune', 'staff-post', 'duc-hop', { validTo: MERGED }),
  unit('duc-hop-mttq', 'Ủy ban MTTQ Việt Nam xã Đức Hợp', 'commune', 'mass-organisation', 'duc-hop', { validTo: MERGED }),
  unit('duc-hop-doan', 'Đoàn Thanh niên xã Đức Hợp', 'commune', 'mass-organisation', 'duc-hop', { validTo: MERGED }),
  unit('duc-hop-dai', 'Đài truyền thanh xã Đức Hợp', 'commune', 'media', 'duc-hop', { validTo: MERGED }),
  unit('mai-dong', 'UBND xã Mai Động', 'commune', 'people-committee', 'kim-dong', { validTo: MERGED }),
  unit('thai-binh', 'UBND tỉnh Thái Bình', 'province', 'people-committee', null, {
    validTo: MERGED,
    successorIds: ['hung-yen-2025'],
  }),
  unit('hung-yen-2025', 'UBND tỉnh Hưng Yên', 'province', 'people-committee', null, { validFrom: REFORMED }),
]

/** Ids of a list of units, for compact assertions. */
export const ids = (units: readonly Unit[]): string[] => units.map((u) => u.id)
