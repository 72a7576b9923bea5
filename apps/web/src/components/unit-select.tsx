import { createMemo, For } from 'solid-js'
import { depthFirst } from '../lib/unit-order'
import { useI18n } from '../i18n/i18n-context'
import { useSession } from '../session/session-context'

/** Picks a unit among those the user may see, indented by its place in the tree. */
export function UnitSelect(props: { id: string; value: string | undefined; onChange: (unitId: string) => void; label?: string }) {
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
        <UnitOptions options={options()} value={props.value} />
      </select>
    </div>
  )
}

/** A `<select>`'s units in tree order, each indented by its depth, the chosen one selected. */
export function UnitOptions(props: { options: ReturnType<typeof depthFirst>; value: string | undefined }) {
  return (
    <For each={props.options}>
      {(o) => (
        <option value={o.unit.id} selected={o.unit.id === props.value}>
          {'\u00a0\u00a0'.repeat(o.depth)}
          {o.unit.name}
        </option>
      )}
    </For>
  )
}
