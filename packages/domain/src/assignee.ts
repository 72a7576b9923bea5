import type { IsoDate } from './iso-date'
import { planScopeUnitId, type Plan, type Task } from './plan'
import type { Assignee, Unit, UnitClass, UnitKind } from './unit'
import { type UnitTree, ancestorsOf, buildUnitTree, descendantsOf, isActiveOn, successorsOn } from './unit-tree'

/**
 * Where classes of units are looked for: the plan's scope root (the province for a province
 * plan, the commune for a commune plan) and, optionally, the day the units must be in force.
 */
export interface AssigneeScope {
  unitId: string
  date?: IsoDate
}

/** An assignee with the concrete units it stands for; `unresolved` when it stands for none. */
export interface ResolvedAssignee {
  assignee: Assignee
  units: Unit[]
  unresolved: boolean
}

/** Units a task is assigned to, each unit once; a unit that leads is not listed again as coordinator. */
export interface AssignedUnits {
  lead: Unit[]
  coordinators: Unit[]
  /** Lead units then coordinator units. */
  all: Unit[]
  /** The task names no lead: the plan's standing agency leads it (and reports on it) in `lead`. */
  leadByStandingAgency: boolean
}

/**
 * State bodies other than people's committees: sở/phòng, văn phòng, thanh tra, and the central
 * agencies' branches (công an, bảo hiểm xã hội, thuế — the "ngành" of "sở, ban, ngành"). Not state
 * enterprises (Bưu điện tỉnh, Điện lực, công ty cấp nước) nor public-service units: a plan that
 * names "Các sở, ban, ngành" does not mean the post office.
 */
const STATE_BODY_KINDS: ReadonlySet<UnitKind> = new Set<UnitKind>(['department', 'office', 'agency', 'central-branch'])

// State inspectorates ("Thanh tra tỉnh", "Thanh tra thành phố Rạch Giá") are agencies named so;
// UnitKind has no kind of their own. "Ban Thanh tra nhân dân" is a people's board under the
// Fatherland Front, not an inspectorate, and does not start with "Thanh tra".
const INSPECTORATE_NAME = /^thanh\s+tra(\s|$)/iu

/**
 * Whether a unit belongs to a class, for a plan whose scope root is `root`.
 *
 * - `province-committee`: the people's committee at province level.
 * - `departments` ("Các sở, ban, ngành"): departments, offices and agencies at the scope's own
 *   level (province for a province plan, the commune's own bodies for a commune plan). Offices and
 *   agencies count: Văn phòng UBND tỉnh and Thanh tra tỉnh are cơ quan chuyên môn thuộc UBND tỉnh
 *   like any sở (Decree 24/2014/NĐ-CP, art. 8, amended by 107/2020/NĐ-CP), and "ngành" covers the
 *   vertical agencies (Công an tỉnh, Bảo hiểm xã hội tỉnh) that Kiên Giang 97/KH-UBND task 4.2
 *   asks to put every procedure through the one-stop desk.
 * - `district-committees` / `commune-committees`: people's committees at that level.
 * - `mass-organisations`, `media`, `civil-servants` (staff posts): that kind, at every level.
 * - `related-agencies` ("các cơ quan có liên quan"): departments, offices and agencies at every
 *   level (sở and the district phòng alike) — the widest reading of an open-ended phrase; name
 *   the units instead when the plan means fewer.
 * - `inspectorates` ("Thanh tra các cấp"): state bodies whose name starts with "Thanh tra".
 * - `all-units` ("các cơ quan, đơn vị, địa phương"): every body, but not staff posts (people,
 *   not bodies).
 *
 * @example
 * isInUnitClass(sởNộiVụ, 'departments', ubndTỉnhKiênGiang) // true
 */
export function isInUnitClass(unit: Unit, unitClass: UnitClass, root: Unit): boolean {
  switch (unitClass) {
    case 'province-committee':
      return unit.kind === 'people-committee' && unit.level === 'province'
    case 'departments':
      return STATE_BODY_KINDS.has(unit.kind) && unit.level === root.level
    case 'district-committees':
      return unit.kind === 'people-committee' && unit.level === 'district'
    case 'commune-committees':
      return unit.kind === 'people-committee' && unit.level === 'commune'
    case 'mass-organisations':
      return unit.kind === 'mass-organisation'
    case 'media':
      return unit.kind === 'media'
    case 'related-agencies':
      return STATE_BODY_KINDS.has(unit.kind)
    case 'civil-servants':
      return unit.kind === 'staff-post'
    case 'inspectorates':
      return STATE_BODY_KINDS.has(unit.kind) && INSPECTORATE_NAME.test(unit.name.normalize('NFC').trim())
    case 'all-units':
      return unit.kind !== 'staff-post'
  }
}

/**
 * Every unit of a class inside the scope subtree (the root included), in tree order; with a
 * date, only the units in force that day.
 *
 * @example
 * unitClassMembers('district-committees', tree, { unitId: 'kien-giang' }).map((u) => u.name)
 * // ['UBND thành phố Rạch Giá', 'UBND huyện Châu Thành']
 */
export function unitClassMembers(unitClass: UnitClass, tree: UnitTree, scope: AssigneeScope): Unit[] {
  const root = tree.byId.get(scope.unitId)
  if (!root) return []
  return [root, ...descendantsOf(root.id, tree)].filter(
    (unit) => isInUnitClass(unit, unitClass, root) && (scope.date === undefined || isActiveOn(unit, scope.date)),
  )
}

/**
 * The units one assignee stands for.
 *
 * A named unit (`unitId`, which wins over `unitClass` when both are set) stands for itself,
 * inside the scope or not (Lào Cai's plan involves Bưu điện tỉnh and Bộ Nội vụ). With a date on
 * which it no longer exists it stands for its successors that day, so a 2024 plan still reaches
 * the units that took over after 1 July 2025. A class stands for {@link unitClassMembers}.
 * An assignee that is neither matched nor found stands for nothing and is `unresolved`.
 *
 * @example
 * resolveAssignee({ text: 'UBND cấp huyện', unitClass: 'district-committees' }, tree, { unitId: 'kien-giang' })
 * // { assignee, units: [UBND thành phố Rạch Giá, UBND huyện Châu Thành], unresolved: false }
 */
export function resolveAssignee(assignee: Assignee, tree: UnitTree, scope: AssigneeScope): ResolvedAssignee {
  let units: Unit[] = []
  if (assignee.unitId !== undefined) {
    const unit = tree.byId.get(assignee.unitId)
    if (unit) units = scope.date === undefined ? [unit] : successorsOn(unit.id, tree, scope.date)
  } else if (assignee.unitClass !== undefined) {
    units = unitClassMembers(assignee.unitClass, tree, scope)
  }
  return { assignee, units, unresolved: units.length === 0 }
}

/**
 * Resolves each assignee of a list (see {@link resolveAssignee}), in order.
 *
 * @example
 * // Lào Cai 165/KH-UBND, content area 1: "Cơ quan phối hợp: Các sở, ban, ngành; UBND cấp huyện; UBND cấp xã."
 * resolveAssignees(
 *   [
 *     { text: 'Các sở, ban, ngành', unitClass: 'departments' },
 *     { text: 'UBND cấp huyện', unitClass: 'district-committees' },
 *     { text: 'UBND cấp xã', unitClass: 'commune-committees' },
 *   ],
 *   tree,
 *   { unitId: 'lao-cai', date: '2020-06-11' },
 * ).map((r) => r.units.length)
 */
export function resolveAssignees(assignees: readonly Assignee[], tree: UnitTree, scope: AssigneeScope): ResolvedAssignee[] {
  return assignees.map((assignee) => resolveAssignee(assignee, tree, scope))
}

/**
 * The distinct units a task involves: its lead units, then its coordinating units that do not
 * already lead (Kiên Giang task 1.2 names Sở Nội vụ as both; it reports as lead).
 *
 * @example
 * assignedUnits(
 *   { lead: [{ text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' }], coordinators: [{ text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' }] },
 *   tree,
 *   { unitId: 'kien-giang' },
 * ) // { lead: [Sở Nội vụ], coordinators: [], all: [Sở Nội vụ], leadByStandingAgency: false }
 *
 * A task without a lead is led by the plan's standing agency, when it names one:
 * assignedUnits({ lead: [], coordinators: [] }, tree, scope, { standingAgency: { text: 'Sở Nội vụ', unitId: 'kg-so-noi-vu' } })
 * // { lead: [Sở Nội vụ], …, leadByStandingAgency: true }
 */
export function assignedUnits(
  task: Pick<Task, 'lead' | 'coordinators'>,
  tree: UnitTree,
  scope: AssigneeScope,
  plan: { standingAgency?: Assignee | undefined } = {},
): AssignedUnits {
  const seen = new Set<string>()
  const take = (assignees: readonly Assignee[]): Unit[] =>
    resolveAssignees(assignees, tree, scope)
      .flatMap((resolved) => resolved.units)
      .filter((unit) => !seen.has(unit.id) && seen.add(unit.id))
  // A task that names no lead is still someone's to report on: the standing agency's (cơ quan
  // thường trực), which follows the plan for the issuer. One that names a lead matching no unit is not: that is a name to fix.
  const leadByStandingAgency = task.lead.length === 0 && plan.standingAgency?.unitId !== undefined
  const lead = take(leadByStandingAgency && plan.standingAgency ? [plan.standingAgency] : task.lead)
  const coordinators = take(task.coordinators)
  return { lead, coordinators, all: [...lead, ...coordinators], leadByStandingAgency: leadByStandingAgency && lead.length > 0 }
}

/**
 * The province a unit lies in: itself when it is a province, else its nearest province ancestor;
 * undefined for national bodies (ministries) and unknown ids.
 *
 * @example
 * provinceOf('minh-luong', tree)?.id // 'kien-giang'
 * provinceOf('bo-noi-vu', tree) // undefined
 */
export function provinceOf(unitId: string, tree: UnitTree): Unit | undefined {
  const unit = tree.byId.get(unitId)
  if (!unit) return undefined
  // The topmost province-level unit: a department (Sở Nội vụ) is province-level too, below it.
  return [unit, ...ancestorsOf(unitId, tree)].findLast((u) => u.level === 'province')
}

/** A unit a task would be assigned to although it lies in another province than the plan. */
export interface ForeignAssignee {
  taskCode: string
  unitId: string
  unitName: string
}

/**
 * The units a plan assigns that lie in another province than the plan's scope. A plan may name
 * national bodies (Lào Cai 165/KH-UBND involves Bộ Nội vụ) and any unit of its own province,
 * but never another province's: that unit's reporter would file into the plan, and the plan's
 * planner would read another province's reports through it. A plan without a scope (a national
 * one, kept by admins) may name any unit.
 *
 * @example
 * foreignAssignees({ scopeUnitId: 'kien-giang', issuedOn: '2018-05-18', sections: [{ tasks: [{ code: '1', lead: [{ text: 'Sở Nội vụ', unitId: 'lc-so-noi-vu' }], coordinators: [] }] }] }, tree)
 * // [{ taskCode: '1', unitId: 'lc-so-noi-vu', unitName: 'Sở Nội vụ' }]
 */
export function foreignAssignees(
  plan: Pick<Plan, 'scopeUnitId' | 'issuerUnitId' | 'issuedOn'> & {
    sections: readonly { tasks: readonly Pick<Task, 'code' | 'lead' | 'coordinators'>[] }[]
  },
  tree: UnitTree,
): ForeignAssignee[] {
  const scopeUnitId = planScopeUnitId(plan)
  if (scopeUnitId === undefined) return []
  const home = provinceOf(scopeUnitId, tree)?.id
  const scope = { unitId: scopeUnitId, date: plan.issuedOn }
  return plan.sections.flatMap((s) =>
    s.tasks.flatMap((task) =>
      assignedUnits(task, tree, scope)
        .all.filter((unit) => {
          const province = provinceOf(unit.id, tree)?.id
          return province !== undefined && province !== home
        })
        .map((unit) => ({ taskCode: task.code, unitId: unit.id, unitName: unit.name })),
    ),
  )
}

/**
 * The units a plan's assignee names are matched against: the plan's scope (its issuer's subtree,
 * the root included) as it was on the plan's date, the units above it (a commune plan names its
 * district's committee) and the national bodies plans also name (Bộ Nội vụ). Never another province's units: "Sở Tư pháp" in a Lào Cai plan is Lào Cai's, on
 * a server that holds all 63 provinces. Without a scope, every unit (on the date, if given).
 *
 * @example
 * matchAssignees(parseAssignees('Sở Tư pháp'), unitsInScope(units, laoCai.id, '2020-06-11'))
 */
export function unitsInScope(units: readonly Unit[], scopeUnitId: string | undefined, date?: IsoDate): Unit[] {
  const onDate = (u: Unit) => date === undefined || isActiveOn(u, date)
  if (scopeUnitId === undefined) return units.filter(onDate)
  const tree = buildUnitTree(units)
  const root = tree.byId.get(scopeUnitId)
  if (!root) return units.filter((u) => u.level === 'national' && onDate(u))
  const inScope = [...ancestorsOf(root.id, tree).reverse(), root, ...descendantsOf(root.id, tree)]
  const national = units.filter((u) => u.level === 'national' && !inScope.includes(u))
  return [...inScope, ...national].filter(onDate)
}
