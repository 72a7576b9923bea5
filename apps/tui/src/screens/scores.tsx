/** @jsxRuntime automatic */
import { readFile } from 'node:fs/promises'
import { basename } from 'node:path'
import { FRAMEWORKS, formatNumber, type Unit } from '@papi/domain'
import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import type { ScreenProps } from './screen'

interface ScoreRow {
  id: string
  unitId: string
  frameworkId: string
  year: number
  /** None for a year the unit was listed but not ranked in. */
  total?: number
  rank?: number
  rankOf?: number
  notRanked?: true
}

/** Scores: published results; import a CSV table and see the rows that matched no unit. */
export function ScoresScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const [scores, setScores] = useState<ScoreRow[]>([])
  const [units, setUnits] = useState<Unit[]>([])
  const reload = useCallback(
    () =>
      ui.act(async () => {
        // Results, then the years units were listed but not ranked in ("Không xếp hạng", not a gap).
        const ranked = await ok(api.api.v1.scores.$get({ query: {} }), locale)
        const notRanked = await ok(api.api.v1.scores['not-ranked'].$get({ query: {} }), locale)
        setScores([...ranked, ...notRanked].sort((a, b) => a.year - b.year))
        setUnits(await ok(api.api.v1.units.$get({ query: {} }), locale))
      }),
    [api],
  )
  useEffect(() => void reload(), [reload])
  const unitName = (id: string) => units.find((u) => u.id === id)?.name ?? id

  const onKey = (name: string) =>
    ui.act(async () => {
      if (!matchesName(KEYS.scores.importScores, name)) return
      const file = await ui.ask(m.filePath)
      if (!file) return
      const frameworkId = await ui.choose(
        m.framework,
        FRAMEWORKS.map((f) => ({ value: f.id, label: f.id })),
      )
      if (!frameworkId) return
      const year = await ui.ask(m.year, { initial: String(new Date().getFullYear() - 1) })
      if (!year) return
      const data = await readFile(file.trim()).catch(() => {
        throw new Error(m.fileMissing(file))
      })
      ui.progress(basename(file), undefined)
      /** Sends the table: a preview (dry run), or the import naming the version of the year the preview read. */
      const send = (query: { dryRun: 'true' } | { version: string }) =>
        ok(
          api.api.v1.scores.import.$post({
            query: { frameworkId, year: year.trim(), ...query },
            form: { file: new File([data as Uint8Array<ArrayBuffer>], basename(file)) },
          }),
          locale,
        )
      const preview = await send({ dryRun: 'true' })
      ui.closeDialog()
      // The rows naming no unit papi knows (not stored: the others are), before anything is stored.
      const unmatched = preview.unmatched.map((u) => `${m.line} ${u.line}: ${u.unit} — ${m.unmatchedWhy[u.reason] ?? u.reason}`)
      const lines = [...(unmatched.length ? [m.unmatched(unmatched.length), ...unmatched] : [])]
      if (!(await ui.panel(m.scoresPreview(preview.results.length, frameworkId, year.trim()), lines, m.scoresPreviewKeys)))
        return m.cancelled
      // A score of that year typed since the preview refuses the table (409, said in the status line).
      ui.progress(basename(file), undefined)
      const result = await send({ version: preview.version })
      ui.closeDialog()
      await reload()
      const warnings = result.warnings.map((w) => `${w.line === undefined ? '' : `${m.line} ${w.line}: `}${w.message}`)
      if (warnings.length) await ui.panel(m.scoresImported(result.saved.length), warnings)
      return m.scoresImported(result.saved.length)
    })

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.unit, value: (s) => unitName(s.unitId) },
        { title: m.plan, width: 16, value: (s) => s.frameworkId },
        { title: m.year, width: 5, value: (s) => String(s.year) },
        {
          title: m.total,
          width: 14,
          align: 'right',
          value: (s) => (s.total === undefined ? m.notRanked : formatNumber(s.total, locale)),
        },
        { title: m.rank, width: 7, align: 'right', value: (s) => (s.rank ? `${s.rank}/${s.rankOf ?? '?'}` : '') },
      ]}
      rows={scores}
      searchText={(s) => `${unitName(s.unitId)} ${s.frameworkId} ${s.year}`}
      onKey={(name) => void onKey(name)}
      onReload={() => void reload()}
    />
  )
}
