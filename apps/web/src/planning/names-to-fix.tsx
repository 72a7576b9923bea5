import { For, Show } from 'solid-js'
import type { UnmatchedName } from './import-draft'
import { usePlanningText } from './planning-messages'
import { UnitPicker } from './unit-picker'

/**
 * The names a plan assigns to no unit of its scope, each with the tasks that write it and a unit
 * picker (with search): one pick fixes every task that writes the name. Used for a first import
 * (the picks go into the plan posted) and for a revision (they go with the re-sent document).
 */
export function NamesToFix(props: {
  /** Prefix of the pickers' ids, unique on the page. */
  id: string
  testId: string
  title: string
  intro: string
  names: readonly UnmatchedName[]
  /** The plan's scope: the units offered for a name are those inside it. */
  scopeUnitId: string | undefined
  /** The plan's date: units are named as they were that day. */
  asOf?: string | undefined
  chosen: ReadonlyMap<string, string>
  onChoose: (next: ReadonlyMap<string, string>) => void
  locked: boolean
}) {
  const pt = usePlanningText()
  const remaining = () => props.names.filter((n) => !props.chosen.get(n.key)).length
  const choose = (key: string, unitId: string) => {
    const next = new Map(props.chosen)
    if (unitId === '') next.delete(key)
    else next.set(key, unitId)
    props.onChoose(next)
  }
  return (
    <section class="card" aria-labelledby={`${props.id}-title`} data-testid={props.testId}>
      <h2 id={`${props.id}-title`}>{props.title}</h2>
      <Show when={props.names.length > 0} fallback={<p>{pt('import.fixNone')}</p>}>
        <p>{props.intro}</p>
        <ol class="fix-list">
          <For each={props.names}>
            {(name, i) => (
              <li data-testid="unmatched-name">
                <p>
                  <strong>{name.text}</strong>{' '}
                  <small class="muted">
                    {pt('import.fixUses', {
                      count: name.uses.length,
                      tasks: [...new Set(name.uses.map((u) => u.taskCode))].join(', '),
                    })}
                  </small>
                </p>
                <fieldset class="plain" disabled={props.locked}>
                  <UnitPicker
                    id={`${props.id}-${i()}`}
                    within={props.scopeUnitId}
                    asOf={props.asOf}
                    label={pt('import.fixPick', { text: name.text })}
                    searchLabel={pt('import.fixSearch', { text: name.text })}
                    emptyLabel={pt('import.fixUnset')}
                    value={props.chosen.get(name.key)}
                    onChange={(unitId) => choose(name.key, unitId)}
                  />
                </fieldset>
              </li>
            )}
          </For>
        </ol>
        <Show when={remaining() > 0}>
          <p class="muted" data-testid="fix-remaining">
            {pt('import.fixRemaining', { count: remaining() })}
          </p>
        </Show>
      </Show>
    </section>
  )
}
