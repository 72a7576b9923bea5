import { generateKeyPairSync, sign } from 'node:crypto'
import { gunzipSync, gzipSync } from 'node:zlib'
import type { Store } from '@papi/store'
import { testBackends } from '@papi/store/testing'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { makeTestApp, samplePlan, type TestApp } from './app.fixture'

const GATEWAY = 'gateway-secret-for-tests'

const sshString = (b: Buffer | string) => {
  const data = Buffer.from(b)
  const length = Buffer.alloc(4)
  length.writeUInt32BE(data.length)
  return Buffer.concat([length, data])
}

/** An ed25519 key as OpenSSH writes it, and a signer of log-ins as an SSH client makes them. */
function sshKey(comment: string) {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519')
  const raw = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url')
  const blob = Buffer.concat([sshString('ssh-ed25519'), sshString(raw)])
  const data = blob.toString('base64')
  const login = (username: string, sessionId = Buffer.alloc(32, 7)) => {
    const signed = Buffer.concat([
      sshString(sessionId),
      Buffer.from([50]),
      sshString(username),
      sshString('ssh-connection'),
      sshString('publickey'),
      Buffer.from([1]),
      sshString('ssh-ed25519'),
      sshString(blob),
    ])
    return {
      username,
      keyType: 'ssh-ed25519',
      keyData: data,
      blob: signed.toString('base64'),
      signature: sign(null, signed, privateKey).toString('base64'),
    }
  }
  return { line: `ssh-ed25519 ${data} ${comment}`, login }
}

describe.each(testBackends())('admin routes on $name', (backend) => {
  let store: Store
  let t: TestApp
  let admin: string
  let planner: string
  beforeAll(async () => {
    store = await backend.open()
    t = await makeTestApp(store, { sshGatewaySecret: GATEWAY })
    admin = await t.login('admin')
    planner = await t.login('planner')
  })
  afterAll(() => store?.close())

  const userId = async (username: string) =>
    (await t.call('GET', '/api/v1/users', { token: admin })).body.find((u: any) => u.username === username).id

  it('DELETE /units/{id}: a unit typed by mistake goes, one in use answers 409 in Vietnamese', async () => {
    const typo = await t.call('POST', '/api/v1/units', {
      token: admin,
      body: { code: 'KG-X', name: 'Sở Nội vụu', level: 'province', kind: 'department', parentId: t.units.kg.id },
    })
    const typoPath = `/api/v1/units/${typo.body.id}?version=${typo.body.version}`
    expect(await t.call('DELETE', typoPath, { token: planner })).toMatchObject({ status: 403 })
    expect((await t.call('DELETE', typoPath, { token: admin })).status).toBe(204)
    const rachGia = await t.call('GET', `/api/v1/units/${t.units.rachGia.id}`, { token: admin })
    const inUse = await t.call('DELETE', `/api/v1/units/${t.units.rachGia.id}?version=${rachGia.body.version}`, { token: admin })
    expect(inUse).toMatchObject({ status: 409, body: { error: { code: 'conflict', details: { reason: 'unit-in-use' } } } })
    const audit = await t.call('GET', `/api/v1/audit?entity=unit&entityId=${typo.body.id}`, { token: admin })
    expect(audit.body.map((e: any) => e.action)).toEqual(['delete', 'create'])
  })

  it('DELETE /plans/{id}: drafts only', async () => {
    const plan = await t.call('POST', '/api/v1/plans', { token: planner, body: samplePlan(t.units) })
    expect(plan.status).toBe(201)
    const path = `/api/v1/plans/${plan.body.id}?version=${plan.body.version}`
    expect((await t.call('DELETE', path, { token: planner })).status).toBe(204)
    expect((await t.call('DELETE', path, { token: planner })).status).toBe(404)
  })

  it('DELETE /users/{id} and /users/{id}/sessions: admins only, sessions end at once', async () => {
    const created = await t.call('POST', '/api/v1/users', {
      token: admin,
      // The password policy (#10) refuses one that contains the user name, as 'mat-khau-tam' did.
      body: { username: 'tam', password: 'mua-thu-ha-noi-2018', displayName: 'Tâm' },
    })
    expect(created.status).toBe(201)
    const tam = await t.login('tam', 'mua-thu-ha-noi-2018')
    const path = `/api/v1/users/${created.body.id}?version=${created.body.version}`
    expect((await t.call('DELETE', path, { token: planner })).status).toBe(403)
    expect(await t.call('DELETE', `/api/v1/users/${created.body.id}/sessions`, { token: admin })).toMatchObject({
      status: 200,
      body: { revoked: 1 },
    })
    expect((await t.call('GET', '/api/v1/me', { token: tam })).status).toBe(401)
    expect((await t.call('DELETE', path, { token: admin })).status).toBe(204)
    const me = await t.call('GET', `/api/v1/users/${await userId('admin')}`, { token: admin })
    const self = await t.call('DELETE', `/api/v1/users/${me.body.id}?version=${me.body.version}`, { token: admin })
    expect(self).toMatchObject({ status: 409, body: { error: { details: { reason: 'own-account' } } } })
  })

  it('SSH keys: a user manages their own, refuses what is not a public key', async () => {
    const id = await userId('planner')
    const key = sshKey('planner@laptop')
    const added = await t.call('POST', `/api/v1/users/${id}/ssh-keys`, { token: planner, body: { publicKey: key.line } })
    expect(added).toMatchObject({ status: 201, body: { comment: 'planner@laptop', fingerprint: expect.stringMatching(/^SHA256:/) } })
    expect((await t.call('GET', `/api/v1/users/${await userId('admin')}/ssh-keys`, { token: planner })).status).toBe(403)
    const bad = await t.call('POST', `/api/v1/users/${id}/ssh-keys`, {
      token: planner,
      body: { publicKey: '-----BEGIN OPENSSH PRIVATE KEY-----' },
    })
    expect(bad).toMatchObject({ status: 422, body: { error: { details: { reason: 'not-an-ssh-public-key' } } } })
    expect((await t.call('GET', `/api/v1/users/${id}/ssh-keys`, { token: planner })).body).toHaveLength(1)
    expect(added.body.version).toBe(1)
    expect((await t.call('DELETE', `/api/v1/users/${id}/ssh-keys/${added.body.id}?version=1`, { token: planner })).status).toBe(204)
  })

  it('POST /auth/ssh: a session for the key’s owner only, with both the gateway secret and the user’s signature', async () => {
    const key = sshKey('admin@laptop')
    await t.call('POST', `/api/v1/users/${await userId('admin')}/ssh-keys`, { token: admin, body: { publicKey: key.line } })
    const gateway = { 'x-papi-ssh-gateway': GATEWAY }
    const ok = await t.call('POST', '/api/v1/auth/ssh', { headers: gateway, body: key.login('admin') })
    expect(ok).toMatchObject({ status: 200, body: { user: { username: 'admin' } } })
    expect((await t.call('GET', '/api/v1/me', { token: ok.body.token })).body.user.username).toBe('admin')

    expect((await t.call('POST', '/api/v1/auth/ssh', { body: key.login('admin') })).status).toBe(403)
    expect(
      (await t.call('POST', '/api/v1/auth/ssh', { headers: { 'x-papi-ssh-gateway': 'guess' }, body: key.login('admin') })).status,
    ).toBe(403)
    // The key signs for admin; it does not open planner's account.
    expect((await t.call('POST', '/api/v1/auth/ssh', { headers: gateway, body: key.login('planner') })).status).toBe(401)
    // An unregistered key, and a signature of other data.
    expect((await t.call('POST', '/api/v1/auth/ssh', { headers: gateway, body: sshKey('x').login('admin') })).status).toBe(401)
    const forged = { ...key.login('admin'), signature: key.login('admin', Buffer.alloc(32, 1)).signature }
    expect(await t.call('POST', '/api/v1/auth/ssh', { headers: gateway, body: forged })).toMatchObject({
      status: 401,
      body: { error: { message: 'Khóa SSH không được chấp nhận.', details: { reason: 'bad-signature' } } },
    })
  })

  it('GET /backup then POST /restore: the round trip, audited; other files refused', async () => {
    expect((await t.call('GET', '/api/v1/backup', { token: planner })).status).toBe(403)
    const res = await t.app.request('/api/v1/backup', { headers: { authorization: `Bearer ${admin}` } })
    expect(res.headers.get('content-disposition')).toMatch(/\.papi-backup"$/)
    const file = Buffer.from(await res.arrayBuffer())
    expect(JSON.parse(gunzipSync(file).toString().split('\n')[0]!)).toMatchObject({ format: 'papi-backup', driver: backend.name })
    const unitsBefore = (await t.call('GET', '/api/v1/units', { token: admin })).body
    await t.call('POST', '/api/v1/units', {
      token: admin,
      body: { code: 'KG-Y', name: 'Sau', level: 'province', kind: 'department', parentId: t.units.kg.id },
    })

    const restore = (body: Buffer, token = admin) =>
      t.app.request('/api/v1/restore', {
        method: 'POST',
        body,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/gzip' },
      })
    const notBackup = await restore(gzipSync('{"hello":"world"}\n'))
    expect(notBackup.status).toBe(422)
    expect(((await notBackup.json()) as any).error.details.reason).toBe('not-a-backup')
    expect((await restore(Buffer.from('plain text, not gzip'))).status).toBe(422)

    const done = await restore(file)
    expect(done.status).toBe(200)
    // Everyone is signed out by a restore; the restored database lists its own restore.
    expect((await t.call('GET', '/api/v1/units', { token: admin })).status).toBe(401)
    admin = await t.login('admin')
    expect((await t.call('GET', '/api/v1/units', { token: admin })).body).toEqual(unitsBefore)
    const [last] = (await t.call('GET', '/api/v1/audit?entity=system&limit=1', { token: admin })).body
    expect(last).toMatchObject({ action: 'restore', entityId: 'database' })
  })
})
