import { z } from 'zod'
import { IsoDateSchema } from './iso-date'

/** Level of government a unit belongs to. Districts exist until 30/06/2025 (two-tier reform). */
export const UnitLevelSchema = z.enum(['national', 'province', 'district', 'commune'])
export type UnitLevel = z.infer<typeof UnitLevelSchema>

export const UnitKindSchema = z.enum([
  'people-committee', // Ủy ban nhân dân
  'department', // Sở, ban, ngành
  'office', // Văn phòng (UBND, HĐND…)
  'agency', // other state agency of the level: Thanh tra, Ban quản lý…
  'central-branch', // a central agency's provincial branch (ngành dọc): Công an, Bảo hiểm xã hội, Thuế, Kho bạc…
  'state-enterprise', // doanh nghiệp nhà nước: Bưu điện tỉnh, Điện lực, công ty cấp nước… — not a "sở, ban, ngành"
  'public-service', // đơn vị sự nghiệp công lập: trung tâm, trường, bệnh viện…
  'mass-organisation', // MTTQ và các đoàn thể
  'media', // cơ quan báo chí, thông tin đại chúng
  'staff-post', // a named civil-servant post (công chức Tư pháp - Hộ tịch…)
])
export type UnitKind = z.infer<typeof UnitKindSchema>

export const UnitSchema = z.object({
  id: z.string().min(1),
  code: z.string().min(1),
  /** The National Statistics Office code of an administrative unit ("01", "001", "00004"), as a string. */
  officialCode: z.string().min(1).optional(),
  name: z.string().min(1),
  level: UnitLevelSchema,
  kind: UnitKindSchema,
  parentId: z.string().min(1).nullable(),
  /** First day the unit exists under this name. */
  validFrom: IsoDateSchema.optional(),
  /** Last day the unit exists (e.g. 2025-06-30 for a merged province or abolished district). */
  validTo: IsoDateSchema.optional(),
  /** Units that took over this one (old → new mapping of the 2025 mergers). */
  successorIds: z.array(z.string().min(1)).default([]),
  /** The stored unit's optimistic-concurrency version: a change or merge names the one it read. */
  version: z.number().int().min(1).optional(),
})
export type Unit = z.infer<typeof UnitSchema>

/**
 * Groups of units a plan assigns work to without naming them ("UBND cấp huyện",
 * "Các sở, ban, ngành"). They resolve to every matching unit inside the plan's scope.
 */
export const UnitClassSchema = z.enum([
  'province-committee', // UBND tỉnh
  'departments', // Các sở, ban, ngành
  'district-committees', // UBND cấp huyện
  'commune-committees', // UBND cấp xã
  'mass-organisations', // MTTQ và các đoàn thể
  'media', // cơ quan thông tin đại chúng, thông tấn báo chí
  'related-agencies', // các cơ quan có liên quan
  'civil-servants', // công chức liên quan
  'inspectorates', // thanh tra các cấp
  'all-units', // các cơ quan, đơn vị, địa phương
])
export type UnitClass = z.infer<typeof UnitClassSchema>

/**
 * Who a task is assigned to, as written in the plan (`text`) and as understood: the canonical
 * full name when the words abbreviate it (`name`: "Sở GTVT" → "Sở Giao thông vận tải"), a class
 * of units, or one unit of the organisation tree. Neither class nor unit means "not matched yet".
 */
export const AssigneeSchema = z.object({
  text: z.string().min(1),
  /** The full name a reader writes out, as `parseAssignees` expands it; `text` keeps the plan's own words. */
  name: z.string().min(1).optional(),
  unitClass: UnitClassSchema.optional(),
  unitId: z.string().min(1).optional(),
})
export type Assignee = z.infer<typeof AssigneeSchema>
