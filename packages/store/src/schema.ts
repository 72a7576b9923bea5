/**
 * The database schema: one set of tables for PGlite and PostgreSQL alike.
 *
 * Distribution by province (Citus): the large tables — tasks, assignments, reports,
 * report_versions, audit_log — carry `province_id` as the first column of their primary key,
 * every unique constraint and every foreign key between them, so they can later become
 * distributed tables (`create_distributed_table('reports', 'province_id')`) without a redesign.
 * The small tables (units, users, plans, sections, periods, scores, targets) would become
 * reference tables. `province_id` is the id of the province-level unit the row belongs to, or
 * {@link SYSTEM_SCOPE} for rows that belong to no province (national units, users).
 */
import type {
  Assignee,
  Comparator,
  Evidence,
  IndexKind,
  IndexResult,
  NotRankedYear,
  KpiValue,
  MeasureUnit,
  PlanStatus,
  ReportingRules,
  ReportStatus,
  Role,
  Timeframe,
  UnitClass,
  UnitKind,
  UnitLevel,
  WorkStatus,
} from '@papi/domain'
import { sql } from 'drizzle-orm'
import {
  type AnyPgColumn,
  bigint,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core'

/** `province_id` of rows that belong to no province (national units, users, system events). */
export const SYSTEM_SCOPE = 'system'

const createdAt = () => timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
const updatedAt = () => timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow()
const day = (name: string) => date(name, { mode: 'string' })

// --- organisation

export const units = pgTable(
  'units',
  {
    id: text('id').primaryKey(),
    code: text('code').notNull(),
    /** The National Statistics Office code of an administrative unit ("01", "001", "00004"). */
    officialCode: text('official_code'),
    /** The current name, parent, level and kind; earlier ones are in `unit_versions`. */
    name: text('name').notNull(),
    level: text('level').$type<UnitLevel>().notNull(),
    kind: text('kind').$type<UnitKind>().notNull(),
    // A column referencing its own table names its type (drizzle's AnyPgColumn): inferred, the table's type would be circular.
    parentId: text('parent_id').references((): AnyPgColumn => units.id),
    /** Province-level ancestor (or the unit itself); null for national units. */
    provinceId: text('province_id'),
    validFrom: day('valid_from'),
    validTo: day('valid_to'),
    /** Optimistic-concurrency version: a change or merge names the version it read; each bumps it. */
    version: integer('version').notNull().default(1),
    /** Order of creation: siblings list in the order they were entered. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('units_code_key').on(t.code),
    index('units_parent_idx').on(t.parentId),
    index('units_official_code_idx').on(t.officialCode),
    index('units_province_idx').on(t.provinceId),
  ],
)

/**
 * A unit as it was over a span of days: its name, parent, level and kind from `valid_from` to
 * `valid_to` (both inclusive; null = open). Written when a unit is moved or renamed, so a past
 * period is read with the organisation it had; a unit never changed has no rows here (its
 * `units` row is its one version).
 */
export const unitVersions = pgTable(
  'unit_versions',
  {
    id: bigint('id', { mode: 'number' }).generatedAlwaysAsIdentity().primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    validFrom: day('valid_from'),
    validTo: day('valid_to'),
    name: text('name').notNull(),
    level: text('level').notNull(),
    kind: text('kind').notNull(),
    parentId: text('parent_id').references(() => units.id),
    provinceId: text('province_id'),
    createdAt: createdAt(),
  },
  (t) => [index('unit_versions_unit_idx').on(t.unitId, t.validFrom)],
)

/**
 * One row whose `version` moves on with every change to `units` or `unit_successors` (statement
 * triggers, migration 0004): API processes cache the unit tree and check this one value per
 * request instead of rereading every unit, and every process sees every other's changes.
 */
export const unitTreeVersion = pgTable('unit_tree_version', {
  id: integer('id').primaryKey().default(1),
  version: bigint('version', { mode: 'number' }).notNull().default(0),
})

/**
 * What a plan's dashboard figures are computed from has changed when the sums of its `n`,
 * `reports` and `filed` have: statement triggers (migrations 0009, 0010) add 1 to `n` for every
 * plan a committed statement touched in `plans`, `sections`, `tasks`, `targets`, `assignments` or
 * `periods`, and to `reports` (and `filed`) for one that touched its `reports`, whichever process
 * or tool wrote it. A plan has several rows (`slot`): a write adds to a row no other
 * transaction holds (`FOR UPDATE SKIP LOCKED`), or to a new one, so concurrent saves to one plan
 * never wait for each other's commit. Every committed write strictly increases the sum, in
 * whatever order transactions commit (a maximum of stamps would not: a lower stamp can commit
 * after a higher one was read). Rows are never deleted with their plan; backups leave the table
 * out, and a restore keeps it (its truncates and inserts add to it).
 */
export const planFiguresVersions = pgTable(
  'plan_figures_versions',
  {
    planId: text('plan_id').notNull(),
    slot: integer('slot').notNull(),
    n: bigint('n', { mode: 'number' }).notNull().default(0),
    /**
     * Writes to the plan's reports count here instead of in `n` (migration 0010): a saved report
     * leaves the plan's structure — its tasks, assignments, periods — and what the dashboard
     * derived from it as they were.
     */
    reports: bigint('reports', { mode: 'number' }).notNull().default(0),
    /**
     * Of those, writes that touched a filed (submitted or accepted) report, before or after: only
     * these can change which report the progress rule counts per task and unit (a draft saved
     * moves `reports`, not `filed`).
     */
    filed: bigint('filed', { mode: 'number' }).notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.planId, t.slot] })],
)

/** Old → new mapping of mergers (Kiên Giang → An Giang from 2025-07-01). */
export const unitSuccessors = pgTable(
  'unit_successors',
  {
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    successorId: text('successor_id')
      .notNull()
      .references(() => units.id, { onDelete: 'cascade' }),
    effectiveOn: day('effective_on'),
    /** `whole` (all of the old unit went in) or `part` (an old commune split among several new ones). */
    kind: text('kind').notNull().default('whole'),
    /** The conversion table's own words ("Nhập một phần diện tích"). */
    note: text('note'),
  },
  (t) => [primaryKey({ columns: [t.unitId, t.successorId] }), index('unit_successors_successor_idx').on(t.successorId)],
)

// --- people and sessions

export const users = pgTable(
  'users',
  {
    id: text('id').primaryKey(),
    /** Stored lower-case: log-ins are case-insensitive. */
    username: text('username').notNull(),
    passwordHash: text('password_hash').notNull(),
    displayName: text('display_name').notNull(),
    disabled: boolean('disabled').notNull().default(false),
    /** Optimistic-concurrency version: a change (roles, disabling, password) names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('users_username_key').on(t.username)],
)

export const userRoles = pgTable(
  'user_roles',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    role: text('role').$type<Role>().notNull(),
    /** Null for `admin`, which holds over the whole system. */
    unitId: text('unit_id').references(() => units.id),
  },
  (t) => [index('user_roles_user_idx').on(t.userId), index('user_roles_unit_idx').on(t.unitId)],
)

/** Sessions live in the database so that any API process can serve any user. */
export const sessions = pgTable(
  'sessions',
  {
    /** SHA-256 of the bearer token: a stolen database does not yield live tokens. */
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** Double-submit value that cookie-authenticated writes must echo in `X-CSRF-Token`. */
    csrfToken: text('csrf_token').notNull(),
    createdAt: createdAt(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('sessions_user_idx').on(t.userId), index('sessions_expires_idx').on(t.expiresAt)],
)

/** SSH public keys users sign in with over `papi ssh-serve`; several per user. */
export const sshKeys = pgTable(
  'ssh_keys',
  {
    id: text('id').primaryKey(),
    userId: text('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `ssh-ed25519`, `ssh-rsa`… */
    type: text('type').notNull(),
    /** The key blob, base64 as in `id_ed25519.pub`. */
    data: text('data').notNull(),
    comment: text('comment').notNull().default(''),
    /** `SHA256:…` as `ssh-keygen -lf` prints it; one account per key. */
    fingerprint: text('fingerprint').notNull(),
    createdAt: createdAt(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true, mode: 'date' }),
  },
  (t) => [uniqueIndex('ssh_keys_fingerprint_key').on(t.fingerprint), index('ssh_keys_user_idx').on(t.userId)],
)

/** Failed and successful log-ins, counted per key (user name, client address) for rate limits. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    id: text('id').primaryKey(),
    key: text('key').notNull(),
    succeeded: boolean('succeeded').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('login_attempts_key_at_idx').on(t.key, t.at)],
)

// --- plans

export const plans = pgTable(
  'plans',
  {
    id: text('id').primaryKey(),
    provinceId: text('province_id').notNull(),
    number: text('number').notNull(),
    title: text('title').notNull(),
    issuer: text('issuer').notNull(),
    issuerUnitId: text('issuer_unit_id').references(() => units.id),
    place: text('place'),
    issuedOn: day('issued_on').notNull(),
    signer: text('signer'),
    index: text('index').$type<IndexKind>().notNull(),
    frameworkId: text('framework_id'),
    yearFrom: integer('year_from').notNull(),
    yearTo: integer('year_to').notNull(),
    parentPlanId: text('parent_plan_id').references((): AnyPgColumn => plans.id),
    parentPlanNumber: text('parent_plan_number'),
    scopeUnitId: text('scope_unit_id').references(() => units.id),
    standingAgency: jsonb('standing_agency').$type<Assignee>(),
    goals: jsonb('goals').$type<string[]>().notNull().default(sql`'[]'::jsonb`),
    reporting: jsonb('reporting').$type<ReportingRules>(),
    status: text('status').$type<PlanStatus>().notNull().default('draft'),
    version: integer('version').notNull().default(1),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    index('plans_province_idx').on(t.provinceId),
    index('plans_scope_idx').on(t.scopeUnitId),
    uniqueIndex('plans_number_issuer_key').on(t.number, t.issuer, t.issuedOn),
  ],
)

export const sections = pgTable(
  'sections',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    provinceId: text('province_id').notNull(),
    code: text('code').notNull(),
    title: text('title').notNull(),
    dimension: text('dimension'),
    weight: doublePrecision('weight'),
    position: integer('position').notNull(),
  },
  (t) => [index('sections_plan_idx').on(t.planId, t.position)],
)

export const tasks = pgTable(
  'tasks',
  {
    provinceId: text('province_id').notNull(),
    id: text('id').notNull(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    sectionId: text('section_id')
      .notNull()
      .references(() => sections.id, { onDelete: 'cascade' }),
    code: text('code').notNull(),
    title: text('title').notNull(),
    lead: jsonb('lead').$type<Assignee[]>().notNull(),
    coordinators: jsonb('coordinators').$type<Assignee[]>().notNull(),
    timeframe: jsonb('timeframe').$type<Timeframe>().notNull(),
    weight: doublePrecision('weight'),
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.id] }),
    index('tasks_plan_idx').on(t.provinceId, t.planId, t.position),
    index('tasks_section_idx').on(t.provinceId, t.sectionId),
    // Reports name a task by id alone (PUT /reports); this finds its province.
    index('tasks_id_idx').on(t.id),
  ],
)

/** Measurable targets of a plan (taskId null) or of one task. */
export const targets = pgTable(
  'targets',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    provinceId: text('province_id').notNull(),
    taskId: text('task_id'),
    metric: text('metric').notNull(),
    comparator: text('comparator').$type<Comparator>().notNull(),
    value: doublePrecision('value').notNull(),
    valueMax: doublePrecision('value_max'),
    unit: text('unit').$type<MeasureUnit>().notNull(),
    baselineYear: integer('baseline_year'),
    baselineValue: doublePrecision('baseline_value'),
    /** The year the target is for; null: the plan's last year. */
    year: integer('year'),
    text: text('text'),
    position: integer('position').notNull(),
  },
  (t) => [index('targets_plan_idx').on(t.planId, t.taskId)],
)

/** A task's assignees resolved to units (classes expanded inside the plan's scope). */
export const assignments = pgTable(
  'assignments',
  {
    provinceId: text('province_id').notNull(),
    id: text('id').notNull(),
    planId: text('plan_id').notNull(),
    taskId: text('task_id').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    /** `lead` or `coordinator`. */
    role: text('role').$type<'lead' | 'coordinator'>().notNull(),
    /** The assignee as written in the plan ("UBND cấp xã"). */
    assigneeText: text('assignee_text').notNull(),
    unitClass: text('unit_class').$type<UnitClass>(),
    /** Leads then coordinators, each in tree order, as the domain resolved them. */
    position: integer('position').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.id] }),
    uniqueIndex('assignments_task_unit_role_key').on(t.provinceId, t.taskId, t.unitId, t.role),
    index('assignments_unit_idx').on(t.provinceId, t.unitId),
    index('assignments_plan_idx').on(t.provinceId, t.planId),
    // The dashboard picks the plans with work inside a subtree by the subtree's units.
    index('assignments_unit_plan_idx').on(t.unitId, t.planId),
    foreignKey({ columns: [t.provinceId, t.taskId], foreignColumns: [tasks.provinceId, tasks.id] }).onDelete('cascade'),
  ],
)

// --- periods and reports

/** A reporting period of a plan (`2018Q2`) with its data cut-off window and deadline. */
export const periods = pgTable(
  'periods',
  {
    id: text('id').primaryKey(),
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Period id in the DHIS2 style: 2024M03, 2024Q1, 2024S1, 2024N9, 2024. */
    code: text('code').notNull(),
    cutoffStart: day('cutoff_start').notNull(),
    cutoffEnd: day('cutoff_end').notNull(),
    dueOn: day('due_on').notNull(),
    locked: boolean('locked').notNull().default(false),
    /** Days of tolerance after `due_on` before a report counts as late (and a past period is judged). */
    graceDays: integer('grace_days').notNull().default(0),
    /** Optimistic-concurrency version: a deadline move or lock names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex('periods_plan_code_key').on(t.planId, t.code)],
)

/**
 * The plan's own report for a period, as its standing agency writes it: the four narrative parts
 * printed around the generated tables (Decree 30/2020/NĐ-CP report layout). One per plan and
 * period; `version` guards concurrent edits.
 */
export const periodNarratives = pgTable(
  'period_narratives',
  {
    planId: text('plan_id')
      .notNull()
      .references(() => plans.id, { onDelete: 'cascade' }),
    /** Period id as opened on the plan (2018S1). */
    periodCode: text('period_code').notNull(),
    results: text('results').notNull().default(''),
    limits: text('limits').notNull().default(''),
    nextTasks: text('next_tasks').notNull().default(''),
    proposals: text('proposals').notNull().default(''),
    version: integer('version').notNull().default(1),
    updatedAt: updatedAt(),
    updatedBy: text('updated_by'),
  },
  (t) => [primaryKey({ columns: [t.planId, t.periodCode] })],
)

/**
 * The last day of a report's period (`parsePeriod(periodId).end`: a month's, a quarter's, a
 * half-year's, nine months' or a year's last calendar day), as SQL over its `period_id` — the
 * order in which the progress rule reads a unit's reports (latest period first). Immutable, so
 * `reports_latest_filed_idx` is built on it; dashboard.ts orders by the very same expression so
 * PostgreSQL reads that index in order. dashboard.test.ts holds it to the domain's `parsePeriod`.
 */
export const PERIOD_END_OF_REPORT = sql.raw(
  `(make_date(substr(period_id, 1, 4)::int + (${endMonth()}) / 12, (${endMonth()}) % 12 + 1, 1) - 1)`,
)

/**
 * How long a report's period is (`PERIOD_TYPE_RANK`: month 0 … year 4), as SQL over its
 * `period_id`: of two reports ending the same day and filed at the same moment, the longer
 * period's counts (the domain's `progressRollup`).
 */
export const PERIOD_RANK_OF_REPORT = sql.raw(
  "(case substr(period_id, 5, 1) when 'M' then 0 when 'Q' then 1 when 'S' then 2 when 'N' then 3 else 4 end)",
)

/** The month a period id ends in: `M03` → 3, `Q2` → 6, `S1` → 6, `N9` → 9, a year → 12. */
function endMonth(): string {
  return "case substr(period_id, 5, 1) when 'M' then substr(period_id, 6, 2)::int when 'Q' then substr(period_id, 6, 1)::int * 3 when 'S' then substr(period_id, 6, 1)::int * 6 when 'N' then 9 else 12 end"
}

export const reports = pgTable(
  'reports',
  {
    provinceId: text('province_id').notNull(),
    id: text('id').notNull(),
    planId: text('plan_id').notNull(),
    taskId: text('task_id').notNull(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    periodId: text('period_id').notNull(),
    status: text('status').$type<ReportStatus>().notNull().default('draft'),
    workStatus: text('work_status').$type<WorkStatus>().notNull().default('in-progress'),
    progress: doublePrecision('progress').notNull().default(0),
    narrative: text('narrative').notNull().default(''),
    kpiValues: jsonb('kpi_values').$type<KpiValue[]>().notNull().default(sql`'[]'::jsonb`),
    evidence: jsonb('evidence').$type<Evidence[]>().notNull().default(sql`'[]'::jsonb`),
    /** Optimistic-concurrency version: every write is `UPDATE … WHERE version = $read`. */
    version: integer('version').notNull().default(1),
    completedOn: day('completed_on'),
    submittedAt: timestamp('submitted_at', { withTimezone: true, mode: 'date' }),
    reviewedAt: timestamp('reviewed_at', { withTimezone: true, mode: 'date' }),
    reviewedBy: text('reviewed_by'),
    reviewComment: text('review_comment'),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    updatedBy: text('updated_by'),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.id] }),
    uniqueIndex('reports_task_unit_period_key').on(t.provinceId, t.taskId, t.unitId, t.periodId),
    // Dashboard: every report of a plan for a period, and every report of a unit.
    index('reports_plan_period_idx').on(t.provinceId, t.planId, t.periodId),
    index('reports_unit_period_idx').on(t.provinceId, t.unitId, t.periodId),
    // /reports/:id/submit names a report by id alone.
    index('reports_id_idx').on(t.id),
    // Dashboard progress: each (task, unit)'s filed reports, latest period, latest filing, then
    // longest period first when read backwards, with every column the figures read (an index-only scan; no
    // sort, no wide heap rows). A btree cannot INCLUDE columns in drizzle, so they are keys.
    index('reports_latest_filed_idx')
      .on(
        t.provinceId,
        t.planId,
        t.taskId,
        t.unitId,
        PERIOD_END_OF_REPORT,
        t.submittedAt.asc().nullsFirst(),
        PERIOD_RANK_OF_REPORT,
        t.id,
        t.periodId,
        t.status,
        t.workStatus,
        t.progress,
        t.version,
        t.completedOn,
      )
      .where(sql`${t.status} in ('submitted', 'accepted')`),
    foreignKey({ columns: [t.provinceId, t.taskId], foreignColumns: [tasks.provinceId, tasks.id] }).onDelete('cascade'),
  ],
)

/** Every state a report went through; submitted reports are never overwritten silently. */
export const reportVersions = pgTable(
  'report_versions',
  {
    provinceId: text('province_id').notNull(),
    reportId: text('report_id').notNull(),
    version: integer('version').notNull(),
    action: text('action').notNull(),
    status: text('status').$type<ReportStatus>().notNull(),
    snapshot: jsonb('snapshot').notNull(),
    actorId: text('actor_id'),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.reportId, t.version] }),
    foreignKey({ columns: [t.provinceId, t.reportId], foreignColumns: [reports.provinceId, reports.id] }).onDelete('cascade'),
  ],
)

// --- scores

/** A unit's published result for a framework and year (the whole result kept as published). */
export const scores = pgTable(
  'scores',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    index: text('index').$type<IndexKind>().notNull(),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    total: doublePrecision('total'),
    rank: integer('rank'),
    result: jsonb('result').$type<IndexResult>().notNull(),
    /** Optimistic-concurrency version: replacing a year's result names the version it read. */
    version: integer('version').notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex('scores_unit_framework_year_key').on(t.unitId, t.frameworkId, t.year),
    index('scores_framework_year_idx').on(t.frameworkId, t.year),
  ],
)

/**
 * Years a unit was not ranked in (listed in the published table, not assessed: no total), kept
 * apart from `scores` so every stored result has a total and every rank is over those ranked.
 * A unit, framework and year is either here or in `scores`, never both.
 */
export const scoreNotRanked = pgTable(
  'score_not_ranked',
  {
    id: text('id').primaryKey(),
    unitId: text('unit_id')
      .notNull()
      .references(() => units.id),
    index: text('index').$type<IndexKind>().notNull(),
    frameworkId: text('framework_id').notNull(),
    year: integer('year').notNull(),
    result: jsonb('result').$type<NotRankedYear>().notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex('score_not_ranked_unit_framework_year_key').on(t.unitId, t.frameworkId, t.year)],
)

// --- audit

/** Who changed what, when, from what to what. Written in the transaction of the change. */
export const auditLog = pgTable(
  'audit_log',
  {
    provinceId: text('province_id').notNull(),
    id: text('id').notNull(),
    /** Order of writing: entries of one transaction share `at`. */
    seq: bigint('seq', { mode: 'number' }).generatedAlwaysAsIdentity(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actorId: text('actor_id'),
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    primaryKey({ columns: [t.provinceId, t.id] }),
    index('audit_log_at_idx').on(t.provinceId, t.at),
    index('audit_log_entity_idx').on(t.provinceId, t.entity, t.entityId),
  ],
)
