import { sql } from 'drizzle-orm'
import type { Plan, Register, ReportAction, UnitTree } from '@papi/domain'
import { listAudit, type AuditQuery, type Change } from './audit-log'
import { backupLines, restoreBackup, type BackupHeader, type BackupProgress, type RestoreBy } from './backup'
import { deletePlan, deleteUnit, deleteUser } from './deletion'
import { addSshKey, findSshKey, listSshKeys, removeSshKey, touchSshKey } from './ssh-key-repository'
import { dashboard } from './dashboard'
import { figuresCacheOf } from './figures-cache'
import type { Database, Driver } from './database'
import { purgeLoginAttempts, recentLoginFailures, recordLoginAttempt } from './login-attempt'
import { getPeriodNarrative, savePeriodNarrative } from './period-narrative-repository'
import { findPeriod, listPeriods, openPeriod, updatePeriod, type PeriodOverrides } from './period-repository'
import { loadPlanExport } from './plan-export'
import { importPlan, previewPlanImport, type ImportPlanOptions } from './plan-import'
import { createPlan, publishPlan, updatePlan } from './plan-repository'
import { findPlanByNumber, getPlan, listPlans, type ReadPlanOptions } from './stored-plan'
import {
  actOnReport,
  findReport,
  findReportFor,
  getReport,
  listReports,
  listReportVersions,
  saveReport,
  type ReportQuery,
  type ReportWrite,
  type SessionCheck,
} from './report-repository'
import {
  importProvinceScores,
  readScoreTableVersion,
  saveScoreTable,
  listNotRanked,
  listScores,
  saveNotRanked,
  saveScores,
  type ScoreQuery,
  type ScoreWrite,
} from './score-repository'
import {
  createSession,
  deleteSession,
  deleteUserSessions,
  findSession,
  findSessionUser,
  purgeExpiredSessions,
  revokeUserSessions,
} from './session-repository'
import { keptSessions, type Listen } from './session-cache'
import { unitTreesOf } from './unit-tree-cache'
import {
  createUnit,
  findUnit,
  listUnitVersions,
  unitHistory,
  findUnitByCode,
  getUnit,
  listUnits,
  mergeUnit,
  updateUnit,
  type MergeInput,
  type UnitInput,
  type UnitPatch,
} from './unit-repository'
import { importRegister, type RegisterProgress } from './register-import'
import {
  createUser,
  findUser,
  findUserWithCredentials,
  getUser,
  listUsers,
  updateUser,
  type NewUser,
  type UserPatch,
} from './user-repository'

/**
 * The persistence service the API, the CLI and the TUI are handed: repositories bound to one
 * database. Everything it does goes through SQL; what it keeps (the unit tree, figures, on PGlite
 * the sessions) it reads again once the database has changed, so any number of API processes can
 * share one PostgreSQL server.
 */
export interface Store {
  readonly driver: Driver
  /** The drizzle database, for queries no repository offers yet. */
  readonly db: Database
  close(): Promise<void>
  units: {
    list(): ReturnType<typeof listUnits>
    /**
     * The organisation as it is (cached per process, reread once any process changed a unit), or
     * with `asOf` as it was that day (moved units under their parent then). `version`: the tree's
     * version the caller read in this request (`sessions.findWithUser` answers it), which then is
     * not read again.
     */
    tree(options?: { asOf?: string; version?: number }): Promise<UnitTree>
    /**
     * The current tree this process holds, with its version, without a round trip (and without
     * knowing whether the database moved on: a caller checks the version in its own statement).
     */
    heldTree(): { version: number; tree: UnitTree } | undefined
    /** The dated versions of units that were moved or renamed. */
    versions(unitIds?: readonly string[]): ReturnType<typeof listUnitVersions>
    /** Loads the national register (or one province's part) as dated units and links; idempotent. */
    importRegister(register: Register, change: Change, options?: { onProgress?: RegisterProgress }): ReturnType<typeof importRegister>
    get(id: string): ReturnType<typeof getUnit>
    /** A unit's versions, predecessors and successors (whole or part). */
    history(id: string): ReturnType<typeof unitHistory>
    find(id: string): ReturnType<typeof findUnit>
    findByCode(code: string): ReturnType<typeof findUnitByCode>
    create(input: UnitInput, change: Change, id?: string): ReturnType<typeof createUnit>
    /** `expectedVersion`, when given, must be the unit's version last read (else `version-conflict`). */
    update(id: string, patch: UnitPatch, change: Change, expectedVersion?: number): ReturnType<typeof updateUnit>
    merge(id: string, input: MergeInput, change: Change, expectedVersion?: number): ReturnType<typeof mergeUnit>
    /** Deletes a unit nothing points at; in use, it is ended instead (409). `expectedVersion`: as for update. */
    remove(id: string, change: Change, expectedVersion?: number): Promise<void>
  }
  users: {
    list(): ReturnType<typeof listUsers>
    get(id: string): ReturnType<typeof getUser>
    find(id: string): ReturnType<typeof findUser>
    findWithCredentials(username: string): ReturnType<typeof findUserWithCredentials>
    create(input: NewUser, change: Change): ReturnType<typeof createUser>
    /** `expectedVersion`, when given, must be the user's version last read (else `version-conflict`). */
    update(id: string, patch: UserPatch, change: Change, expectedVersion?: number): ReturnType<typeof updateUser>
    /** Deletes a user who never changed anything; anyone else is disabled instead (409). `expectedVersion`: as for update. */
    remove(id: string, change: Change, expectedVersion?: number): Promise<void>
  }
  sshKeys: {
    list(userId: string): ReturnType<typeof listSshKeys>
    find(fingerprint: string): ReturnType<typeof findSshKey>
    add(userId: string, key: Parameters<typeof addSshKey>[2], change: Change): ReturnType<typeof addSshKey>
    /** Removes a key naming the version read (`version-conflict` when stale). */
    remove(userId: string, keyId: string, version: number, change: Change): Promise<void>
    touch(keyId: string, at: Date): Promise<void>
  }
  backup: {
    /** The whole database as JSON lines, header first (see {@link backupLines}). */
    lines(now: Date, onProgress?: (p: BackupProgress) => void): AsyncGenerator<string>
    /** Replaces every table with a backup's rows, all or nothing, and audits it (see {@link restoreBackup}). */
    restore(lines: AsyncIterable<string> | Iterable<string>, by: RestoreBy, onProgress?: (p: BackupProgress) => void): Promise<BackupHeader>
  }
  sessions: {
    create(userId: string, options: { now: Date; ttlMs: number }): ReturnType<typeof createSession>
    find(token: string, now: Date): ReturnType<typeof findSession>
    /**
     * The live session with its user and roles, in one round trip (see {@link findSessionUser}); on
     * PGlite none once read, until something that could change it commits (session-cache.ts).
     */
    findWithUser(token: string, now: Date): ReturnType<typeof findSessionUser>
    delete(token: string): Promise<void>
    deleteForUser(userId: string): Promise<void>
    /** Ends every session of a user on request, audited; answers how many. */
    revokeForUser(userId: string, change: Change): Promise<number>
    purgeExpired(now: Date): Promise<number>
  }
  loginAttempts: {
    record(key: string, succeeded: boolean, at: Date): Promise<void>
    recentFailures(key: string, since: Date): ReturnType<typeof recentLoginFailures>
    purge(before: Date): Promise<void>
  }
  plans: {
    list(filter?: { scopeUnitIds?: string[] }): ReturnType<typeof listPlans>
    /** The plan; `{ assignees: false }`: without its tasks' resolved assignees (its text only, see ReadPlanOptions). */
    get(id: string, options?: ReadPlanOptions): ReturnType<typeof getPlan>
    findByNumber(key: { number: string; issuer: string; issuedOn: string }): Promise<string | undefined>
    create(plan: Plan, change: Change): ReturnType<typeof createPlan>
    update(id: string, plan: Plan, change: Change, expectedVersion?: number): ReturnType<typeof updatePlan>
    publish(id: string, change: Change, expectedVersion?: number): ReturnType<typeof publishPlan>
    /** Deletes a plan still in draft (409 once published). `expectedVersion`: as for publish. */
    remove(id: string, change: Change, expectedVersion?: number): Promise<void>
    /**
     * Creates the plan, or updates in place the one stored with the same number, issuer and date
     * (see {@link importPlan}): one transaction, task ids and reports kept.
     */
    import(plan: Plan, change: Change, options?: ImportPlanOptions): ReturnType<typeof importPlan>
    /** What `import` would do with a plan already stored: the revision, nothing written (see {@link previewPlanImport}). */
    previewImport(plan: Plan): ReturnType<typeof previewPlanImport>
    /** What the plan's task table and consolidated report are drawn from (see {@link loadPlanExport}). */
    exportData(id: string, options?: { periodId?: string }): ReturnType<typeof loadPlanExport>
  }
  periods: {
    list(planId: string): ReturnType<typeof listPeriods>
    find(planId: string, code: string): ReturnType<typeof findPeriod>
    open(planId: string, code: string, overrides: PeriodOverrides, change: Change): ReturnType<typeof openPeriod>
    update(
      planId: string,
      code: string,
      patch: PeriodOverrides & { locked?: boolean },
      change: Change,
      expectedVersion?: number,
    ): ReturnType<typeof updatePeriod>
    /** The plan's report texts for a period (empty, version 0, before anyone wrote them). */
    narrative(planId: string, code: string): ReturnType<typeof getPeriodNarrative>
    /** Saves them, audited; `expectedVersion` is the version last read (see {@link savePeriodNarrative}). */
    saveNarrative(
      planId: string,
      code: string,
      narrative: Parameters<typeof savePeriodNarrative>[3],
      change: Change,
      expectedVersion: number,
    ): ReturnType<typeof savePeriodNarrative>
  }
  reports: {
    list(query?: ReportQuery): ReturnType<typeof listReports>
    get(id: string): ReturnType<typeof getReport>
    find(id: string): ReturnType<typeof findReport>
    findFor(key: { taskId: string; unitId: string; periodId: string }): ReturnType<typeof findReportFor>
    /** `check`: a session the API took from its cache, verified in the save's own read (see {@link SessionCheck}). */
    save(input: ReportWrite, change: Change, check?: SessionCheck): ReturnType<typeof saveReport>
    act(id: string, action: ReportAction, change: Change, version?: number): ReturnType<typeof actOnReport>
    versions(id: string): ReturnType<typeof listReportVersions>
  }
  scores: {
    list(query?: ScoreQuery): ReturnType<typeof listScores>
    /** Each result with the version it was based on (0: none stored yet) is checked against it; without one it replaces. */
    save(results: readonly ScoreWrite[], change: Change): ReturnType<typeof saveScores>
    /** Years units were not ranked in (listed in the table, not assessed), by the same query. */
    notRanked(query?: ScoreQuery): ReturnType<typeof listNotRanked>
    /** Keeps not-ranked years, replacing a stored result of the same unit, framework and year. */
    saveNotRanked(years: Parameters<typeof saveNotRanked>[1], change: Change): ReturnType<typeof saveNotRanked>
    /** The version of one framework's year as a whole ('0': nothing stored), which a table import names. */
    tableVersion(frameworkId: string, year: number): ReturnType<typeof readScoreTableVersion>
    /** Stores a framework's year (results and not-ranked years) at once, if it is still at the version read (else `version-conflict`, nothing stored). */
    saveTable(table: Parameters<typeof saveScoreTable>[1], change: Change): ReturnType<typeof saveScoreTable>
    /** Stores one year of every province's results: matched by code or folded name, ranked over those ranked that year, at the table version read. */
    importProvinceTable(table: Parameters<typeof importProvinceScores>[1], change: Change): ReturnType<typeof importProvinceScores>
  }
  audit: {
    list(query?: AuditQuery): ReturnType<typeof listAudit>
  }
  /**
   * Runs `work` while no other papi process on the same database runs work under the same name:
   * on PostgreSQL a transaction-scoped advisory lock held by one pooled connection for the while
   * (`work` runs on the others); on PGlite the data-folder lock already makes this the only process.
   * For check-then-create work that is safe to repeat but not to interleave (seeding the demo).
   */
  exclusively<T>(name: ExclusiveWork, work: () => Promise<T>): Promise<T>
  dashboard(
    tree: UnitTree,
    query: { unitId: string; periodId: string; asOf?: Date | string; now?: Date; planId?: string; graceDays?: number },
  ): ReturnType<typeof dashboard>
}

/** Work that two papi processes on one database must not do at the same time. */
export type ExclusiveWork = 'demo-seed'

/** Advisory lock keys, one per kind of exclusive work (the migrations use 7_267_001, open-store.ts). */
const EXCLUSIVE_LOCKS: Record<ExclusiveWork, number> = { 'demo-seed': 7_267_002 }

/**
 * Binds the repositories to a database. `openStore` is the usual way in. `listen`: for a database
 * no other process writes (PGlite), how to hear of its changes: sessions are then kept as read
 * until one that could change them commits (session-cache.ts).
 */
export function createStore(db: Database, driver: Driver, close: () => Promise<void>, listen?: Listen): Store {
  const trees = unitTreesOf(db)
  const figures = figuresCacheOf(db)
  const sessions = listen && keptSessions<NonNullable<Awaited<ReturnType<typeof findSessionUser>>>>(listen)
  return {
    driver,
    db,
    close: async () => {
      await sessions?.stop()
      await close()
    },
    units: {
      list: () => listUnits(db),
      tree: (options) => (options?.asOf === undefined ? trees.get(db, options?.version) : trees.asOf(options.asOf)),
      heldTree: () => trees.held(),
      versions: (unitIds) => listUnitVersions(db, unitIds),
      importRegister: (register, change, options) => importRegister(db, register, change, options),
      get: (id) => getUnit(db, id),
      history: (id) => unitHistory(db, id),
      find: (id) => findUnit(db, id),
      findByCode: (code) => findUnitByCode(db, code),
      create: (input, change, id) => createUnit(db, input, change, id),
      update: (id, patch, change, expectedVersion) => updateUnit(db, id, patch, change, expectedVersion),
      merge: (id, input, change, expectedVersion) => mergeUnit(db, id, input, change, expectedVersion),
      remove: (id, change, expectedVersion) => deleteUnit(db, id, change, expectedVersion),
    },
    users: {
      list: () => listUsers(db),
      get: (id) => getUser(db, id),
      find: (id) => findUser(db, id),
      findWithCredentials: (username) => findUserWithCredentials(db, { username }),
      create: (input, change) => createUser(db, input, change),
      update: (id, patch, change, expectedVersion) => updateUser(db, id, patch, change, expectedVersion),
      remove: (id, change, expectedVersion) => deleteUser(db, id, change, expectedVersion),
    },
    sshKeys: {
      list: (userId) => listSshKeys(db, userId),
      find: (fingerprint) => findSshKey(db, fingerprint),
      add: (userId, key, change) => addSshKey(db, userId, key, change),
      remove: (userId, keyId, version, change) => removeSshKey(db, userId, keyId, version, change),
      touch: (keyId, at) => touchSshKey(db, keyId, at),
    },
    backup: {
      lines: (now, onProgress) => backupLines(db, driver, now, onProgress),
      restore: (lines, by, onProgress) => restoreBackup(db, lines, by, onProgress),
    },
    sessions: {
      create: (userId, options) => createSession(db, userId, options),
      find: (token, now) => findSession(db, token, now),
      findWithUser: (token, now) =>
        sessions ? sessions.find(token, now, () => findSessionUser(db, token, now)) : findSessionUser(db, token, now),
      delete: (token) => deleteSession(db, token),
      deleteForUser: (userId) => deleteUserSessions(db, userId),
      revokeForUser: (userId, change) => revokeUserSessions(db, userId, change),
      purgeExpired: (now) => purgeExpiredSessions(db, now),
    },
    loginAttempts: {
      record: (key, succeeded, at) => recordLoginAttempt(db, key, succeeded, at),
      recentFailures: (key, since) => recentLoginFailures(db, key, since),
      purge: (before) => purgeLoginAttempts(db, before),
    },
    plans: {
      list: (filter) => listPlans(db, filter),
      get: async (id, options) => getPlan(db, id, await trees.get(), options),
      findByNumber: (key) => findPlanByNumber(db, key),
      create: (plan, change) => createPlan(db, plan, change),
      update: (id, plan, change, expectedVersion) => updatePlan(db, id, plan, change, expectedVersion),
      publish: (id, change, expectedVersion) => publishPlan(db, id, change, expectedVersion),
      remove: (id, change, expectedVersion) => deletePlan(db, id, change, expectedVersion),
      import: (plan, change, options) => importPlan(db, plan, change, options),
      previewImport: (plan) => previewPlanImport(db, plan),
      exportData: (id, options) => loadPlanExport(db, id, options),
    },
    periods: {
      list: (planId) => listPeriods(db, planId),
      find: (planId, code) => findPeriod(db, planId, code),
      open: (planId, code, overrides, change) => db.transaction((tx) => openPeriod(tx, planId, code, overrides, change)),
      update: (planId, code, patch, change, expectedVersion) =>
        db.transaction((tx) => updatePeriod(tx, planId, code, patch, change, expectedVersion)),
      narrative: (planId, code) => getPeriodNarrative(db, planId, code),
      saveNarrative: (planId, code, narrative, change, expectedVersion) =>
        savePeriodNarrative(db, planId, code, narrative, change, expectedVersion),
    },
    reports: {
      list: (query) => listReports(db, query),
      get: (id) => getReport(db, id),
      find: (id) => findReport(db, id),
      findFor: (key) => findReportFor(db, key),
      save: (input, change, check) =>
        saveReport(db, input, change, check, { oneStatement: driver === 'pglite' ? 'first saves' : 'first saves and updates' }),
      act: (id, action, change, version) => actOnReport(db, id, action, change, version),
      versions: (id) => listReportVersions(db, id),
    },
    scores: {
      list: (query) => listScores(db, query),
      save: (results, change) => saveScores(db, results, change),
      notRanked: (query) => listNotRanked(db, query),
      saveNotRanked: (years, change) => saveNotRanked(db, years, change),
      tableVersion: (frameworkId, year) => readScoreTableVersion(db, frameworkId, year),
      saveTable: (table, change) => saveScoreTable(db, table, change),
      importProvinceTable: (table, change) => importProvinceScores(db, table, change),
    },
    audit: {
      list: (query) => listAudit(db, query),
    },
    dashboard: (tree, query) => dashboard(db, tree, query, { cache: figures }),
    async exclusively(name, work) {
      if (driver === 'pglite') return work()
      let result: Awaited<ReturnType<typeof work>> | undefined
      await db.transaction(async (tx) => {
        await tx.execute(sql`select pg_advisory_xact_lock(${EXCLUSIVE_LOCKS[name]})`)
        result = await work()
      })
      return result as Awaited<ReturnType<typeof work>>
    },
  }
}
