import { describe, expect, it } from 'vitest'
import { responseChecker, type OpenApiDocument } from './conformance.fixture'

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } })

// A document with the shape that let `MyTask.report` drift (issue #14): a nullable reference
// written as allOf[$ref, {type: [object, null]}], which rejects the null the server sends.
const doc: OpenApiDocument = {
  paths: {
    '/api/v1/my-tasks': {
      get: {
        operationId: 'listMyTasks',
        responses: {
          '200': {
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  properties: { report: { allOf: [{ $ref: '#/components/schemas/Report' }, { type: ['object', 'null'] }] } },
                  required: ['report'],
                },
              },
            },
          },
          '401': { $ref: '#/components/responses/Unauthenticated' } as never,
        },
      },
    },
    '/api/v1/units/tree': {
      get: { operationId: 'getUnitTree', responses: { '200': { content: { 'application/json': { schema: { type: 'array' } } } } } },
    },
    '/api/v1/units/{id}': {
      get: { operationId: 'getUnit', responses: { '200': { content: { 'application/json': { schema: { type: 'object' } } } } } },
    },
    '/api/v1/scores/export': { get: { operationId: 'exportScores', responses: { '200': { content: { 'text/csv': {} } } } } },
  },
  components: {
    schemas: {
      Report: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] },
      Error: { type: 'object', properties: { error: { type: 'object' } }, required: ['error'] },
    },
    responses: { Unauthenticated: { content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } } },
  },
}

describe('responseChecker', () => {
  const check = responseChecker(doc)

  it('finds the bug of issue #14: report: null against allOf[$ref, {type: [object, null]}]', async () => {
    const { operationId, problems } = await check('GET', '/api/v1/my-tasks?periodId=2018S1', json(200, { report: null }))
    expect(operationId).toBe('listMyTasks')
    expect(problems.join('\n')).toMatch(/body\/report must be object/)
  })

  it('passes a body the schema accepts, with $refs into the components', async () => {
    expect((await check('GET', '/api/v1/my-tasks', json(200, { report: { id: 'r1' } }))).problems).toEqual([])
  })

  it('reads shared responses by reference', async () => {
    expect((await check('GET', '/api/v1/my-tasks', json(401, { error: { code: 'unauthenticated' } }))).problems).toEqual([])
    expect((await check('GET', '/api/v1/my-tasks', json(401, { nope: true }))).problems).not.toEqual([])
  })

  it('flags a status the document does not list', async () => {
    expect((await check('GET', '/api/v1/my-tasks', json(418, {}))).problems).toEqual([
      'GET /api/v1/my-tasks answered 418, which the document does not list',
    ])
  })

  it('flags a content type the document does not list', async () => {
    const res = new Response('a,b\n', { status: 200, headers: { 'content-type': 'text/plain' } })
    expect((await check('GET', '/api/v1/scores/export', res)).problems[0]).toMatch(/answered text\/plain; the document lists text\/csv/)
  })

  it('matches a literal path segment before a parameter (/units/tree is not /units/{id})', async () => {
    expect((await check('GET', 'http://papi.test/api/v1/units/tree', json(200, []))).operationId).toBe('getUnitTree')
    expect((await check('GET', '/api/v1/units/u1', json(200, {}))).operationId).toBe('getUnit')
  })

  it('leaves requests outside the document alone (docs page, web app)', async () => {
    expect(await check('GET', '/api/docs', new Response('<html>'))).toEqual({ operationId: undefined, route: undefined, problems: [] })
  })
})
