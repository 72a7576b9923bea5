import { createMemo, For } from 'solid-js'
import { depthFirst } from '../lib/unit-order'
import { useI18n } from '../i18n/i18n-context'
import { type Session, useSession } from '../session/session-context'

/**
 * Picks a unit among those the user may see, indented by its place in the tree; with `asOf`, each
 * named as it was that day (a plan's date).
 */
export function UnitSelect(props: {
  id: string
  value: string | undefined
  onChange: (unitId: string) => void
  label?: string
  asOf?: string | undefined
}) {
  const { t } = useI18n()
  const session = useSession()
  const options = createMemo(() => {
    const tree = session.tree()
    return tree === undefined ? [] : depthFirst(tree)
  })
  return (
    <div class="field">
      <label for={props.id}>{props.label ?? t('common.unit')}</label>
      <select id={props.id} value={props.value ?? ''} onChange={(e) => props.onChange(e.currentTarget.value)}>
        <UnitOptions options={options()} value={props.value} names={datedNames(session, props.asOf)} />
      </select>
    </div>
  )
}

/** The units' names on `asOf` when one is given and they have arrived; today's names otherwise. */
export function datedNames(session: Session, asOf: string | undefined): ReadonlyMap<string, string> | undefined {
  return asOf === undefined ? undefined : session.unitNamesOn(asOf)
}

/**
 * A `<select>`'s units in tree order, each indented by its depth, the chosen one selected; named
 * from `names` (a day's names) where it has the unit.
 */
export function UnitOptions(props: {
  options: ReturnType<typeof depthFirst>
  value: string | undefined
  names?: ReadonlyMap<string, string> | undefined
}) {
  return (
    <For each={props.options}>
      {(o) => (
        <option value={o.unit.id} selected={o.unit.id === props.value}>
          {'\u00a0\u00a0'.repeat(o.depth)}
          {props.names?.get(o.unit.id) ?? o.unit.name}
        </option>
      )}
    </For>
  )
}
