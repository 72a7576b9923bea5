import { foldText } from '@papi/domain'
import { createMemo, createSignal } from 'solid-js'
import { datedNames, UnitOptions } from '../components/unit-select'
import { depthFirst } from '../lib/unit-order'
import { useSession } from '../session/session-context'

/**
 * Picks a unit among those the user may see, with a search box that narrows the list (accents and
 * case ignored, the domain's `foldText`): a province tree has hundreds of units. The chosen unit
 * stays in the list whatever the search says. `within` keeps the list inside the plan's scope;
 * `asOf` names the units as they were on the plan's date (the search finds either name).
 */
export function UnitPicker(props: {
  id: string
  label: string
  searchLabel: string
  emptyLabel: string
  value: string | undefined
  onChange: (unitId: string) => void
  /** The first search, e.g. the name the plan wrote. */
  initialSearch?: string
  /** Only this unit and the units under it (the plan's scope): with the national register loaded,
   * the whole country's sixty-three "Sở Nội vụ" would otherwise stand in one list. */
  within?: string | undefined
  /** The plan's date: units are named as they were then. */
  asOf?: string | undefined
}) {
  const session = useSession()
  const [search, setSearch] = createSignal(props.initialSearch ?? '')
  const options = createMemo(() => {
    const tree = session.tree()
    if (tree === undefined) return []
    const words = foldText(search())
      .split(' ')
      .filter((w) => w !== '')
    const all = depthFirst(tree, props.within)
    const names = datedNames(session, props.asOf)
    const text = (o: (typeof all)[number]) => foldText(`${names?.get(o.unit.id) ?? ''} ${o.unit.name}`)
    const hits = all.filter((o) => o.unit.id === props.value || words.every((w) => text(o).includes(w)))
    // A search that finds nothing shows everything rather than an empty list.
    return hits.length > 0 ? hits : all
  })
  return (
    <div class="unit-picker">
      <div class="field">
        <label for={`${props.id}-search`}>{props.searchLabel}</label>
        <input id={`${props.id}-search`} type="search" value={search()} onInput={(e) => setSearch(e.currentTarget.value)} />
      </div>
      <div class="field">
        <label for={props.id}>{props.label}</label>
        <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)}>
          <option value="" selected={!props.value}>
            {props.emptyLabel}
          </option>
          <UnitOptions options={options()} value={props.value} names={datedNames(session, props.asOf)} />
        </select>
      </div>
    </div>
  )
}
