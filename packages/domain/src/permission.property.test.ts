// Properties of "who may do what where" over random unit trees and role grants (fast-check):
// what the table of ROLE_GRANTS says must hold for every tree, not only the fixture's (#10).
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { ActionSchema, can, ROLE_GRANTS, RoleSchema, unitsWhere, type RoleGrant } from './permission'
import type { Unit } from './unit'
import { mergeProblem } from './unit-rules'
import { buildUnitTree, isWithin } from './unit-tree'

/** A random forest of up to 30 units: each unit's parent is an earlier unit or none. */
const forest = fc.array(fc.option(fc.nat(), { nil: null }), { minLength: 1, maxLength: 30 }).map((parents) =>
  parents.map(
    (parent, i): Unit => ({
      id: `u${i}`,
      code: `U${i}`,
      name: `Đơn vị ${i}`,
      level: 'commune',
      kind: 'people-committee',
      parentId: parent === null || i === 0 ? null : `u${parent % i}`,
      successorIds: [],
    }),
  ),
)

const world = forest.chain((units) =>
  fc.record({
    units: fc.constant(units),
    roles: fc.array(fc.record({ role: fc.constantFrom(...RoleSchema.exclude(['admin']).options), unit: fc.nat(units.length - 1) }), {
      maxLength: 3,
    }),
    action: fc.constantFrom(...ActionSchema.options),
    target: fc.oneof(
      fc.nat(units.length - 1).map((i) => `u${i}`),
      fc.constant('elsewhere'),
      fc.constant(null),
    ),
  }),
)

const grantsOf = (roles: { role: string; unit: number }[]): RoleGrant[] =>
  roles.map((r) => ({ role: r.role as RoleGrant['role'], unitId: `u${r.unit}` }))

describe('can (properties)', () => {
  it('a grant reaches exactly what its scope says: the unit, its subtree, or its subtree and ancestors', () => {
    fc.assert(
      fc.property(world, ({ units, roles, action, target }) => {
        const tree = buildUnitTree(units)
        const grants = grantsOf(roles)
        const expected = grants.some(({ role, unitId }) => {
          const scope = ROLE_GRANTS[role][action]
          if (!scope || target === null || unitId === null) return false
          if (scope === 'unit') return target === unitId && tree.byId.has(target)
          if (scope === 'subtree') return isWithin(target, unitId, tree)
          if (scope === 'related') return isWithin(target, unitId, tree) || isWithin(unitId, target, tree)
          return false
        })
        expect(can({ roles: grants }, action, target, tree)).toBe(expected)
      }),
      { numRuns: 300 },
    )
  })

  it('another role never takes a permission away', () => {
    fc.assert(
      fc.property(world, fc.constantFrom('planner', 'reporter', 'viewer'), fc.nat(), (w, role, at) => {
        const tree = buildUnitTree(w.units)
        const grants = grantsOf(w.roles)
        const more = [...grants, { role: role as RoleGrant['role'], unitId: `u${at % w.units.length}` }]
        if (can({ roles: grants }, w.action, w.target, tree)) expect(can({ roles: more }, w.action, w.target, tree)).toBe(true)
      }),
      { numRuns: 300 },
    )
  })

  it('an id missing from the tree, or the system itself, is reached by an admin alone', () => {
    fc.assert(
      fc.property(world, ({ units, roles, action }) => {
        const tree = buildUnitTree(units)
        expect(can({ roles: grantsOf(roles) }, action, 'elsewhere', tree)).toBe(false)
        expect(can({ roles: grantsOf(roles) }, action, null, tree)).toBe(false)
        expect(can({ roles: [{ role: 'admin', unitId: null }] }, action, 'elsewhere', tree)).toBe(true)
      }),
      { numRuns: 200 },
    )
  })

  it('unitsWhere lists exactly the units can allows', () => {
    fc.assert(
      fc.property(world, ({ units, roles, action }) => {
        const tree = buildUnitTree(units)
        const user = { roles: grantsOf(roles) }
        const listed = unitsWhere(user, action, tree)
        for (const unit of units) expect(listed.has(unit.id)).toBe(can(user, action, unit.id, tree))
      }),
      { numRuns: 200 },
    )
  })
})

describe('mergeProblem (properties)', () => {
  it('refuses exactly the successors inside the merged unit’s own subtree', () => {
    fc.assert(
      fc.property(forest, fc.nat(), fc.nat(), (units, a, b) => {
        const tree = buildUnitTree(units)
        const [unit, successor] = [`u${a % units.length}`, `u${b % units.length}`]
        expect(mergeProblem(unit, successor, tree) !== null).toBe(isWithin(successor, unit, tree))
      }),
      { numRuns: 300 },
    )
  })
})
