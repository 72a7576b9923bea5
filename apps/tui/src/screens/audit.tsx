/** @jsxRuntime automatic */
import { formatDateTime, type Unit } from '@papi/domain'
import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import type { ScreenProps } from './screen'

interface Entry {
  id: string
  at: string
  actorId: string | null
  action: string
  entity: string
  entityId: string
  before?: unknown
  after?: unknown
}

/** What an entry changed, named as a person reads it: the name, title or number it had. */
function entryName(e: Entry): string | undefined {
  for (const side of [e.after, e.before]) {
    if (side && typeof side === 'object') {
      const s = side as Record<string, unknown>
      const name = s.name ?? s.username ?? s.number ?? s.title ?? s.fingerprint
      if (typeof name === 'string' && name) return name
    }
  }
  return undefined
}

interface AuditFilter {
  actorId?: string
  entityId?: string
  action?: string
  /** The last day shown (entries before the next midnight UTC). */
  until?: string
}

const PAGE = 200

/** The audit log, newest first, filtered by user, unit, action and day; pages of 200 on demand. */
export function AuditScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const [entries, setEntries] = useState<Entry[]>([])
  const [more, setMore] = useState(false)
  const [filter, setFilter] = useState<AuditFilter>({})
  const [names, setNames] = useState<Map<string, string>>(new Map())
  const [units, setUnits] = useState<Unit[]>([])

  const load = useCallback(
    (before?: string) =>
      ui.act(async () => {
        const until = filter.until ? new Date(Date.parse(`${filter.until}T00:00:00Z`) + 86_400_000).toISOString() : undefined
        const query = {
          limit: String(PAGE),
          ...(filter.actorId && { actorId: filter.actorId }),
          ...(filter.action && { action: filter.action }),
          ...(filter.entityId && { entityId: filter.entityId }),
          ...((before ?? until) && { before: before ?? until }),
        }
        const page = await ok(api.api.v1.audit.$get({ query }), locale)
        setEntries((old) => (before ? [...old, ...page] : page))
        setMore(page.length === PAGE)
      }),
    [api, filter],
  )
  useEffect(() => void load(), [load])
  useEffect(
    () =>
      void ui.act(async () => {
        const users = await ok(api.api.v1.users.$get(), locale).catch(() => [])
        setNames(new Map(users.map((u) => [u.id, u.username])))
        setUnits(await ok(api.api.v1.units.$get({ query: {} }), locale))
      }),
    [api],
  )
  const unitName = (id: string) => units.find((u) => u.id === id)?.name
  const what = (e: Entry) => `${e.entity} ${entryName(e) ?? (e.entity === 'unit' ? unitName(e.entityId) : undefined) ?? e.entityId}`

  const onKey = (name: string, _row: Entry | undefined, visible: readonly Entry[], selected: number) =>
    ui.act(async () => {
      const k = KEYS.audit
      if (matchesName(k.more, name) || (name === 'pagedown' && selected >= visible.length - 1)) {
        if (more) await load(entries.at(-1)?.at)
        return
      }
      if (matchesName(k.user, name)) {
        const username = await ui.ask(m.filterUser)
        if (username === undefined) return
        const id = [...names].find(([, n]) => n === username.trim().toLowerCase())?.[0]
        setFilter((f) => ({ ...f, actorId: username.trim() ? (id ?? '-') : undefined }))
      } else if (matchesName(k.unit, name)) {
        const code = await ui.ask(m.filterUnitCode)
        if (code === undefined) return
        const unit = units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase())
        if (code.trim() && !unit) throw new Error(m.noUnitCode(code))
        setFilter((f) => ({ ...f, entityId: unit?.id }))
      } else if (matchesName(k.action, name)) {
        const action = await ui.ask(m.filterAction)
        if (action === undefined) return
        setFilter((f) => ({ ...f, action: action.trim() || undefined }))
      } else if (matchesName(k.date, name)) {
        const date = await ui.ask(m.filterDate)
        if (date === undefined) return
        setFilter((f) => ({ ...f, until: date.trim() || undefined }))
      }
    })

  const shown = [
    filter.actorId && `${m.actor}: ${names.get(filter.actorId) ?? '?'}`,
    filter.entityId && `${m.unit}: ${unitName(filter.entityId)}`,
    filter.action && `${m.action}: ${filter.action}`,
    filter.until && `≤ ${filter.until}`,
  ].filter(Boolean)
  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.at, width: 17, value: (e) => formatDateTime(e.at, locale) },
        { title: m.actor, width: 12, value: (e) => (e.actorId ? (names.get(e.actorId) ?? e.actorId.slice(0, 8)) : 'system') },
        { title: m.action, width: 16, value: (e) => e.action },
        { title: m.entity, value: what },
      ]}
      rows={entries}
      searchText={(e) => `${e.action} ${what(e)} ${e.actorId ? names.get(e.actorId) : ''}`}
      heading={`${m.page(entries.length, more)}${shown.length ? ` · ${shown.join(' · ')}` : ''}`}
      onKey={(name, row, visible, selected) => void onKey(name, row, visible, selected)}
      onReload={() => void load()}
    />
  )
}
