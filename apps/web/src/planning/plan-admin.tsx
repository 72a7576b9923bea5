import { parsePeriod } from '@papi/domain'
import { createResource, createSignal, For, Show } from 'solid-js'
import { fieldError } from '../api/api-error'
import { unwrap } from '../api/papi-client'
import type { PeriodDto, PlanDetail } from '../api/types'
import { Async } from '../components/async'
import { createAction } from '../components/create-action'
import { ErrorText } from '../components/error-text'
import { useFormat } from '../lib/use-format'
import { useSession } from '../session/session-context'
import { planForUpdate } from './import-draft'
import { usePlanningText } from './planning-messages'

/**
 * What a planner does to a plan after importing it: publish a draft, link the plan it implements,
 * and run its reporting periods (open one, move a deadline, lock and unlock); the period report's
 * texts are the plan page's own block, since its standing agency writes them too. Shown to those the
 * API grants `plan.manage` on the plan's scope; the API checks every call again.
 */
export default function PlanAdmin(props: { plan: PlanDetail; notice: string | undefined; onChanged: (message: string) => void }) {
  const pt = usePlanningText()
  return (
    <section class="card planning" aria-labelledby="plan-admin-title" data-testid="plan-admin">
      <h2 id="plan-admin-title">{pt('plan.manage')}</h2>
      <p role="status" class="ok-text" data-testid="plan-admin-status">
        {props.notice}
      </p>
      <Show when={props.plan.status === 'draft'}>
        <PublishDraft plan={props.plan} onChanged={props.onChanged} />
      </Show>
      <ParentPlan plan={props.plan} onChanged={props.onChanged} />
      <Signer plan={props.plan} onChanged={props.onChanged} />
      <Show when={props.plan.status === 'published'}>
        <Periods plan={props.plan} />
      </Show>
    </section>
  )
}

function PublishDraft(props: { plan: PlanDetail; onChanged: (message: string) => void }) {
  const pt = usePlanningText()
  const session = useSession()
  const { busy, error, run } = createAction()
  const publish = async () => {
    await run(async () => {
      await unwrap(session.api.plans[':id'].publish.$post({ param: { id: props.plan.id }, json: { version: props.plan.version } }))
      props.onChanged(pt('plan.published'))
    })
  }
  return (
    <div class="admin-block">
      <p>{pt('plan.draftNote')}</p>
      <ErrorText error={error()} />
      <button type="button" class="primary" disabled={busy()} onClick={() => void publish()}>
        {busy() ? pt('plan.publishing') : pt('plan.publish')}
      </button>
    </div>
  )
}

function ParentPlan(props: { plan: PlanDetail; onChanged: (message: string) => void }) {
  const pt = usePlanningText()
  const session = useSession()
  const [plans] = createResource(() => unwrap(session.api.plans.$get()))
  const [parentId, setParentId] = createSignal(props.plan.parentPlanId ?? '')
  const { busy, error, run } = createAction()
  const save = async (e: Event) => {
    e.preventDefault()
    await run(async () => {
      const parent = plans()?.find((p) => p.id === parentId())
      const body = planForUpdate(props.plan, {
        parentPlanId: parent?.id,
        ...(parent ? { parentPlanNumber: parent.number } : {}),
      })
      if (!parent) delete body.parentPlanId
      await unwrap(session.api.plans[':id'].$put({ param: { id: props.plan.id }, json: body }))
      props.onChanged(pt('plan.parentSaved'))
    })
  }
  return (
    <form class="admin-block" onSubmit={save} data-testid="parent-plan">
      <h3>{pt('plan.parent')}</h3>
      <div class="field">
        <label for="parent-plan">{pt('plan.parent')}</label>
        <select
          id="parent-plan"
          aria-describedby="parent-plan-hint"
          value={parentId()}
          onChange={(e) => {
            setParentId(e.currentTarget.value)
          }}
        >
          <option value="">{pt('plan.parentNone')}</option>
          <For each={(plans.latest ?? []).filter((p) => p.id !== props.plan.id)}>
            {(p) => (
              <option value={p.id} selected={p.id === parentId()}>
                {p.number} — {p.title}
              </option>
            )}
          </For>
        </select>
        <small id="parent-plan-hint" class="muted">
          {pt('plan.parentHint')}
          <Show when={props.plan.parentPlanNumber && !props.plan.parentPlanId}>
            {' '}
            {pt('plan.parentWritten', { number: props.plan.parentPlanNumber ?? '' })}
          </Show>
        </small>
      </div>
      <ErrorText error={error()} />
      <div class="actions">
        <button type="submit" disabled={busy()}>
          {pt('plan.parentSave')}
        </button>
      </div>
    </form>
  )
}

/** Who signs the plan's documents (the period report's signature block names them). */
function Signer(props: { plan: PlanDetail; onChanged: (message: string) => void }) {
  const pt = usePlanningText()
  const session = useSession()
  const [name, setName] = createSignal(props.plan.signer ?? '')
  const { busy, error, run } = createAction()
  const save = async (e: Event) => {
    e.preventDefault()
    await run(async () => {
      const body = planForUpdate(props.plan, { signer: name().trim() })
      if (name().trim() === '') delete body.signer
      await unwrap(session.api.plans[':id'].$put({ param: { id: props.plan.id }, json: body }))
      props.onChanged(pt('plan.signerSaved'))
    })
  }
  return (
    <form class="admin-block" onSubmit={save} data-testid="plan-signer">
      <h3>{pt('plan.signer')}</h3>
      <div class="field">
        <label for="plan-signer">{pt('plan.signerName')}</label>
        <input
          id="plan-signer"
          value={name()}
          autocomplete="off"
          aria-describedby={fieldError(error(), 'signer') === undefined ? 'plan-signer-hint' : 'plan-signer-hint plan-signer-error'}
          aria-invalid={fieldError(error(), 'signer') !== undefined}
          onInput={(e) => setName(e.currentTarget.value)}
        />
        <small id="plan-signer-hint" class="muted">
          {pt('plan.signerHint')}
        </small>
        <Show when={fieldError(error(), 'signer')}>
          <p class="field-error" id="plan-signer-error">
            {fieldError(error(), 'signer')}
          </p>
        </Show>
      </div>
      <Show when={fieldError(error(), 'signer') === undefined}>
        <ErrorText error={error()} />
      </Show>
      <div class="actions">
        <button type="submit" disabled={busy() || name().trim() === (props.plan.signer ?? '')}>
          {pt('plan.signerSave')}
        </button>
      </div>
    </form>
  )
}

function Periods(props: { plan: PlanDetail }) {
  const pt = usePlanningText()
  const session = useSession()
  const [periods, { refetch, mutate }] = createResource(
    () => props.plan.id,
    (id) => unwrap(session.api.plans[':id'].periods.$get({ param: { id } })),
  )
  const [status, setStatus] = createSignal<string>()
  const replace = (next: PeriodDto) => mutate((list) => (list ?? []).map((p) => (p.code === next.code ? next : p)))
  return (
    <div class="admin-block" data-testid="plan-periods">
      <h3>{pt('periods.title')}</h3>
      <p class="muted">{pt('periods.intro')}</p>
      <Async of={periods} retry={refetch}>
        {(list) => (
          <Show when={list.length > 0} fallback={<p>{pt('periods.empty')}</p>}>
            <div class="table-wrap">
              <table class="stack">
                <thead>
                  <tr>
                    <th scope="col">{pt('periods.period')}</th>
                    <th scope="col">{pt('periods.window')}</th>
                    <th scope="col">{pt('periods.due')}</th>
                    <th scope="col">{pt('periods.deadlines')}</th>
                    <th scope="col">{pt('periods.state')}</th>
                  </tr>
                </thead>
                <tbody>
                  <For each={list}>
                    {(period) => (
                      <PeriodRow
                        plan={props.plan}
                        period={period}
                        onSaved={(p, message) => {
                          replace(p)
                          setStatus(message)
                        }}
                      />
                    )}
                  </For>
                </tbody>
              </table>
            </div>
          </Show>
        )}
      </Async>
      <p role="status" class="ok-text" data-testid="periods-status">
        {status()}
      </p>
      <OpenPeriod
        plan={props.plan}
        onOpened={(p) => {
          mutate((list) => [...(list ?? []), p])
          setStatus(pt('periods.opened', { period: p.label }))
        }}
      />
    </div>
  )
}

function PeriodRow(props: { plan: PlanDetail; period: PeriodDto; onSaved: (p: PeriodDto, message: string) => void }) {
  const pt = usePlanningText()
  const fmt = useFormat()
  const session = useSession()
  const [due, setDue] = createSignal(props.period.dueOn)
  const [grace, setGrace] = createSignal(String(props.period.graceDays))
  const { busy, error, run } = createAction()
  const id = (what: string) => `period-${props.period.code}-${what}`
  const patch = async (change: { dueOn?: string; locked?: boolean; graceDays?: number }) => {
    await run(async () => {
      // The version this row shows: a period someone changed meanwhile is refused (409), not overwritten.
      const json = { ...change, version: props.period.version }
      const next = await unwrap(
        session.api.plans[':id'].periods[':periodId'].$patch({ param: { id: props.plan.id, periodId: props.period.code }, json }),
      )
      props.onSaved(next, pt('periods.saved', { period: next.label }))
    })
  }
  const dueError = () => fieldError(error(), 'dueOn') ?? fieldError(error(), 'graceDays')
  const unchanged = () => due() === props.period.dueOn && grace() === String(props.period.graceDays)
  return (
    <tr data-testid={`period-${props.period.code}`}>
      <td data-label={pt('periods.period')}>
        <strong>{props.period.label}</strong>
      </td>
      <td data-label={pt('periods.window')}>
        {fmt.date(props.period.cutoffStart)} – {fmt.date(props.period.cutoffEnd)}
      </td>
      <td data-label={pt('periods.due')}>
        <form
          class="period-due"
          onSubmit={(e) => {
            e.preventDefault()
            // Grace days: how long after the deadline a report still counts as on time.
            void patch({ dueOn: due(), graceDays: Number(grace()) })
          }}
        >
          <label class="sr-only" for={id('due')}>
            {pt('periods.editDue', { period: props.period.label })}
          </label>
          <input
            id={id('due')}
            type="date"
            value={due()}
            disabled={props.period.locked || busy()}
            aria-invalid={dueError() !== undefined}
            aria-describedby={error() === undefined ? undefined : id('error')}
            onInput={(e) => setDue(e.currentTarget.value)}
          />
          <label for={id('grace')}>{pt('periods.graceDays')}</label>
          <input
            id={id('grace')}
            type="number"
            min="0"
            max="60"
            step="1"
            inputmode="numeric"
            class="period-grace"
            value={grace()}
            disabled={props.period.locked || busy()}
            aria-invalid={fieldError(error(), 'graceDays') !== undefined}
            aria-describedby={error() === undefined ? undefined : id('error')}
            onInput={(e) => setGrace(e.currentTarget.value)}
          />
          <button type="submit" disabled={props.period.locked || busy() || unchanged()}>
            {pt('periods.save')}
            <span class="sr-only"> {props.period.label}</span>
          </button>
        </form>
        <Show when={error()}>
          <p class="field-error" id={id('error')} role="alert">
            {dueError() ?? (error() instanceof Error ? (error() as Error).message : String(error()))}
          </p>
        </Show>
      </td>
      <td data-label={pt('periods.deadlines')}>
        <small>
          {pt('periods.levelDeadlines', {
            commune: fmt.date(props.period.deadlines.commune),
            district: fmt.date(props.period.deadlines.district),
            province: fmt.date(props.period.deadlines.province),
          })}
        </small>
      </td>
      <td data-label={pt('periods.state')}>
        <span class={`badge ${props.period.locked ? 'warn' : 'ok'}`}>
          {props.period.locked ? pt('periods.locked') : pt('periods.open')}
        </span>{' '}
        <button
          type="button"
          class="link-button"
          disabled={busy()}
          aria-label={
            props.period.locked ? pt('periods.unlock', { period: props.period.label }) : pt('periods.lock', { period: props.period.label })
          }
          onClick={() => void patch({ locked: !props.period.locked })}
        >
          {props.period.locked ? pt('periods.unlockShort') : pt('periods.lockShort')}
        </button>
      </td>
    </tr>
  )
}

function OpenPeriod(props: { plan: PlanDetail; onOpened: (p: PeriodDto) => void }) {
  const pt = usePlanningText()
  const fmt = useFormat()
  const session = useSession()
  const [periodId, setPeriodId] = createSignal('')
  const [due, setDue] = createSignal('')
  const [localError, setLocalError] = createSignal<string>()
  const { busy, error, run } = createAction()
  const valid = () => {
    const id = periodId().trim().toUpperCase()
    return id !== '' && parsePeriod(id).ok ? id : undefined
  }
  // What Decree 09/2019 gives the period by default, asked of the API once the id reads as one.
  const [defaults] = createResource(valid, (id) => unwrap(session.api.periods[':periodId'].$get({ param: { periodId: id } })))
  const idError = () => localError() ?? fieldError(error(), 'periodId')
  const submit = async (e: Event) => {
    e.preventDefault()
    const raw = periodId().trim().toUpperCase()
    if (raw === '') {
      setLocalError(pt('periods.idMissing'))
      document.getElementById('new-period-id')?.focus()
      return
    }
    const parsed = parsePeriod(raw)
    if (!parsed.ok) {
      setLocalError(pt('periods.idInvalid', { id: raw }))
      document.getElementById('new-period-id')?.focus()
      return
    }
    setLocalError(undefined)
    await run(async () => {
      const opened = await unwrap(
        session.api.plans[':id'].periods.$post({
          param: { id: props.plan.id },
          json: { periodId: raw, ...(due() ? { dueOn: due() } : {}) },
        }),
      )
      props.onOpened(opened)
      setPeriodId('')
      setDue('')
    })
  }
  return (
    <form class="open-period" onSubmit={submit} noValidate data-testid="open-period">
      <h4>{pt('periods.new')}</h4>
      <div class="row">
        <div class="field">
          <label for="new-period-id">{pt('periods.newId')}</label>
          <input
            id="new-period-id"
            value={periodId()}
            autocomplete="off"
            aria-invalid={idError() !== undefined}
            aria-describedby={idError() === undefined ? 'new-period-hint' : 'new-period-hint new-period-error'}
            onInput={(e) => {
              setPeriodId(e.currentTarget.value)
              setLocalError(undefined)
            }}
          />
          <small id="new-period-hint" class="muted">
            {pt('periods.newIdHint')}
          </small>
          <Show when={idError()}>
            <p class="field-error" id="new-period-error">
              {idError()}
            </p>
          </Show>
        </div>
        <div class="field">
          <label for="new-period-due">{pt('periods.newDue')}</label>
          <input id="new-period-due" type="date" value={due()} onInput={(e) => setDue(e.currentTarget.value)} />
        </div>
      </div>
      <Show when={valid() === undefined ? undefined : defaults.latest}>
        {(d) => (
          <p class="muted" data-testid="period-defaults">
            {pt('periods.defaults', {
              label: d().label,
              from: fmt.date(d().cutoffStart),
              to: fmt.date(d().cutoffEnd),
              due: fmt.date(d().deadlines.province),
            })}
          </p>
        )}
      </Show>
      <Show when={fieldError(error(), 'periodId') === undefined}>
        <ErrorText error={error()} />
      </Show>
      <div class="actions">
        <button type="submit" class="primary" disabled={busy()}>
          {pt('periods.openButton')}
        </button>
      </div>
    </form>
  )
}
