// Test data shared by the store's, the API's and the CLI's tests (exported from
// `@papi/store/testing`, never from the package itself): a slice of Kiên Giang as the
// 97/KH-UBND 2018 plan assigns it, and a two-section plan with class and named assignees.
import type { Plan } from '@papi/domain'
import type { Change } from './audit-log'
import type { Store } from './store'

export type SampleProvince = Awaited<ReturnType<typeof seedSampleProvince>>

/** Creates the units and answers their ids by short name. */
export async function seedSampleProvince(store: Store, c: Change) {
  const kg = await store.units.create(
    { code: 'KG', name: 'UBND tỉnh Kiên Giang', level: 'province', kind: 'people-committee', parentId: null },
    c,
  )
  const snv = await store.units.create({ code: 'KG-SNV', name: 'Sở Nội vụ', level: 'province', kind: 'department', parentId: kg.id }, c)
  const stnmt = await store.units.create(
    { code: 'KG-STNMT', name: 'Sở Tài nguyên và Môi trường', level: 'province', kind: 'department', parentId: kg.id },
    c,
  )
  const rachGia = await store.units.create(
    { code: 'KG-RG', name: 'UBND thành phố Rạch Giá', level: 'district', kind: 'people-committee', parentId: kg.id },
    c,
  )
  const vtv = await store.units.create(
    { code: 'KG-RG-VTV', name: 'UBND phường Vĩnh Thanh Vân', level: 'commune', kind: 'people-committee', parentId: rachGia.id },
    c,
  )
  const chauThanh = await store.units.create(
    { code: 'KG-CT', name: 'UBND huyện Châu Thành', level: 'district', kind: 'people-committee', parentId: kg.id },
    c,
  )
  const minhLuong = await store.units.create(
    { code: 'KG-CT-ML', name: 'UBND thị trấn Minh Lương', level: 'commune', kind: 'people-committee', parentId: chauThanh.id },
    c,
  )
  return { kg, snv, stnmt, rachGia, vtv, chauThanh, minhLuong }
}

export function samplePlan(units: SampleProvince): Plan {
  const ids = { kg: units.kg.id, snv: units.snv.id, stnmt: units.stnmt.id }
  return {
    number: '97/KH-UBND',
    title: 'Kế hoạch hành động nâng cao Chỉ số PAPI tỉnh Kiên Giang năm 2018',
    issuer: 'Ủy ban nhân dân tỉnh Kiên Giang',
    issuerUnitId: ids.kg,
    issuedOn: '2018-05-18',
    index: 'papi',
    years: { from: 2018, to: 2018 },
    scopeUnitId: ids.kg,
    standingAgency: { text: 'Sở Nội vụ', unitId: ids.snv },
    goals: ['Chỉ số PAPI năm 2018 xếp hạng cao hơn năm 2017'],
    targets: [],
    status: 'draft',
    sections: [
      {
        code: '1',
        title: 'Tham gia của người dân ở cấp cơ sở',
        tasks: [
          {
            code: '1.3',
            title: 'Công khai các khoản đóng góp tự nguyện tại địa phương',
            lead: [{ text: 'UBND cấp xã', unitClass: 'commune-committees' }],
            coordinators: [{ text: 'MTTQ và các đoàn thể có liên quan', unitClass: 'mass-organisations' }],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
        ],
      },
      {
        code: '2',
        title: 'Công khai, minh bạch',
        tasks: [
          {
            code: '2.4',
            title: 'Công khai quy hoạch, kế hoạch sử dụng đất của tỉnh',
            lead: [{ text: 'Sở Tài nguyên và Môi trường', unitId: ids.stnmt }],
            coordinators: [{ text: 'UBND cấp huyện', unitClass: 'district-committees' }],
            timeframe: { kind: 'ongoing', text: 'Thường xuyên' },
            targets: [],
          },
        ],
      },
    ],
  }
}
