/** @jsxRuntime automatic */
import { enumLabel, enumOptions, type Role, type RoleGrant, type Unit } from '@papi/domain'
import { useCallback, useEffect, useState } from 'react'
import { ok } from '../api'
import { ListScreen } from '../components/list-screen'
import { useUi } from '../context'
import { KEYS, matchesName } from '../keys'
import type { ScreenProps } from './screen'

interface UserRow {
  id: string
  username: string
  displayName: string
  disabled: boolean
  roles: RoleGrant[]
  /** The version read: every change names it, so a change made meanwhile is refused (409). */
  version: number
}

/** Users: create, roles per unit, reset password, end sessions, SSH keys, disable, delete. */
export function UsersScreen(screen: ScreenProps) {
  const ui = useUi()
  const { m, locale, api } = ui
  const [users, setUsers] = useState<UserRow[]>([])
  const [units, setUnits] = useState<Unit[]>([])
  const [loading, setLoading] = useState(true)
  const reload = useCallback(
    () =>
      ui.act(async () => {
        setUsers(await ok(api.api.v1.users.$get(), locale))
        setUnits(await ok(api.api.v1.units.$get({ query: {} }), locale))
        setLoading(false)
      }),
    [api],
  )
  useEffect(() => void reload(), [reload])
  const unitCode = (id: string | null) => (id === null ? '' : (units.find((u) => u.id === id)?.code ?? id))
  const rolesText = (roles: RoleGrant[]) =>
    roles.map((r) => `${enumLabel('role', r.role, locale)}${r.unitId ? `@${unitCode(r.unitId)}` : ''}`).join(', ')

  const onKey = (name: string, user: UserRow | undefined) =>
    ui.act(async () => {
      const k = KEYS.users
      if (matchesName(k.create, name)) {
        const username = await ui.ask(m.username)
        if (!username) return
        const displayName = await ui.ask(m.displayName)
        if (!displayName) return
        const password = await ui.ask(m.newPassword, { secret: true })
        if (!password) return
        await ok(api.api.v1.users.$post({ json: { username, displayName, password, roles: [] } }), locale)
        await reload()
        return `${m.done} ${username}`
      }
      if (!user) return
      const param = { id: user.id }
      if (matchesName(k.roles, name)) {
        const role = await ui.choose(`${m.roles}: ${user.username}`, [...enumOptions('role', locale), { value: '-', label: m.clearRoles }])
        if (!role) return
        let roles: RoleGrant[] = []
        if (role !== '-') {
          const code = role === 'admin' ? '' : await ui.ask(m.unitCode)
          if (code === undefined) return
          const unit = code ? units.find((u) => u.code.toLowerCase() === code.trim().toLowerCase()) : undefined
          if (code && !unit) throw new Error(m.noUnitCode(code))
          roles = [...user.roles, { role: role as Role, unitId: unit?.id ?? null }]
        }
        await ok(api.api.v1.users[':id'].$patch({ param, json: { roles, version: user.version } }), locale)
        await reload()
        return m.done
      }
      if (matchesName(k.password, name)) {
        const password = await ui.ask(m.newPassword, { secret: true })
        if (!password) return
        await ok(api.api.v1.users[':id'].$patch({ param, json: { password, version: user.version } }), locale)
        await reload()
        return m.done
      }
      if (matchesName(k.revoke, name)) {
        if (!(await ui.confirm(m.revoke(user.username)))) return m.cancelled
        const { revoked } = await ok(api.api.v1.users[':id'].sessions.$delete({ param }), locale)
        return m.revoked(revoked)
      }
      if (matchesName(k.disable, name)) {
        if (!(await ui.confirm(m.toggleDisabled(user.username, user.disabled)))) return m.cancelled
        await ok(api.api.v1.users[':id'].$patch({ param, json: { disabled: !user.disabled, version: user.version } }), locale)
        await reload()
        return m.done
      }
      if (matchesName(k.remove, name)) {
        if (!(await ui.confirm(m.deleteWhat(user.username)))) return m.cancelled
        await ok(api.api.v1.users[':id'].$delete({ param, query: { version: String(user.version) } }), locale)
        await reload()
        return m.done
      }
      if (matchesName(k.keys, name)) {
        const keys = await ok(api.api.v1.users[':id']['ssh-keys'].$get({ param }), locale)
        const choice = await ui.choose(m.sshKeys(user.username), [
          { value: '+', label: m.addKey },
          ...keys.map((key) => ({ value: key.id, label: `${key.fingerprint}  ${key.type}  ${key.comment}` })),
        ])
        if (!choice) return
        if (choice === '+') {
          const publicKey = await ui.ask(m.publicKey)
          if (!publicKey) return
          const key = await ok(api.api.v1.users[':id']['ssh-keys'].$post({ param, json: { publicKey } }), locale)
          return `${m.done} ${key.fingerprint}`
        }
        const key = keys.find((k) => k.id === choice)!
        if (!(await ui.confirm(m.removeKey(key.fingerprint)))) return m.cancelled
        await ok(
          api.api.v1.users[':id']['ssh-keys'][':keyId'].$delete({
            param: { id: user.id, keyId: key.id },
            query: { version: String(key.version) },
          }),
          locale,
        )
        return m.done
      }
    })

  return (
    <ListScreen
      {...screen}
      columns={[
        { title: m.username, width: 16, value: (u) => u.username },
        { title: m.displayName, width: 24, value: (u) => u.displayName },
        { title: m.roles, value: (u) => rolesText(u.roles) },
        { title: m.disabled, width: 8, value: (u) => (u.disabled ? '×' : '') },
      ]}
      rows={users}
      searchText={(u) => `${u.username} ${u.displayName} ${rolesText(u.roles)}`}
      loading={loading}
      onKey={(name, row) => void onKey(name, row)}
      onReload={() => void reload()}
    />
  )
}
