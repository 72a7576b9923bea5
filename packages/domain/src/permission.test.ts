import { describe, expect, it } from 'vitest'
import {
  accessTo,
  can,
  grantedUnitIds,
  mayReadAuditEntry,
  permissionsOf,
  permits,
  RoleGrantSchema,
  unitsWhere,
  type Action,
  type Permission,
  type RoleGrant,
} from './permission'
import { buildUnitTree } from './unit-tree'
import { UNITS } from './unit-tree.fixture'

const tree = buildUnitTree(UNITS)
const user = (...roles: RoleGrant[]) => ({ roles })

const admin = user({ role: 'admin', unitId: null })
const provincePlanner = user({ role: 'planner', unitId: 'kien-giang' })
const districtPlanner = user({ role: 'planner', unitId: 'rach-gia' })
const communeReporter = user({ role: 'reporter', unitId: 'vinh-thanh-van' })
const districtViewer = user({ role: 'viewer', unitId: 'chau-thanh-kg' })

describe('can', () => {
  it.each<[string, { roles: RoleGrant[] }, Action, string | null, boolean]>([
    // admin: the whole system, including system-wide things (unitId null)
    ['admin manages users', admin, 'user.manage', null, true],
    ['admin manages units anywhere', admin, 'unit.manage', 'minh-luong', true],
    ['admin reviews any report', admin, 'report.review', 'vinh-thanh-van', true],
    // planner: plans, periods and reviews inside the subtree
    ['province planner reviews a commune report', provincePlanner, 'report.review', 'vinh-thanh-van', true],
    ['province planner publishes a province plan', provincePlanner, 'plan.publish', 'kien-giang', true],
    ['province planner manages periods of a department', provincePlanner, 'period.manage', 'kg-so-noi-vu', true],
    ['planner does not review outside the subtree', districtPlanner, 'report.review', 'minh-luong', false],
    ['district planner does not touch the province', districtPlanner, 'plan.manage', 'kien-giang', false],
    ['district planner reads the province plan it carries out', districtPlanner, 'plan.read', 'kien-giang', true],
    ['planner does not file reports', provincePlanner, 'report.write', 'kg-so-noi-vu', false],
    ['planner does not manage users', provincePlanner, 'user.manage', null, false],
    ['planner does not manage units', provincePlanner, 'unit.manage', 'rach-gia', false],
    ['admin imports the unit register', admin, 'register.import', null, true],
    ['planner does not import the unit register', provincePlanner, 'register.import', null, false],
    // reporter: its own unit only
    ['reporter files its own report', communeReporter, 'report.write', 'vinh-thanh-van', true],
    ['reporter does not file for another commune', communeReporter, 'report.write', 'minh-luong', false],
    ['reporter does not file for its district', communeReporter, 'report.write', 'rach-gia', false],
    ['reporter does not file for a unit below it', communeReporter, 'report.write', 'vinh-thanh-van-ban-ttnd', false],
    ['reporter does not accept its own report', communeReporter, 'report.review', 'vinh-thanh-van', false],
    ['reporter reads the province plan', communeReporter, 'plan.read', 'kien-giang', true],
    ['reporter does not read another district plan', communeReporter, 'plan.read', 'chau-thanh-kg', false],
    ['reporter reads its own dashboard', communeReporter, 'dashboard.read', 'vinh-thanh-van', true],
    ['reporter does not read the district dashboard', communeReporter, 'dashboard.read', 'rach-gia', false],
    // viewer: reads the subtree, writes nothing
    ['viewer reads a commune report in its district', districtViewer, 'report.read', 'minh-luong', true],
    ['viewer does not read outside its district', districtViewer, 'report.read', 'vinh-thanh-van', false],
    ['viewer does not write', districtViewer, 'report.write', 'chau-thanh-kg', false],
    ['viewer does not review', districtViewer, 'report.review', 'minh-luong', false],
    // unknown units and system-wide things never widen access
    ['nobody but admin acts on an unknown unit', provincePlanner, 'report.review', 'no-such-unit', false],
    ['a reporter has no system-wide rights', communeReporter, 'dashboard.read', null, false],
    ['no roles, no rights', user(), 'plan.read', 'kien-giang', false],
  ])('%s', (_name, who, action, unitId, expected) => {
    expect(can(who, action, unitId, tree)).toBe(expected)
  })

  it('a user holds the union of their roles', () => {
    const both = user({ role: 'reporter', unitId: 'kg-so-noi-vu' }, { role: 'planner', unitId: 'kien-giang' })
    expect(can(both, 'report.write', 'kg-so-noi-vu', tree)).toBe(true)
    expect(can(both, 'report.review', 'minh-luong', tree)).toBe(true)
    expect(can(both, 'report.write', 'minh-luong', tree)).toBe(false)
  })

  it('answers for the roles a user holds now: a user given other roles is asked anew', () => {
    const planner = user({ role: 'planner', unitId: 'kien-giang' })
    expect(can(planner, 'plan.manage', 'kien-giang', tree)).toBe(true)
    const demoted = { ...planner, roles: [{ role: 'viewer', unitId: 'kien-giang' } as const] }
    expect(can(demoted, 'plan.manage', 'kien-giang', tree)).toBe(false)
    expect(unitsWhere(demoted, 'report.write', tree).size).toBe(0)
    expect(can(planner, 'plan.manage', 'kien-giang', tree)).toBe(true)
  })
})

describe('accessTo', () => {
  it.each<[string, { roles: RoleGrant[] }, Action, string, Action, string]>([
    ['a planner changes a plan of its province', provincePlanner, 'plan.manage', 'kien-giang', 'plan.read', 'granted'],
    ['a planner is told another province’s plan does not exist', provincePlanner, 'plan.manage', 'an-giang', 'plan.read', 'not-found'],
    [
      'a reporter reads the province plan, so it is refused the change',
      communeReporter,
      'plan.manage',
      'kien-giang',
      'plan.read',
      'forbidden',
    ],
    [
      'a reporter is told another district’s plan does not exist',
      communeReporter,
      'plan.manage',
      'chau-thanh-kg',
      'plan.read',
      'not-found',
    ],
    [
      'a planner is told a report it may not read does not exist',
      districtPlanner,
      'report.review',
      'minh-luong',
      'report.read',
      'not-found',
    ],
    ['a viewer reads the report, so it is refused the review', districtViewer, 'report.review', 'minh-luong', 'report.read', 'forbidden'],
    ['an unknown unit is no one’s but the admin’s', provincePlanner, 'plan.manage', 'no-such-unit', 'plan.read', 'not-found'],
  ])('%s', (_name, who, action, unitId, readAction, expected) => {
    expect(accessTo(who, action, unitId, tree, readAction)).toBe(expected)
  })
})

describe('permissionsOf', () => {
  it('lists what a reporter may do, anchored on its unit', () => {
    expect(permissionsOf(communeReporter)).toContainEqual({
      action: 'report.write',
      scope: 'unit',
      unitId: 'vinh-thanh-van',
    })
    expect(permissionsOf(communeReporter).some((p) => p.action === 'report.review')).toBe(false)
  })

  it('gives admin every action system-wide', () => {
    expect(permissionsOf(admin).every((p) => p.scope === 'system' && p.unitId === null)).toBe(true)
  })
})

describe('unitsWhere', () => {
  it('is the subtree for a viewer', () => {
    expect([...unitsWhere(districtViewer, 'report.read', tree)].sort()).toEqual(['chau-thanh-kg', 'minh-luong'])
  })

  it('is the unit alone for a reporter', () => {
    expect([...unitsWhere(communeReporter, 'report.write', tree)]).toEqual(['vinh-thanh-van'])
  })
})

describe('permits', () => {
  // What `/me` hands the dashboard: a commune reporter's and a province planner's grants.
  const reporter: Permission[] = [
    { action: 'report.write', scope: 'unit', unitId: 'vinh-thanh-van' },
    { action: 'report.read', scope: 'unit', unitId: 'vinh-thanh-van' },
  ]
  const planner: Permission[] = [{ action: 'report.review', scope: 'subtree', unitId: 'kien-giang' }]
  const system: Permission[] = [{ action: 'user.manage', scope: 'system', unitId: null }]

  it.each<[string, Permission[], Action, string | null | undefined, boolean, boolean]>([
    // name, permissions, action, unit (undefined: anywhere), with the tree, expected
    ['a reporter writes its own unit’s reports', reporter, 'report.write', 'vinh-thanh-van', true, true],
    ['a reporter does not write another commune’s', reporter, 'report.write', 'minh-luong', true, false],
    ['without the tree another unit is refused too', reporter, 'report.write', 'minh-luong', false, false],
    ['without the tree its own unit is confirmed', reporter, 'report.write', 'vinh-thanh-van', false, true],
    ['a reporter never reviews', reporter, 'report.review', undefined, false, false],
    ['a planner reviews inside its subtree', planner, 'report.review', 'minh-luong', true, true],
    ['a planner reviews somewhere', planner, 'report.review', undefined, false, true],
    ['without the tree a subtree grant is not stretched below its unit', planner, 'report.review', 'minh-luong', false, false],
    ['a planner does not review outside its subtree', planner, 'report.review', 'no-such-unit', true, false],
    ['a system grant covers the system itself', system, 'user.manage', null, false, true],
    ['a unit grant never covers the system', reporter, 'report.write', null, true, false],
  ])('%s', (_name, permissions, action, unitId, withTree, expected) => {
    expect(permits(permissions, action, unitId, withTree ? tree : undefined)).toBe(expected)
  })

  it('answers as `can` does for the same user', () => {
    for (const who of [admin, provincePlanner, communeReporter, districtViewer]) {
      expect(permits(permissionsOf(who), 'report.review', 'minh-luong', tree)).toBe(can(who, 'report.review', 'minh-luong', tree))
    }
  })
})

describe('grantedUnitIds', () => {
  it.each<[string, { roles: RoleGrant[] }, Action, string[]]>([
    ['a reporter files for its unit', communeReporter, 'report.write', ['vinh-thanh-van']],
    ['an admin names no unit', admin, 'report.write', []],
    ['a planner files for none', provincePlanner, 'report.write', []],
    [
      'each unit once, in the order of the roles',
      user(
        { role: 'reporter', unitId: 'minh-luong' },
        { role: 'viewer', unitId: 'minh-luong' },
        { role: 'reporter', unitId: 'vinh-thanh-van' },
      ),
      'report.read',
      ['minh-luong', 'vinh-thanh-van'],
    ],
  ])('%s', (_name, who, action, expected) => {
    expect(grantedUnitIds(permissionsOf(who), action)).toEqual(expected)
  })
})

describe('RoleGrantSchema', () => {
  it('requires a unit for every role but admin', () => {
    expect(RoleGrantSchema.safeParse({ role: 'reporter', unitId: null }).success).toBe(false)
    expect(RoleGrantSchema.safeParse({ role: 'admin' }).success).toBe(true)
  })
})

describe('mayReadAuditEntry', () => {
  const report = (unitId: string) => ({ provinceId: 'kien-giang', before: null, after: { unitId, narrative: '…' } })

  it.each([
    ['the province planner reads a report of its own commune', provincePlanner, report('minh-luong'), true],
    ['not a report of another province’s unit, though filed in its plan', provincePlanner, report('lc-so-noi-vu'), false],
    ['not another province’s entries', provincePlanner, { provinceId: 'lao-cai', before: null, after: null }, false],
    ['an admin reads everything', admin, report('lc-so-noi-vu'), true],
    ['a reporter reads no audit', user({ role: 'reporter', unitId: 'minh-luong' }), report('minh-luong'), false],
  ])('%s', (_case, who, entry, expected) => {
    expect(mayReadAuditEntry(who, entry, tree)).toBe(expected)
  })
})
