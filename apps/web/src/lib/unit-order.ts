import type { Unit, UnitTree } from '@papi/domain'

const collator = new Intl.Collator('vi', { numeric: true })

/**
 * The tree's units in reading order — each unit followed by its children, by name — with their
 * depth, for indented lists and select boxes. With `rootId`, only that unit and the units under
 * it (a province's own, not the whole country's when the national register is loaded).
 *
 * @example
 * depthFirst(tree).map((x) => `${'  '.repeat(x.depth)}${x.unit.name}`)
 * depthFirst(tree, kienGiang.id)[0]?.unit.name // 'UBND tỉnh Kiên Giang'
 */
export function depthFirst(tree: UnitTree, rootId?: string): { unit: Unit; depth: number }[] {
  const out: { unit: Unit; depth: number }[] = []
  const byName = (a: Unit, b: Unit) => collator.compare(a.name, b.name)
  const visit = (unit: Unit, depth: number) => {
    out.push({ unit, depth })
    for (const child of [...(tree.children.get(unit.id) ?? [])].sort(byName)) visit(child, depth + 1)
  }
  const root = rootId === undefined ? undefined : tree.byId.get(rootId)
  if (root !== undefined) visit(root, 0)
  else for (const r of [...tree.roots].sort(byName)) visit(r, 0)
  return out
}
