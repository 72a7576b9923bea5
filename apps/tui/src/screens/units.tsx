/** @jsxRuntime automatic */
import { buildUnitTree, enumLabel, enumOptions, formatDate, isActiveOn, type IsoDate, type Unit, type UnitLevel } from '@papi/domain'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ApiFailure, ok, okStreamed } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import type { RegisterSummary } from '../i18n'
import { KEYS, matchesName } from '../keys'
import type { ScreenProps } from './screen'

interface UnitRow {
  unit: Unit
  depth: number
}

const today = () => new Date().toISOString().slice(0, 10) as IsoDate

/**
 * The units valid on `asOf`, depth-first in tree order (children under their parent). A unit
 * whose parent had ended by then still shows, one level up, so nothing valid is hidden.
 */
export function unitRowsAsOf(units: readonly Unit[], asOf: IsoDate): UnitRow[] {
  const tree = buildUnitTree(units)
  const rows: UnitRow[] = []
  const visit = (unit: Unit, depth: number) => {
    const active = isActiveOn(unit, asOf)
    if (active) rows.push({ unit, depth })
    for (const child of tree.children.get(unit.id) ?? []) visit(child, active ? depth + 1 : depth)
  }
  for (const root of tree.roots) visit(root, 0)
  return rows
}

/** Units: the dated tree as of a day; create, rename, move, merge, end, delete, import the register. */
export function UnitsScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const [units, setUnits] = useState<Unit[]>([])
  const [loading, setLoading] = useState(true)
  const [asOf, setAsOf] = useState<IsoDate>(today())
  const reload = useCallback(
    () =>
      ui.act(async () => {
        setUnits(await ok(api.api.v1.units.$get({ query: {} }), locale))
        setLoading(false)
      }),
    [api],
  )
  useEffect(() => void reload(), [reload])
  const rows = useMemo(() => unitRowsAsOf(units, asOf), [units, asOf])
  const byCode = (code: string) => units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase())

  const askDate = async (label: string, initial: string = today()) => {
    const text = await ui.ask(label, { initial })
    if (text === undefined) return undefined
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text.trim())) throw new Error(`${label}: ${text}`)
    return text.trim() as IsoDate
  }
  const unitByCode = async (label: string) => {
    const code = await ui.ask(label)
    if (code === undefined || code.trim() === '') return code === undefined ? undefined : null
    const unit = byCode(code)
    if (!unit) throw new Error(m.noUnitCode(code))
    return unit
  }

  const onKey = (name: string, row: UnitRow | undefined) =>
    ui.act(async () => {
      const unit = row?.unit
      const k = KEYS.units
      if (matchesName(k.asOf, name)) {
        const date = await askDate(m.asOf, asOf)
        if (date) setAsOf(date)
      } else if (matchesName(k.create, name)) {
        const parent = await unitByCode(m.parentCode)
        if (parent === undefined) return
        const code = await ui.ask(m.code)
        if (!code) return
        const name = await ui.ask(m.name)
        if (!name) return
        const level = await ui.choose(m.level, enumOptions('unitLevel', locale))
        if (!level) return
        const kind = await ui.choose(m.kind, enumOptions('unitKind', locale))
        if (!kind) return
        await ok(
          api.api.v1.units.$post({
            json: { code, name, level: level as UnitLevel, kind: kind as Unit['kind'], parentId: parent?.id ?? null },
          }),
          locale,
        )
        await reload()
        return `${m.done} ${code} ${name}`
      } else if (matchesName(k.importRegister, name)) {
        // Needs no selected unit: on a new, empty database it is the first thing to do.
        return importRegister()
      } else if (!unit) {
        return
      } else if (matchesName(k.rename, name)) {
        const next = await ui.ask(m.name, { initial: unit.name })
        if (!next || next === unit.name) return
        await ok(api.api.v1.units[':id'].$patch({ param: { id: unit.id }, json: { name: next, version: unit.version ?? 0 } }), locale)
        await reload()
        return m.done
      } else if (matchesName(k.move, name)) {
        const parent = await unitByCode(m.newParentCode)
        if (parent === undefined) return
        await ok(
          api.api.v1.units[':id'].$patch({ param: { id: unit.id }, json: { parentId: parent?.id ?? null, version: unit.version ?? 0 } }),
          locale,
        )
        await reload()
        return m.done
      } else if (matchesName(k.merge, name)) {
        const successor = await unitByCode(m.successorCode)
        if (!successor) return
        const effectiveOn = await askDate(m.effectiveOn)
        if (!effectiveOn) return
        if (!(await ui.confirm(`${unit.name} → ${successor.name} (${formatDate(effectiveOn, locale)})`))) return m.cancelled
        await ok(
          api.api.v1.units[':id'].merge.$post({
            param: { id: unit.id },
            json: { successorId: successor.id, effectiveOn, version: unit.version ?? 0 },
          }),
          locale,
        )
        await reload()
        return m.done
      } else if (matchesName(k.end, name)) {
        const validTo = await askDate(m.endOn)
        if (!validTo) return
        if (!(await ui.confirm(`${m.endOn}: ${unit.name} ${formatDate(validTo, locale)}`))) return m.cancelled
        await ok(api.api.v1.units[':id'].$patch({ param: { id: unit.id }, json: { validTo, version: unit.version ?? 0 } }), locale)
        await reload()
        return m.done
      } else if (matchesName(k.remove, name)) {
        if (!(await ui.confirm(m.deleteWhat(`${unit.code} ${unit.name}`)))) return m.cancelled
        await ok(api.api.v1.units[':id'].$delete({ param: { id: unit.id }, query: { version: String(unit.version ?? 0) } }), locale)
        await reload()
        return m.done
      }
    })

  /**
   * The national register (the organisation work's route): one province by its code, or the
   * whole country. The server streams its progress (NDJSON), drawn as a bar per phase; a server
   * that answers once, at the end (an older one), gets the seconds counted instead.
   */
  const importRegister = async () => {
    const code = await ui.ask(m.registerProvince)
    if (code === undefined) return
    const province = code.trim() || undefined
    if (!(await ui.confirm(m.registerWhat(province)))) return m.cancelled
    const started = Date.now()
    const tick = () => ui.progress(m.registerRunning(Math.floor((Date.now() - started) / 1000)), undefined)
    tick()
    let timer: ReturnType<typeof setInterval> | undefined = setInterval(tick, 1000)
    let result: RegisterSummary
    try {
      result = await okStreamed(
        api.api.v1.units['import-register'].$post(
          { json: province ? { province } : {} },
          { headers: { accept: 'application/x-ndjson, application/json;q=0.9' } },
        ),
        ({ phase, done, total }) => {
          clearInterval(timer)
          timer = undefined
          ui.progress(m.registerProgress(phase, done, total), total ? done / total : 1)
        },
        locale,
      )
    } catch (error) {
      if (error instanceof ApiFailure && error.status === 404 && (error.details as { reason?: string })?.reason === 'no such route')
        throw new Error(m.registerMissing)
      throw error
    } finally {
      clearInterval(timer)
      ui.closeDialog()
    }
    await reload()
    await ui.panel(m.importRegister, m.registerSummary(result))
    return m.registerDone(result.units.created, result.units.existing)
  }

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.name, value: (r) => `${'  '.repeat(r.depth)}${r.unit.name}` },
        { title: m.code, width: 12, value: (r) => r.unit.code },
        { title: m.level, width: 10, value: (r) => enumLabel('unitLevel', r.unit.level, locale) },
        {
          title: m.valid,
          width: 23,
          value: (r) =>
            `${r.unit.validFrom ? formatDate(r.unit.validFrom, locale) : '…'} – ${r.unit.validTo ? formatDate(r.unit.validTo, locale) : '…'}`,
        },
      ]}
      rows={rows}
      searchText={(r) => `${r.unit.name} ${r.unit.code}`}
      heading={`${m.asOf.replace(/ \(.*\)/, '')}: ${formatDate(asOf, locale)}`}
      loading={loading}
      onKey={(name, row) => void onKey(name, row)}
      onReload={() => void reload()}
    />
  )
}
