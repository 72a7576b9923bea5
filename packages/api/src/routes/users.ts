import { createRoute, z } from '@hono/zod-openapi'
import { ROLE_GRANTS, RoleGrantSchema, RoleSchema } from '@papi/domain'
import { authorize, changeOf } from '../authorize'
import { dummyHash, hashPassword, verifyPassword } from '../password'
import { checkPassword } from '../password-policy'
import { ApiError, errorResponses } from '../api-error'
import { createRouter } from '../router'
import { IdParamSchema, UserOutSchema, VersionFieldSchema } from '../schemas'
import { requireAuth } from '../session'

// Length, common passwords and the like are the domain's passwordProblems (checkPassword):
// the schema only bounds what is read.
const PasswordSchema = z.string().min(1).max(1000)

const NewUserSchema = z
  .object({
    username: z
      .string()
      .trim()
      .min(2)
      .max(64)
      .regex(/^[a-zA-Z0-9._-]+$/, 'letters, digits, dot, dash and underscore'),
    password: PasswordSchema,
    displayName: z.string().trim().min(1).max(200),
    roles: z.array(RoleGrantSchema).default([]),
  })
  .openapi('NewUser')

const UserPatchSchema = z
  .object({
    displayName: z.string().trim().min(1).max(200).optional(),
    password: PasswordSchema.optional(),
    /** Required to change one's own password (OWASP ASVS 2.1.6). */
    currentPassword: z.string().max(1000).optional(),
    disabled: z.boolean().optional(),
    roles: z.array(RoleGrantSchema).optional(),
    /** The user's version last read: required, a stale one answers 409. */
    version: VersionFieldSchema,
  })
  .openapi('UserPatch')

const RoleInfoSchema = z.object({ role: RoleSchema, grants: z.record(z.string(), z.string()) }).openapi('RoleInfo')

/** Users and their roles; managed by admins. */
export const userRoutes = createRouter()
  .openapi(
    createRoute({
      method: 'get',
      path: '/roles',
      operationId: 'listRoles',
      tags: ['users'],
      summary: 'The roles and what each may do where (the permission table)',
      responses: {
        200: { description: 'Roles', content: { 'application/json': { schema: z.array(RoleInfoSchema) } } },
        ...errorResponses('unauthenticated'),
      },
    }),
    (c) => {
      requireAuth(c)
      return c.json(
        RoleSchema.options.map((role) => ({ role, grants: ROLE_GRANTS[role] as Record<string, string> })),
        200,
      )
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users',
      operationId: 'listUsers',
      tags: ['users'],
      summary: 'Every user with roles',
      responses: {
        200: { description: 'Users', content: { 'application/json': { schema: z.array(UserOutSchema) } } },
        ...errorResponses('unauthenticated', 'forbidden'),
      },
    }),
    async (c) => {
      await authorize(c, 'user.manage', null)
      return c.json(await c.var.store.users.list(), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'post',
      path: '/users',
      operationId: 'createUser',
      tags: ['users'],
      summary: 'Create a user with roles',
      request: { body: { required: true, content: { 'application/json': { schema: NewUserSchema } } } },
      responses: {
        201: { description: 'Created', content: { 'application/json': { schema: UserOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { password, ...input } = c.req.valid('json')
      await authorize(c, 'user.manage', null)
      await checkPassword(password, input.username)
      const user = await c.var.store.users.create(
        { ...input, passwordHash: await hashPassword(password, c.var.options.passwordCost) },
        changeOf(c),
      )
      return c.json(user, 201)
    },
  )
  .openapi(
    createRoute({
      method: 'get',
      path: '/users/{id}',
      operationId: 'getUser',
      tags: ['users'],
      summary: 'One user',
      request: { params: IdParamSchema },
      responses: {
        200: { description: 'The user', content: { 'application/json': { schema: UserOutSchema } } },
        ...errorResponses('unauthenticated', 'forbidden', 'not-found'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const auth = requireAuth(c)
      if (auth.user.id !== id) await authorize(c, 'user.manage', null)
      return c.json(await c.var.store.users.get(id), 200)
    },
  )
  .openapi(
    createRoute({
      method: 'patch',
      path: '/users/{id}',
      operationId: 'updateUser',
      tags: ['users'],
      summary: 'Change a user; users may change their own name and password, admins anything',
      request: {
        params: IdParamSchema,
        body: { required: true, content: { 'application/json': { schema: UserPatchSchema } } },
      },
      responses: {
        200: { description: 'Updated', content: { 'application/json': { schema: UserOutSchema } } },
        ...errorResponses('malformed', 'unauthenticated', 'forbidden', 'not-found', 'conflict', 'invalid'),
      },
    }),
    async (c) => {
      const { id } = c.req.valid('param')
      const { password, currentPassword, version, ...patch } = c.req.valid('json')
      const auth = requireAuth(c)
      const ownProfile = auth.user.id === id && patch.roles === undefined && patch.disabled === undefined
      if (!ownProfile) await authorize(c, 'user.manage', null)
      if (password !== undefined) {
        const target = await c.var.store.users.get(id)
        if (auth.user.id === id) {
          // Whoever holds a session may not take the account over with it: prove the password.
          const stored = await c.var.store.users.findWithCredentials(target.username)
          const known =
            currentPassword !== undefined &&
            (await verifyPassword(currentPassword, stored?.passwordHash ?? dummyHash(c.var.options.passwordCost)))
          if (!known) {
            throw new ApiError(
              'forbidden',
              { field: 'currentPassword' },
              {
                vi: 'Mật khẩu hiện tại không đúng.',
                en: 'The current password is wrong.',
              },
            )
          }
        }
        await checkPassword(password, target.username)
      }
      const user = await c.var.store.users.update(
        id,
        { ...patch, ...(password !== undefined && { passwordHash: await hashPassword(password, c.var.options.passwordCost) }) },
        changeOf(c),
        version,
      )
      // A new password or a disabled account ends the sessions opened before.
      if (password !== undefined || patch.disabled) await c.var.store.sessions.deleteForUser(id)
      return c.json(user, 200)
    },
  )
