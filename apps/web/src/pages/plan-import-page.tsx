import { foldText, frameworkById, type Assignee, type Plan } from '@papi/domain'
import { A, useNavigate } from '@solidjs/router'
import { createMemo, createSignal, For, Match, Show, Switch } from 'solid-js'
import { createStore, produce } from 'solid-js/store'
import { fieldError } from '../api/api-error'
import { unwrap } from '../api/papi-client'
import type { PlanDetail, PlanImportDryRun } from '../api/types'
import { DataTable } from '../components/data-table'
import { ErrorText } from '../components/error-text'
import { datedNames, UnitSelect } from '../components/unit-select'
import { useI18n } from '../i18n/i18n-context'
import { useFormat } from '../lib/use-format'
import { TimeframeText } from '../plans/timeframe-text'
import { standsForNoUnit, tasksWithoutLead, type UnmatchedName, unmatchedNames, withChosenUnits } from '../planning/import-draft'
import { usePlanningText } from '../planning/planning-messages'
import { PlanRevisionView } from '../planning/plan-revision-view'
import { draftProblems, type SectionDraft, sectionDrafts, withSectionDrafts } from '../planning/section-drafts'
import { SectionSettings } from '../planning/section-settings'
import { NamesToFix } from '../planning/names-to-fix'
import { UnitPicker } from '../planning/unit-picker'
import { useSession } from '../session/session-context'

/**
 * A planner brings a plan in from its document: upload → the importer's dry run (sections, tasks,
 * lead and coordinating units, the warnings) → pick a unit for each name that matched none → set
 * each section's dimension, weight and targets → save as a draft → publish. The server keeps nothing between the steps: the reviewed plan is posted
 * as JSON (`POST /plans`), so the choices made here are what is stored. When the document is a
 * plan already stored (same number, issuer and date), the dry run shows the revision instead and
 * the planner confirms it: the file is sent again with the stored version it was reviewed against
 * (`confirm=true&version=…`), which keeps task ids, filed reports and the units planners picked.
 */
export default function PlanImportPage() {
  const pt = usePlanningText()
  const session = useSession()
  const navigate = useNavigate()
  const [scopeUnitId, setScopeUnitId] = createSignal(session.overseenUnitId())
  const [file, setFile] = createSignal<File>()
  const [fileError, setFileError] = createSignal<string>()
  const [reading, setReading] = createSignal(false)
  const [readError, setReadError] = createSignal<unknown>()
  const [dryRun, setDryRun] = createSignal<PlanImportDryRun>()
  const [chosen, setChosen] = createSignal<ReadonlyMap<string, string>>(new Map())
  // A revision: the names its document leaves without a unit (as first previewed), and the picks
  // the shown revision was worked out with — the confirm sends those, so what is stored is what was seen.
  const [revisionNames, setRevisionNames] = createSignal<readonly UnmatchedName[]>([])
  const [previewedPicks, setPreviewedPicks] = createSignal<ReadonlyMap<string, string>>(new Map())
  const picksChanged = () => picksText(chosen()) !== picksText(previewedPicks())
  // The standing agency (cơ quan thường trực) consolidates the reports; the planner's own unit by default.
  const [agencyId, setAgencyId] = createSignal<string | undefined>(session.homeUnitId())
  const [saved, setSaved] = createSignal<PlanDetail>()
  const [busy, setBusy] = createSignal<'save' | 'publish' | 'revise'>()
  const [revised, setRevised] = createSignal<string>()
  const [actionError, setActionError] = createSignal<unknown>()
  const [published, setPublished] = createSignal(false)
  // What the planner sets on each section (dimension, weight, targets), as typed: a store, so a
  // keystroke changes one field and the other inputs keep their focus.
  const [drafts, setDrafts] = createStore<{ list: SectionDraft[] }>({ list: [] })
  const [draftError, setDraftError] = createSignal<string>()
  const updateDraft = (index: number, change: (draft: SectionDraft) => void) => {
    setDrafts('list', index, produce(change))
    setDraftError(undefined)
  }

  const allowed = () => session.can('plan.manage', scopeUnitId())
  // Once the document is read, its units are named as they were on its date.
  const asOf = () => planDateOf(dryRun())

  const preview = (e: Event) => {
    e.preventDefault()
    void readDocument(new Map())
  }

  /** The dry run of the chosen file; for a stored plan, with the units picked for its open names. */
  const readDocument = async (picks: ReadonlyMap<string, string>) => {
    const f = file()
    if (f === undefined) {
      setFileError(pt('import.fileMissing'))
      document.getElementById('import-file')?.focus()
      return
    }
    setFileError(undefined)
    setReadError(undefined)
    setReading(true)
    try {
      const form = picks.size > 0 ? { file: f, picks: picksText(picks) } : { file: f }
      const answer = await unwrap(session.api.plans.import.$post({ query: { scopeUnitId: scopeUnitId() ?? '' }, form }))
      if ('dryRun' in answer) {
        setDryRun(answer)
        setPreviewedPicks(picks)
        if (picks.size === 0) {
          setChosen(new Map())
          setRevisionNames(answer.stored?.revision?.unmatched ?? [])
        }
        setDrafts('list', answer.plan ? sectionDrafts(answer.plan) : [])
        setDraftError(undefined)
        setSaved(undefined)
        setRevised(undefined)
        setPublished(false)
        setActionError(undefined)
        queueMicrotask(() => document.getElementById(picks.size > 0 ? 'revision-title' : 'import-preview-title')?.focus())
      }
    } catch (error) {
      setReadError(error)
    } finally {
      setReading(false)
    }
  }

  const save = async () => {
    const run = dryRun()
    if (run?.plan === null || run === undefined) return
    // The same checks as the API's schema, each message under its field: nothing is sent until they pass.
    const problems = [...draftProblems(drafts.list).values()].reduce((n, p) => n + p.size, 0)
    if (problems > 0) {
      setDraftError(pt('sections.problems', { count: problems }))
      showFirstProblem()
      return
    }
    setBusy('save')
    setActionError(undefined)
    try {
      const agency = session.units()?.find((u) => u.id === agencyId())
      const plan: Plan = {
        ...withSectionDrafts(withChosenUnits(run.plan, chosen(), standsForNoUnit(session.tree(), scopeUnitId())), drafts.list),
        ...(agency ? { standingAgency: { text: datedNames(session, asOf())?.get(agency.id) ?? agency.name, unitId: agency.id } } : {}),
      }
      const stored = await unwrap(session.api.plans.$post({ json: plan }))
      setSaved(stored)
      queueMicrotask(() => document.getElementById('import-outcome')?.focus())
    } catch (error) {
      setActionError(error)
    } finally {
      setBusy(undefined)
    }
  }

  const confirmRevision = async () => {
    const stored = dryRun()?.stored
    const f = file()
    if (stored?.revision === undefined || f === undefined) return
    setBusy('revise')
    setActionError(undefined)
    try {
      const query = { scopeUnitId: scopeUnitId() ?? '', confirm: 'true' as const, version: String(stored.revision.basedOn.version) }
      const picks = previewedPicks()
      const form = picks.size > 0 ? { file: f, picks: picksText(picks) } : { file: f }
      const answer = await unwrap(session.api.plans.import.$post({ query, form }))
      if (!('dryRun' in answer)) setRevised(answer.id)
      queueMicrotask(() => document.getElementById('import-outcome')?.focus())
    } catch (error) {
      setActionError(error)
    } finally {
      setBusy(undefined)
    }
  }

  const publish = async () => {
    const draft = saved()
    if (draft === undefined) return
    setBusy('publish')
    setActionError(undefined)
    try {
      const after = await unwrap(session.api.plans[':id'].publish.$post({ param: { id: draft.id }, json: { version: draft.version } }))
      setSaved(after)
      setPublished(true)
      queueMicrotask(() => document.getElementById('import-outcome')?.focus())
    } catch (error) {
      setActionError(error)
    } finally {
      setBusy(undefined)
    }
  }

  return (
    <section class="page planning">
      <div class="page-head">
        <h1>{pt('import.title')}</h1>
      </div>
      <Show when={allowed()} fallback={<p class="card">{pt('import.noPermission')}</p>}>
        <form class="card" onSubmit={preview} noValidate aria-busy={reading()}>
          <p>{pt('import.intro')}</p>
          <div class="grid-2">
            <UnitSelect id="import-scope" label={pt('import.scope')} value={scopeUnitId()} onChange={setScopeUnitId} asOf={asOf()} />
            <div class="field">
              <label for="import-file">{pt('import.file')}</label>
              <input
                id="import-file"
                type="file"
                accept=".txt,.docx,.xlsx,.csv,text/plain,text/csv"
                aria-describedby={fileError() === undefined ? 'import-file-hint' : 'import-file-hint import-file-error'}
                aria-invalid={fileError() !== undefined}
                onChange={(e) => {
                  setFile(e.currentTarget.files?.[0])
                  setFileError(undefined)
                }}
              />
              <small id="import-file-hint" class="muted">
                {pt('import.fileHint')}
              </small>
              <Show when={fileError()}>
                <p class="field-error" id="import-file-error">
                  {fileError()}
                </p>
              </Show>
            </div>
          </div>
          <div class="actions">
            <button type="submit" class="primary" disabled={reading()}>
              {reading() ? pt('import.reading') : pt('import.preview')}
            </button>
          </div>
          <ErrorText error={readError()} />
        </form>
        <Show when={dryRun()}>
          {(run) => (
            <Preview
              run={run()}
              scopeUnitId={scopeUnitId()}
              chosen={chosen()}
              onChoose={setChosen}
              locked={saved() !== undefined}
              drafts={drafts.list}
              updateDraft={updateDraft}
              saveError={actionError()}
            />
          )}
        </Show>
        <Show when={dryRun()?.stored}>
          {(stored) => (
            <>
              <PlanRevisionView stored={stored()} />
              <Show when={revisionNames().length > 0}>
                <NamesToFix
                  id="revision-fix"
                  testId="revision-fix"
                  title={pt('revision.fixTitle', { count: revisionNames().length })}
                  intro={pt('revision.fixIntro')}
                  names={revisionNames()}
                  scopeUnitId={scopeUnitId()}
                  asOf={asOf()}
                  chosen={chosen()}
                  onChoose={setChosen}
                  locked={revised() !== undefined || busy() !== undefined}
                />
              </Show>
              {/* Nothing to confirm when the document says what is stored and no unit was picked. */}
              <Show when={stored().outcome === 'updated' || revised() !== undefined || picksChanged()}>
                <div class="card" data-testid="revision-actions">
                  <Show when={revised()}>
                    {(id) => (
                      <p id="import-outcome" tabIndex={-1} role="status" class="ok-text">
                        {pt('revision.done', { number: stored().number })}{' '}
                        <A href={`/plans/${encodeURIComponent(id())}`}>{pt('import.openPlan')}</A>
                      </p>
                    )}
                  </Show>
                  <ErrorText error={actionError()} />
                  <Show when={revised() === undefined && picksChanged()}>
                    <p data-testid="revision-repreview-note">{pt('revision.repreviewNote')}</p>
                  </Show>
                  <div class="actions">
                    <Show when={revised() === undefined && picksChanged()}>
                      <button
                        type="button"
                        class="primary"
                        disabled={reading() || busy() !== undefined}
                        onClick={() => void readDocument(chosen())}
                      >
                        {reading() ? pt('import.reading') : pt('revision.repreview')}
                      </button>
                    </Show>
                    <Show when={revised() === undefined && !picksChanged() && stored().outcome === 'updated'}>
                      <button type="button" class="primary" disabled={busy() !== undefined} onClick={() => void confirmRevision()}>
                        {busy() === 'revise' ? pt('revision.confirming') : pt('revision.confirm')}
                      </button>
                    </Show>
                  </div>
                </div>
              </Show>
            </>
          )}
        </Show>
        <Show when={dryRun()?.plan && dryRun()?.stored === undefined}>
          <div class="card" data-testid="import-actions">
            <fieldset class="plain" disabled={saved() !== undefined}>
              <UnitPicker
                id="import-agency"
                within={scopeUnitId()}
                asOf={asOf()}
                label={pt('import.agency')}
                searchLabel={pt('import.agencySearch')}
                emptyLabel={pt('import.fixUnset')}
                value={agencyId()}
                onChange={(id) => setAgencyId(id === '' ? undefined : id)}
              />
            </fieldset>
            <Show when={saved()}>
              {(plan) => (
                <p id="import-outcome" tabIndex={-1} role="status" class="ok-text">
                  {published() ? pt('import.published', { number: plan().number }) : pt('import.saved', { number: plan().number })}{' '}
                  <A href={`/plans/${encodeURIComponent(plan().id)}`}>{pt('import.openPlan')}</A>
                </p>
              )}
            </Show>
            <Show when={draftError()}>
              <p class="error" role="alert" data-testid="sections-problems">
                {draftError()}
              </p>
            </Show>
            <ErrorText error={actionError()} />
            <div class="actions">
              <Switch>
                <Match when={saved() === undefined}>
                  <button type="button" class="primary" disabled={busy() !== undefined} onClick={() => void save()}>
                    {busy() === 'save' ? pt('import.saving') : pt('import.save')}
                  </button>
                </Match>
                <Match when={!published()}>
                  <button type="button" class="primary" disabled={busy() !== undefined} onClick={() => void publish()}>
                    {busy() === 'publish' ? pt('import.publishing') : pt('import.publish')}
                  </button>
                </Match>
                <Match when={published()}>
                  <button type="button" onClick={() => navigate(`/plans/${encodeURIComponent(saved()?.id ?? '')}`)}>
                    {pt('import.openPlan')}
                  </button>
                </Match>
              </Switch>
            </div>
          </div>
        </Show>
      </Show>
    </section>
  )
}

/** Picks as the API takes them: a JSON object, folded name → unit id, in a stable order. */
function picksText(picks: ReadonlyMap<string, string>): string {
  return JSON.stringify(Object.fromEntries([...picks].sort(([a], [b]) => a.localeCompare(b))))
}

/** Opens the section holding the first field in error and puts the focus on that field. */
function showFirstProblem() {
  queueMicrotask(() => {
    const field = document.querySelector<HTMLElement>('#import-sections [aria-invalid="true"]')
    const section = field?.closest('details')
    if (section) section.open = true
    field?.focus()
  })
}

/** The message the API's 422 gave for a section's field (`sections.<i>.<field>`), if any. */
/** The date of the plan a dry run read (yyyy-mm-dd), when it found one. */
export function planDateOf(run: PlanImportDryRun | undefined): string | undefined {
  const day = run?.plan?.issuedOn ?? run?.import.plan.issuedOn
  return day !== undefined && /^\d{4}-\d{2}-\d{2}$/.test(day) ? day : undefined
}

/** What the importer read: the plan's facts, its warnings, the names to fix and every task. */
function Preview(props: {
  run: PlanImportDryRun
  /** The plan's scope: the units offered for a name are those inside it. */
  scopeUnitId: string | undefined
  chosen: ReadonlyMap<string, string>
  onChoose: (next: ReadonlyMap<string, string>) => void
  locked: boolean
  /** Each section's dimension, weight and targets as the planner sets them (a first import only). */
  drafts: readonly SectionDraft[]
  updateDraft: (index: number, change: (draft: SectionDraft) => void) => void
  saveError: unknown
}) {
  const pt = usePlanningText()
  const fmt = useFormat()
  const session = useSession()
  const header = () => props.run.import.plan
  const sections = () => props.run.plan?.sections ?? []
  const taskCount = () => sections().reduce((n, s) => n + s.tasks.length, 0)
  const { locale } = useI18n()
  const dimensions = createMemo(() => {
    const id = props.run.plan?.frameworkId
    return (id === undefined ? undefined : (frameworkById(id)?.dimensions ?? [])) ?? []
  })
  const dimensionName = (key: string) => dimensions().find((d) => d.key === key)?.name[locale()] ?? key
  const dimensionOptions = () => dimensions().map((d) => ({ key: d.key, name: d.name[locale()] }))
  const problems = createMemo(() => draftProblems(props.drafts))
  const settable = () => props.run.stored === undefined && props.drafts.length === sections().length
  // A section's fields are built when it is first opened (Lào Cai's 10 sections hold 70 targets,
  // some 500 fields), and kept while one of them is refused, so saving can open it on the field.
  const [opened, setOpened] = createSignal<ReadonlySet<number>>(new Set())
  // Names matched to nothing, and classes with no unit in the scope ("Công chức liên quan").
  const open = createMemo(() => standsForNoUnit(session.tree(), props.scopeUnitId))
  const names = createMemo(() => unmatchedNames({ sections: sections() }, open()))
  const noLead = createMemo(() => new Set(tasksWithoutLead({ sections: sections() })))
  const asOf = () => planDateOf(props.run)
  const unitName = (id: string) => datedNames(session, asOf())?.get(id) ?? session.units()?.find((u) => u.id === id)?.name ?? id
  const assigneeText = (a: Assignee) => {
    if (!open()(a)) return a.text
    const picked = props.chosen.get(foldText(a.text))
    return picked === undefined ? a.text : `${a.text} → ${unitName(picked)}`
  }
  return (
    <>
      <section class="card" aria-labelledby="import-preview-title" data-testid="import-preview">
        <h2 id="import-preview-title" tabIndex={-1}>
          {pt('import.previewTitle', { number: props.run.plan?.number || header().number || pt('import.noNumber') })}
        </h2>
        <p class="lead-text">{header().title}</p>
        <dl class="facts">
          <dt>{pt('import.issuer')}</dt>
          <dd>{header().issuer || '—'}</dd>
          <dt>{pt('import.issuedOn')}</dt>
          <dd>{fmt.date(header().issuedOn)}</dd>
          <dt>{pt('import.index')}</dt>
          <dd>
            {fmt.label('indexKind', header().index)}
            <Show when={header().years}>{(y) => <> · {fmt.years(y())}</>}</Show>
          </dd>
          <Show when={header().parentPlanNumber}>
            <dt>{pt('plan.parent')}</dt>
            <dd>{header().parentPlanNumber}</dd>
          </Show>
        </dl>
        <p data-testid="import-summary">
          {pt('import.summary', { sections: sections().length, tasks: taskCount(), warnings: props.run.import.warnings.length })}
        </p>
        <Show when={props.run.problem}>
          <p class="error" role="alert">
            {pt('import.problem', { problem: props.run.problem ?? '' })}
          </p>
        </Show>
        <details>
          <summary>{pt('import.warnings', { count: props.run.import.warnings.length })}</summary>
          <Show when={props.run.import.warnings.length > 0} fallback={<p>{pt('import.warningsNone')}</p>}>
            <ul class="warnings" data-testid="import-warnings">
              <For each={props.run.import.warnings}>
                {(w) => (
                  <li>
                    <Show when={w.where.task}>{(task) => <strong>{pt('import.warningAt', { task: task() })}: </strong>}</Show>
                    {w.message}
                  </li>
                )}
              </For>
            </ul>
          </Show>
        </details>
      </section>
      {/* A revision lists the names its revised plan leaves open (units picked before are kept) with the revision. */}
      <Show when={props.run.stored === undefined}>
        <NamesToFix
          id="fix"
          testId="import-fix"
          title={pt('import.fixTitle', { count: names().length })}
          intro={pt('import.fixIntro')}
          names={names()}
          scopeUnitId={props.scopeUnitId}
          asOf={asOf()}
          chosen={props.chosen}
          onChoose={props.onChoose}
          locked={props.locked}
        />
      </Show>
      <section class="card" aria-labelledby="import-sections-title" id="import-sections">
        <h2 id="import-sections-title">{pt('import.sections')}</h2>
        <Show when={settable()}>
          <p class="muted">{pt('sections.intro')}</p>
        </Show>
        <For each={sections()}>
          {(section, index) => {
            const draft = () => (settable() ? props.drafts[index()] : undefined)
            const dimension = () => (draft() === undefined ? section.dimension : draft()?.dimension || undefined)
            return (
              <details
                class="import-section"
                data-testid="import-section"
                data-task-codes={section.tasks.map((t) => t.code).join(' ')}
                onToggle={(e) => {
                  if (e.currentTarget.open && !opened().has(index())) setOpened(new Set([...opened(), index()]))
                }}
              >
                <summary>
                  {section.code}. {section.title} <small class="muted">({section.tasks.length})</small>
                  <Show when={dimension()}>
                    {(d) => <small class="muted"> · {pt('import.dimension', { dimension: dimensionName(d()) })}</small>}
                  </Show>
                  <Show when={draft()?.weight.trim()}>
                    {(w) => <small class="muted"> · {pt('sections.weightShown', { weight: w() })}</small>}
                  </Show>
                </summary>
                <Show when={(opened().has(index()) || problems().has(draft()?.code ?? '')) && draft()}>
                  {(d) => (
                    <SectionSettings
                      id={`section-${index()}`}
                      draft={d()}
                      tasks={section.tasks}
                      dimensions={dimensionOptions()}
                      year={props.run.plan?.years.to ?? new Date().getFullYear()}
                      problems={problems().get(d().code)}
                      weightError={fieldError(props.saveError, ['sections', index(), 'weight'])}
                      disabled={props.locked}
                      update={(change) => props.updateDraft(index(), change)}
                    />
                  )}
                </Show>
                <DataTable
                  stackOnPhone
                  filterable={false}
                  rows={section.tasks}
                  columns={[
                    { key: 'code', header: pt('import.code'), cell: (task) => task.code },
                    { key: 'title', header: pt('import.task'), cell: (task) => task.title },
                    {
                      key: 'lead',
                      header: pt('import.lead'),
                      cell: (task) => (
                        <Show when={!noLead().has(task.code)} fallback={<span class="badge warn">{pt('import.noLead')}</span>}>
                          <Names
                            list={task.lead}
                            text={assigneeText}
                            open={open()}
                            unmatched={pt('import.unmatched')}
                            chosen={props.chosen}
                          />
                        </Show>
                      ),
                    },
                    {
                      key: 'coordinators',
                      header: pt('import.coordinators'),
                      cell: (task) => (
                        <Names
                          list={task.coordinators}
                          text={assigneeText}
                          open={open()}
                          unmatched={pt('import.unmatched')}
                          chosen={props.chosen}
                        />
                      ),
                    },
                    { key: 'timeframe', header: pt('import.timeframe'), cell: (task) => <TimeframeText timeframe={task.timeframe} /> },
                  ]}
                />
              </details>
            )
          }}
        </For>
      </section>
    </>
  )
}

function Names(props: {
  list: Assignee[]
  text: (a: Assignee) => string
  open: (a: Assignee) => boolean
  unmatched: string
  chosen: ReadonlyMap<string, string>
}) {
  return (
    <ul class="assignees">
      <For each={props.list}>
        {(a) => (
          <li>
            {props.text(a)}
            <Show when={props.open(a) && !props.chosen.has(foldText(a.text))}>
              {' '}
              <span class="badge bad">{props.unmatched}</span>
            </Show>
          </li>
        )}
      </For>
    </ul>
  )
}
