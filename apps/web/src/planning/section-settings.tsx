import type { Comparator, MeasureUnit } from '@papi/domain'
import { createSignal, For, Show } from 'solid-js'
import { useFormat } from '../lib/use-format'
import { type PlanningKey, usePlanningText } from './planning-messages'
import { type DraftField, type DraftProblem, type SectionDraft, type TargetDraft, targetsFromText } from './section-drafts'

/**
 * What a planner sets on one section of a plan before saving it: the index dimension it serves
 * (the plan's framework's dimensions), its weight in the rollups, and the targets of its tasks —
 * each read from the document by the domain's target parser and correctable field by field, or
 * typed as the plan would word it and read the same way. Every refusal shows under its field, in
 * the user's language, before anything is sent (the same checks as the API's schema).
 */
export function SectionSettings(props: {
  /** Prefix of the fields' ids, unique on the page. */
  id: string
  draft: SectionDraft
  tasks: readonly { code: string; title: string }[]
  dimensions: readonly { key: string; name: string }[]
  /** The year a typed target is for when it names none: the plan's last year. */
  year: number
  problems: ReadonlyMap<DraftField, DraftProblem> | undefined
  /** A message the API gave for the weight (its 422 names the field). */
  weightError?: string | undefined
  disabled: boolean
  update: (change: (draft: SectionDraft) => void) => void
}) {
  const pt = usePlanningText()
  const problem = (field: DraftField) => {
    const p = props.problems?.get(field)
    return p === undefined ? undefined : pt(`sections.problem.${p}` as PlanningKey)
  }
  const weightError = () => problem('weight') ?? props.weightError
  return (
    <fieldset class="plain section-settings" disabled={props.disabled} data-testid="section-settings">
      <legend class="sr-only">{pt('sections.settingsOf', { code: props.draft.code })}</legend>
      <div class="row">
        <div class="field">
          <label for={`${props.id}-dimension`}>{pt('sections.dimension')}</label>
          <select
            id={`${props.id}-dimension`}
            value={props.draft.dimension}
            onChange={(e) => {
              const value = e.currentTarget.value
              props.update((d) => {
                d.dimension = value
              })
            }}
          >
            <option value="">{pt('sections.dimensionNone')}</option>
            <For each={props.dimensions}>
              {(d) => (
                <option value={d.key} selected={d.key === props.draft.dimension}>
                  {d.name}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field">
          <label for={`${props.id}-weight`}>{pt('sections.weight')}</label>
          <input
            id={`${props.id}-weight`}
            class="short"
            inputmode="decimal"
            value={props.draft.weight}
            aria-invalid={weightError() !== undefined}
            aria-describedby={`${props.id}-weight-hint${weightError() === undefined ? '' : ` ${props.id}-weight-error`}`}
            onInput={(e) => {
              const value = e.currentTarget.value
              props.update((d) => {
                d.weight = value
              })
            }}
          />
          <small id={`${props.id}-weight-hint`} class="muted">
            {pt('sections.weightHint')}
          </small>
          <Show when={weightError()}>
            <p class="field-error" id={`${props.id}-weight-error`}>
              {weightError()}
            </p>
          </Show>
        </div>
      </div>
      <h4>{pt('sections.targets', { count: props.draft.targets.length })}</h4>
      <Show when={props.draft.targets.length > 0} fallback={<p class="muted">{pt('sections.targetsNone')}</p>}>
        <ul class="target-edits">
          <For each={props.draft.targets}>
            {(target) => (
              <TargetEdit
                id={`${props.id}-${target.key}`}
                target={target}
                problem={(field) => problem(`target:${target.key}:${field}`)}
                update={(change) =>
                  props.update((d) => {
                    const t = d.targets.find((x) => x.key === target.key)
                    if (t === undefined) return
                    change(t)
                    // Changed by the planner, it no longer says what the plan's words say.
                    t.edited = true
                  })
                }
                remove={() =>
                  props.update((d) => {
                    d.targets = d.targets.filter((x) => x.key !== target.key)
                  })
                }
              />
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.tasks.length > 0}>
        <AddTarget
          id={props.id}
          tasks={props.tasks}
          year={props.year}
          onAdd={(added) => props.update((d) => void d.targets.push(...added))}
        />
      </Show>
    </fieldset>
  )
}

function TargetEdit(props: {
  id: string
  target: TargetDraft
  problem: (field: 'metric' | 'value' | 'valueMax' | 'year') => string | undefined
  update: (change: (t: TargetDraft) => void) => void
  remove: () => void
}) {
  const pt = usePlanningText()
  const fmt = useFormat()
  const field = (
    name: 'metric' | 'value' | 'valueMax' | 'year',
    label: string,
    extra: { class?: string; inputmode?: 'decimal' | 'numeric' },
  ) => (
    <div class="field">
      <label for={`${props.id}-${name}`}>{label}</label>
      <input
        id={`${props.id}-${name}`}
        class={extra.class}
        inputmode={extra.inputmode}
        value={props.target[name]}
        aria-invalid={props.problem(name) !== undefined}
        aria-describedby={props.problem(name) === undefined ? undefined : `${props.id}-${name}-error`}
        onInput={(e) => {
          const value = e.currentTarget.value
          props.update((t) => {
            t[name] = value
          })
        }}
      />
      <Show when={props.problem(name)}>
        <p class="field-error" id={`${props.id}-${name}-error`}>
          {props.problem(name)}
        </p>
      </Show>
    </div>
  )
  const choice = (name: 'comparator' | 'unit', options: 'comparator' | 'measureUnit') => (
    <div class="field">
      <label for={`${props.id}-${name}`}>{pt(`sections.${name}`)}</label>
      <select
        id={`${props.id}-${name}`}
        value={props.target[name]}
        onChange={(e) => {
          const value = e.currentTarget.value
          props.update((t) => {
            if (name === 'comparator') t.comparator = value as Comparator
            else t.unit = value as MeasureUnit
          })
        }}
      >
        <For each={fmt.options(options)}>
          {(o) => (
            <option value={o.value} selected={o.value === props.target[name]}>
              {o.label}
            </option>
          )}
        </For>
      </select>
    </div>
  )
  return (
    <li class="target-edit" data-testid="target-edit" data-task={props.target.taskCode}>
      <p class="target-edit-head">
        <strong>{pt('sections.targetOf', { task: props.target.taskCode })}</strong>
        <Show when={props.target.text}>{(text) => <small class="muted"> — {pt('sections.asWritten', { text: text() })}</small>}</Show>
      </p>
      <div class="target-edit-fields">
        {field('metric', pt('sections.metric'), { class: 'wide' })}
        {choice('comparator', 'comparator')}
        {field('value', pt('sections.value'), { class: 'short', inputmode: 'decimal' })}
        <Show when={props.target.comparator === 'between'}>
          {field('valueMax', pt('sections.valueMax'), { class: 'short', inputmode: 'decimal' })}
        </Show>
        {choice('unit', 'measureUnit')}
        {field('year', pt('sections.year'), { class: 'short', inputmode: 'numeric' })}
      </div>
      <button type="button" class="link-button" onClick={() => props.remove()}>
        {pt('sections.remove')}
        <span class="sr-only"> {pt('sections.targetOf', { task: props.target.taskCode })}</span>
      </button>
    </li>
  )
}

/** A target typed as the plan would word it, read by the domain's target parser. */
function AddTarget(props: {
  id: string
  tasks: readonly { code: string; title: string }[]
  year: number
  onAdd: (t: TargetDraft[]) => void
}) {
  const pt = usePlanningText()
  const [task, setTask] = createSignal(props.tasks[0]?.code ?? '')
  const [text, setText] = createSignal('')
  const [none, setNone] = createSignal(false)
  const read = () => {
    const found = targetsFromText(text(), task() || (props.tasks[0]?.code ?? ''), props.year)
    setNone(found.length === 0)
    if (found.length === 0) {
      document.getElementById(`${props.id}-add-text`)?.focus()
      return
    }
    props.onAdd(found)
    setText('')
  }
  return (
    <div class="add-target" data-testid="add-target">
      <div class="row">
        <div class="field">
          <label for={`${props.id}-add-task`}>{pt('sections.addTask')}</label>
          <select id={`${props.id}-add-task`} value={task()} onChange={(e) => setTask(e.currentTarget.value)}>
            <For each={props.tasks}>
              {(t) => (
                <option value={t.code} selected={t.code === task()}>
                  {t.code}. {t.title.length > 60 ? `${t.title.slice(0, 59)}…` : t.title}
                </option>
              )}
            </For>
          </select>
        </div>
        <div class="field wide">
          <label for={`${props.id}-add-text`}>{pt('sections.addText')}</label>
          <input
            id={`${props.id}-add-text`}
            value={text()}
            placeholder={pt('sections.addHint')}
            aria-invalid={none()}
            aria-describedby={none() ? `${props.id}-add-error` : undefined}
            onInput={(e) => {
              setText(e.currentTarget.value)
              setNone(false)
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault()
                read()
              }
            }}
          />
          <Show when={none()}>
            <p class="field-error" id={`${props.id}-add-error`}>
              {pt('sections.addNone')}
            </p>
          </Show>
        </div>
      </div>
      <button type="button" onClick={read}>
        {pt('sections.add')}
      </button>
    </div>
  )
}
