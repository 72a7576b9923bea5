import { createRoute, z } from '@hono/zod-openapi'
import { mayManageAccount, parseSshPublicKey, planScopeUnitId } from '@papi/domain'
import type { Context } from 'hono'
import { ApiError, errorResponses } from '../api-error'
import type { AppEnv } from '../app-env'
import { StoreError } from '@papi/store'
import { authorize, authorizeChange, changeOf } from '../authorize'
import { createRouter } from '../router'
import { IdParamSchema, VersionFieldSchema } from '../schemas'
import { requireAuth } from '../session'

const SshKeySchema = z
  .object({
    id: z.string(),
    userId: z.string(),
    type: z.string(),
    data: z.string(),
    comment: z.string(),
    fingerprint: z.string().openapi({ example: 'SHA256:qU6G6pKYRp/nus9WdP/eWtBswi/X6k04kXU6vSoMlGc' }),
    createdAt: z.string(),
    lastUsedAt: z.string().nullable(),
    version: z.number().int().openapi({ description: 'What a removal names (`?version=`); a key is never edited once registered, so 1' }),
  })
  .openapi('SshKey')

const NewSshKeySchema = z
  .object({ publicKey: z.string().min(1).max(16_000).openapi({ description: 'One line of `~/.ssh/id_ed25519.pub`' }) })
  .openapi('NewSshKey')

const KeyParamSchema = IdParamSchema.extend({
  keyId: z
    .string()
    .min(1)
    .openapi({ param: { name: 'keyId', in: 'path' } }),
})

/** A delete names the version of the row last read (`?version=`): required, a stale one answers 409 and deletes nothing. */
const VersionQuerySchema = z.object({
  version: z.coerce
    .number()
    .pipe(VersionFieldSchema)
    .openapi({
      param: { name: 'version', in: 'query' },
      description: 'The version of the row last read; a stale one answers 409, a missing one 422',
      example: 1,
    }),
})

const RevokedSchema = z.object({ revoked: z.number().int() }).openapi('RevokedSessions')

/** The caller, once they may manage the account `ownerId` (their own, or anyone's as user manager). */
async function accountManager(c: Context<AppEnv>, ownerId: string) {
  const auth = requireAuth(c)
  // Refused before the account is looked up: whether an id names a user is no one else's business.
  if (!mayManageAccount(auth.user, ownerId, await c.var.store.units.tree())) {
    throw new ApiError('forbidden', { action: 'user.manage', userId: ownerId })
  }
  await c.var.store.users.get(ownerId)
  return auth
}

/** What admins need beyond the everyday routes: deleting, ending sessions, SSH keys. */
export const adminRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'delete',
      path: '/units/{id}',
      operationId: 'deleteUnit',
      tags: ['units'],
      summary: 'Delete a unit nothing points at (typed by mistake); one in use is ended instead (409)',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Deleted' },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'unit.manage', id)
      const { version } = c.req.valid('query')
      await c.var.store.units.remove(id, changeOf(c), version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}',
      operationId: 'deleteUser',
      tags: ['users'],
      summary: 'Delete a user who never changed anything; anyone else is disabled instead (409)',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Deleted' },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await authorize(c, 'user.manage', null)
      const { version } = c.req.valid('query')
      await c.var.store.users.remove(id, changeOf(c), version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/plans/{id}',
      operationId: 'deletePlan',
      tags: ['plans'],
      summary: 'Delete a plan still in draft (409 once published)',
      request: { params: IdParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Deleted' },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      // Its scope decides who may delete it: the assignments are not read.
      const plan = await c.var.store.plans.get(id, { assignees: false })
      await authorizeChange(
        c,
        'plan.manage',
        planScopeUnitId(plan) ?? null,
        'plan.read',
        new StoreError('not-found', `no plan ${id}`, { planId: id }),
      )
      const { version } = c.req.valid('query')
      await c.var.store.plans.remove(id, changeOf(c), version)
      return c.body(null, 204)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/sessions',
      operationId: 'revokeSessions',
      tags: ['users'],
      summary: "End every session of a user (a lost laptop); one's own, or anyone's as user manager",
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'How many sessions ended', content: { 'application/json': { schema: RevokedSchema } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await accountManager(c, id)
      const revoked = await c.var.store.sessions.revokeForUser(id, changeOf(c))
      return c.json({ revoked }, 200)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}/ssh-keys',
      operationId: 'listSshKeys',
      tags: ['users'],
      summary: 'The SSH public keys a user signs in with over `papi ssh-serve`',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'Keys', content: { 'application/json': { schema: z.array(SshKeySchema) } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await accountManager(c, id)
      return c.json(await c.var.store.sshKeys.list(id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/users/{id}/ssh-keys',
      operationId: 'addSshKey',
      tags: ['users'],
      summary: 'Register an SSH public key to a user (one account per key)',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: NewSshKeySchema } } },
      },
      responses: {
        201: { description: 'Registered', content: { 'application/json': { schema: SshKeySchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      await accountManager(c, id)
      const key = parseSshPublicKey(c.req.valid('json').publicKey)
      if (!key) {
        throw new ApiError(
          'invalid',
          { reason: 'not-an-ssh-public-key' },
          {
            vi: 'Không phải khóa công khai SSH (một dòng như "ssh-ed25519 AAAA… ten@may").',
            en: 'Not an SSH public key (one line like "ssh-ed25519 AAAA… name@host").',
          },
        )
      }
      return c.json(await c.var.store.sshKeys.add(id, key, changeOf(c)), 201)
    },
  )
  .openapi(
    createRoute({
      method: 'delete',
      path: '/users/{id}/ssh-keys/{keyId}',
      operationId: 'removeSshKey',
      tags: ['users'],
      summary: "Remove one of a user's SSH keys, naming the version last read (`?version=`)",
      request: { params: KeyParamSchema, query: VersionQuerySchema },
      responses: {
        204: { description: 'Removed' },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id, keyId } = c.req.valid('param')
      await accountManager(c, id)
      await c.var.store.sshKeys.remove(id, keyId, c.req.valid('query').version, changeOf(c))
      return c.body(null, 204)
    },
  )
