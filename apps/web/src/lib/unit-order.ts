import type { Unit, UnitTree } from '@papi/domain'

const collator = new Intl.Collator('vi', { numeric: true })

/**
 * The tree's units in reading order — each unit followed by its children, by name — with their
 * depth, for indented lists and select boxes.
 *
 * @example
 * depthFirst(tree).map((x) => `${'  '.repeat(x.depth)}${x.unit.name}`)
 */
export function depthFirst(tree: UnitTree): { unit: Unit; depth: number }[] {
  const out: { unit: Unit; depth: number }[] = []
  const byName = (a: Unit, b: Unit) => collator.compare(a.name, b.name)
  const visit = (unit: Unit, depth: number) => {
    out.push({ unit, depth })
    for (const child of [...(tree.children.get(unit.id) ?? [])].sort(byName)) visit(child, depth + 1)
  }
  for (const root of [...tree.roots].sort(byName)) visit(root, 0)
  return out
}
