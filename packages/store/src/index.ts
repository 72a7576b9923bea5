// Public surface of @papi/store: named re-exports only.

// --- open-store
export { DEFAULT_DATA_DIR, MIGRATIONS_FOLDER, openStore, storeOptionsFromEnv } from './open-store'
export type { OpenStoreOptions } from './open-store'
export { DataFolderLockedError, LOCK_FILE } from './data-folder-lock'
export type { LockHolder } from './data-folder-lock'

// --- store
export { createStore } from './store'
export type { ExclusiveWork, Store } from './store'

// --- database
export type { Database, Driver, Executor, Transaction } from './database'

// --- store-error
export { isForeignKeyViolation, isUniqueViolation, StoreError, StoreErrorCodeSchema, storeErrorOf } from './store-error'
export type { StoreErrorCode } from './store-error'

// --- schema
export {
  assignments,
  auditLog,
  loginAttempts,
  periods,
  plans,
  reports,
  reportVersions,
  scoreNotRanked,
  scores,
  sections,
  sessions,
  sshKeys,
  SYSTEM_SCOPE,
  targets,
  tasks,
  unitSuccessors,
  units,
  unitVersions,
  userRoles,
  users,
} from './schema'

// --- audit-log
export { listAudit, writeAudit } from './audit-log'
export type { AuditEntry, AuditInput, AuditQuery, Change } from './audit-log'

// --- unit-repository
export { MergeInputSchema, UnitInputSchema, UnitPatchSchema } from './unit-repository'
export type { MergeInput, UnitHistory, UnitInput, UnitLink, UnitPatch } from './unit-repository'

// --- register-import
export type { RegisterImportResult, RegisterProgress } from './register-import'

// --- user-repository
export type { NewUser, User, UserPatch, UserWithCredentials } from './user-repository'

// --- ssh-key-repository
export { sshFingerprint } from './ssh-key-repository'
export type { StoredSshKey } from './ssh-key-repository'

// --- backup
export { BACKUP_FORMAT, BACKUP_VERSION, gunzippedLines, gzippedLines, parseBackupHeader } from './backup'
export type { BackupHeader, BackupProgress, RestoreBy } from './backup'

// --- session-repository
export { hashToken } from './session-repository'
export type { NewSession, Session } from './session-repository'

// --- stored-plan, plan-rows
export { asDomainPlan } from './stored-plan'
export type { PlanSummary, ReadPlanOptions, StoredPlan, StoredSection, StoredTask, TaskAssignee } from './stored-plan'
export type { SaveProgress } from './plan-rows'

// --- plan-import
export type { ImportPlanOptions, PlanImportResult, PlanRevisionDetails, RevisedAssignment, RevisedTask, RevisedUnit } from './plan-import'

// --- period-repository
export { periodRule } from './period-repository'
export type { PeriodOverrides, StoredPeriod } from './period-repository'
export type { StoredPeriodNarrative } from './period-narrative-repository'

// --- plan-export
export { loadPlanExport } from './plan-export'
export type { PlanExportData } from './plan-export'

// --- report-repository
export { SessionChangedError } from './report-repository'
export type { ReportQuery, ReportVersion, ReportWrite, SessionCheck, StoredReport } from './report-repository'

// --- score-repository
export { checkResult } from './score-repository'
export type { ProvinceScoreImport, ScoreQuery, ScoreTableWrite, ScoreWrite, StoredNotRanked, StoredScore } from './score-repository'

// --- dashboard
export type { Dashboard, PlanDashboard, UnitStats } from './dashboard'
