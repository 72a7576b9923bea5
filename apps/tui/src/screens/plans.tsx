/** @jsxRuntime automatic */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { enumLabel, formatDate, type PlanStatus } from '@papi/domain'
import { useCallback, useEffect, useReducer, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import { planImportReducer, previewLines, revisionLines, revisionOf, type ImportPreview } from './plan-import-reducer'
import type { ScreenProps } from './screen'

export interface PlanRow {
  id: string
  number: string
  title: string
  issuedOn: string
  status: PlanStatus
  taskCount: number
  version: number
}

/**
 * Plans: the list; import a document through its dry-run preview — for a plan already stored, the
 * revision it would make, task by task and unit by unit, confirmed before anything is written;
 * publish; delete a draft.
 */
export function PlansScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const [plans, setPlans] = useState<PlanRow[]>([])
  const [loading, setLoading] = useState(true)
  const [, dispatch] = useReducer(planImportReducer, { step: 'idle' })
  const reload = useCallback(
    () =>
      ui.act(async () => {
        setPlans(await ok(api.api.v1.plans.$get({ query: {} }), locale))
        setLoading(false)
      }),
    [api],
  )
  useEffect(() => void reload(), [reload])

  /** A dry run without `confirm`; with it, the store — of a revision, naming the stored version it was reviewed against. */
  const upload = (data: Uint8Array, file: string, scopeUnitId: string, confirm?: { version?: number | undefined }) =>
    ok(
      api.api.v1.plans.import.$post({
        query: {
          scopeUnitId,
          ...(confirm && { confirm: 'true' as const }),
          ...(confirm?.version !== undefined && { version: String(confirm.version) }),
        },
        form: { file: new File([data as Uint8Array<ArrayBuffer>], basename(file)) },
      }),
      locale,
    )

  const importPlan = async () => {
    const file = await ui.ask(m.filePath)
    if (!file) return
    const code = await ui.ask(m.scopeCode)
    if (!code) return
    const units = await ok(api.api.v1.units.$get({ query: {} }), locale)
    const scope = units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase())
    if (!scope) throw new Error(m.noUnitCode(code))
    const data = await readFile(file.trim()).catch(() => {
      throw new Error(m.fileMissing(file))
    })
    dispatch({ type: 'start', file, scopeUnitId: scope.id })
    ui.progress(basename(file), undefined)
    const dry = await upload(data, file, scope.id)
    // Without `confirm` the API only reads the document: an answer that stored a plan is a bug.
    if (!('dryRun' in dry)) throw new Error('POST /plans/import without confirm answered a stored plan')
    const revision = revisionOf(dry.stored)
    const preview: ImportPreview = {
      number: dry.import.plan.number ?? '?',
      title: dry.import.plan.title ?? '',
      sections: dry.import.sections.length,
      tasks: dry.import.sections.reduce((n, s) => n + s.tasks.length, 0),
      warnings: dry.import.warnings.map((w) => w.message),
      problem: dry.problem,
      revision,
    }
    dispatch({ type: 'dryRun', preview })
    const read = previewLines(preview, m.preview(preview.sections, preview.tasks, preview.warnings.length))
    const title = `${m.plan}: ${basename(file)}`
    if (revision !== undefined) {
      // A plan already stored: what confirming changes comes first, what was read after it.
      const lines = [
        ...revisionLines(revision, m, enumLabel('planStatus', revision.status as PlanStatus, locale)),
        '',
        m.revisionWarnings,
        ...read,
      ]
      if (!revision.changed) {
        await ui.panel(title, lines)
        dispatch({ type: 'cancel' })
        return m.revisionUnchanged
      }
      if (!(await ui.panel(title, lines, m.revisionKeys, KEYS.revision)) || preview.problem) {
        dispatch({ type: 'cancel' })
        return m.cancelled
      }
    } else if (!(await ui.panel(title, read, m.previewKeys)) || preview.problem) {
      dispatch({ type: 'cancel' })
      return m.cancelled
    }
    dispatch({ type: 'confirm' })
    ui.progress(basename(file), undefined)
    await upload(data, file, scope.id, { version: revision?.version })
    ui.closeDialog()
    dispatch({ type: 'stored', number: preview.number })
    await reload()
    return revision !== undefined ? m.revised(revision.number) : m.imported(preview.number || preview.title)
  }

  const onKey = (name: string, plan: PlanRow | undefined) =>
    ui.act(async () => {
      const k = KEYS.plans
      if (matchesName(k.importPlan, name)) return importPlan()
      if (!plan) return
      if (matchesName(k.publish, name)) {
        if (!(await ui.confirm(m.publish(plan.number)))) return m.cancelled
        await ok(api.api.v1.plans[':id'].publish.$post({ param: { id: plan.id }, json: { version: plan.version } }), locale)
        await reload()
        return m.done
      }
      if (matchesName(k.remove, name)) {
        if (!(await ui.confirm(m.deleteWhat(`${plan.number} ${plan.title}`)))) return m.cancelled
        await ok(api.api.v1.plans[':id'].$delete({ param: { id: plan.id }, query: { version: String(plan.version) } }), locale)
        await reload()
        return m.done
      }
    })

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.number, width: 14, value: (p) => p.number },
        { title: m.name, value: (p) => p.title },
        { title: m.valid, width: 10, value: (p) => formatDate(p.issuedOn, locale) },
        { title: m.status, width: 12, value: (p) => enumLabel('planStatus', p.status, locale) },
        { title: m.tasks, width: 5, align: 'right', value: (p) => String(p.taskCount) },
      ]}
      rows={plans}
      searchText={(p) => `${p.number} ${p.title}`}
      loading={loading}
      empty={m.noPlans}
      onKey={(name, row) => void onKey(name, row)}
      onReload={() => void reload()}
    />
  )
}
