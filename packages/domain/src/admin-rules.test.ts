import { describe, expect, it } from 'vitest'
import { mayManageAccount, parseSshPublicKey, planDeletion, unitDeletion, userDeletion } from './admin-rules'
import { buildUnitTree } from './unit-tree'

const ED25519 = 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAINC6KKpJa8edp56MV9UEyQQedy/sTzqqZfR5UMHeq+/V test@host'

describe('planDeletion', () => {
  it.each([
    ['draft', { ok: true }],
    ['published', { ok: false, reason: 'plan-published' }],
  ])('a %s plan', (status, verdict) => expect(planDeletion({ status })).toEqual(verdict))
})

describe('unitDeletion', () => {
  it('deletes a unit nothing points at', () => expect(unitDeletion({ references: 0 })).toEqual({ ok: true }))
  it('ends, not deletes, a unit in use', () => expect(unitDeletion({ references: 2 })).toEqual({ ok: false, reason: 'unit-in-use' }))
})

describe('userDeletion', () => {
  it('deletes a user who never changed anything', () => expect(userDeletion({ id: 'u', auditedChanges: 0 }, 'a')).toEqual({ ok: true }))
  it('keeps a user the audit log names', () =>
    expect(userDeletion({ id: 'u', auditedChanges: 1 }, 'a')).toEqual({ ok: false, reason: 'user-has-acted' }))
  it('never deletes oneself', () => expect(userDeletion({ id: 'a', auditedChanges: 0 }, 'a')).toEqual({ ok: false, reason: 'own-account' }))
})

describe('mayManageAccount', () => {
  const tree = buildUnitTree([])
  it('lets anyone manage their own account', () => expect(mayManageAccount({ id: 'u', roles: [] }, 'u', tree)).toBe(true))
  it("lets only user managers touch another's", () => {
    expect(mayManageAccount({ id: 'u', roles: [{ role: 'viewer', unitId: 'x' }] }, 'v', tree)).toBe(false)
    expect(mayManageAccount({ id: 'u', roles: [{ role: 'admin', unitId: null }] }, 'v', tree)).toBe(true)
  })
})

describe('parseSshPublicKey', () => {
  it('reads an OpenSSH ed25519 line with its comment', () =>
    expect(parseSshPublicKey(`  ${ED25519}\n`)).toEqual({
      type: 'ssh-ed25519',
      data: 'AAAAC3NzaC1lZDI1NTE5AAAAINC6KKpJa8edp56MV9UEyQQedy/sTzqqZfR5UMHeq+/V',
      comment: 'test@host',
    }))
  it.each([
    ['not a key', 'hello'],
    ['an unknown type', 'ssh-dss AAAAB3NzaC1kc3M='],
    ['a blob of another type', ED25519.replace('ssh-ed25519', 'ssh-rsa')],
    ['broken base64', 'ssh-ed25519 !!!'],
    ['a private key', '-----BEGIN OPENSSH PRIVATE KEY-----'],
  ])('refuses %s', (_, line) => expect(parseSshPublicKey(line)).toBeNull())
})
