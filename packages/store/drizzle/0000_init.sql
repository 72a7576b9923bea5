CREATE TABLE "assignments" (
	"province_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"task_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"role" text NOT NULL,
	"assignee_text" text NOT NULL,
	"unit_class" text,
	"position" integer NOT NULL,
	CONSTRAINT "assignments_province_id_id_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"province_id" text NOT NULL,
	"id" text NOT NULL,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone NOT NULL,
	"actor_id" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text NOT NULL,
	"before" jsonb,
	"after" jsonb,
	"request_id" text,
	CONSTRAINT "audit_log_province_id_id_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "login_attempts" (
	"id" text PRIMARY KEY NOT NULL,
	"key" text NOT NULL,
	"succeeded" boolean NOT NULL,
	"at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "periods" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"code" text NOT NULL,
	"cutoff_start" date NOT NULL,
	"cutoff_end" date NOT NULL,
	"due_on" date NOT NULL,
	"locked" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plans" (
	"id" text PRIMARY KEY NOT NULL,
	"province_id" text NOT NULL,
	"number" text NOT NULL,
	"title" text NOT NULL,
	"issuer" text NOT NULL,
	"issuer_unit_id" text,
	"place" text,
	"issued_on" date NOT NULL,
	"signer" text,
	"index" text NOT NULL,
	"framework_id" text,
	"year_from" integer NOT NULL,
	"year_to" integer NOT NULL,
	"parent_plan_id" text,
	"parent_plan_number" text,
	"scope_unit_id" text,
	"standing_agency" jsonb,
	"goals" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"reporting" jsonb,
	"status" text DEFAULT 'draft' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"published_at" timestamp with time zone,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "report_versions" (
	"province_id" text NOT NULL,
	"report_id" text NOT NULL,
	"version" integer NOT NULL,
	"action" text NOT NULL,
	"status" text NOT NULL,
	"snapshot" jsonb NOT NULL,
	"actor_id" text,
	"at" timestamp with time zone NOT NULL,
	CONSTRAINT "report_versions_province_id_report_id_version_pk" PRIMARY KEY("province_id","report_id","version")
);
--> statement-breakpoint
CREATE TABLE "reports" (
	"province_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"task_id" text NOT NULL,
	"unit_id" text NOT NULL,
	"period_id" text NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"work_status" text DEFAULT 'in-progress' NOT NULL,
	"progress" double precision DEFAULT 0 NOT NULL,
	"narrative" text DEFAULT '' NOT NULL,
	"kpi_values" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"evidence" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"completed_on" date,
	"submitted_at" timestamp with time zone,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" text,
	"review_comment" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "reports_province_id_id_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "scores" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"index" text NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"total" double precision,
	"rank" integer,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sections" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"province_id" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"dimension" text,
	"weight" double precision,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "sessions" (
	"token_hash" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"csrf_token" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"expires_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "targets" (
	"id" text PRIMARY KEY NOT NULL,
	"plan_id" text NOT NULL,
	"province_id" text NOT NULL,
	"task_id" text,
	"metric" text NOT NULL,
	"comparator" text NOT NULL,
	"value" double precision NOT NULL,
	"value_max" double precision,
	"unit" text NOT NULL,
	"baseline_year" integer,
	"baseline_value" double precision,
	"text" text,
	"position" integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE "tasks" (
	"province_id" text NOT NULL,
	"id" text NOT NULL,
	"plan_id" text NOT NULL,
	"section_id" text NOT NULL,
	"code" text NOT NULL,
	"title" text NOT NULL,
	"lead" jsonb NOT NULL,
	"coordinators" jsonb NOT NULL,
	"timeframe" jsonb NOT NULL,
	"weight" double precision,
	"position" integer NOT NULL,
	CONSTRAINT "tasks_province_id_id_pk" PRIMARY KEY("province_id","id")
);
--> statement-breakpoint
CREATE TABLE "unit_successors" (
	"unit_id" text NOT NULL,
	"successor_id" text NOT NULL,
	"effective_on" date,
	CONSTRAINT "unit_successors_unit_id_successor_id_pk" PRIMARY KEY("unit_id","successor_id")
);
--> statement-breakpoint
CREATE TABLE "units" (
	"id" text PRIMARY KEY NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"province_id" text,
	"valid_from" date,
	"valid_to" date,
	"seq" bigint GENERATED ALWAYS AS IDENTITY (sequence name "units_seq_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "user_roles" (
	"id" text PRIMARY KEY NOT NULL,
	"user_id" text NOT NULL,
	"role" text NOT NULL,
	"unit_id" text
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" text PRIMARY KEY NOT NULL,
	"username" text NOT NULL,
	"password_hash" text NOT NULL,
	"display_name" text NOT NULL,
	"disabled" boolean DEFAULT false NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "assignments" ADD CONSTRAINT "assignments_province_id_task_id_tasks_province_id_id_fk" FOREIGN KEY ("province_id","task_id") REFERENCES "public"."tasks"("province_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "periods" ADD CONSTRAINT "periods_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_issuer_unit_id_units_id_fk" FOREIGN KEY ("issuer_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_parent_plan_id_plans_id_fk" FOREIGN KEY ("parent_plan_id") REFERENCES "public"."plans"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plans" ADD CONSTRAINT "plans_scope_unit_id_units_id_fk" FOREIGN KEY ("scope_unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_versions" ADD CONSTRAINT "report_versions_province_id_report_id_reports_province_id_id_fk" FOREIGN KEY ("province_id","report_id") REFERENCES "public"."reports"("province_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reports" ADD CONSTRAINT "reports_province_id_task_id_tasks_province_id_id_fk" FOREIGN KEY ("province_id","task_id") REFERENCES "public"."tasks"("province_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "scores" ADD CONSTRAINT "scores_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sections" ADD CONSTRAINT "sections_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sessions" ADD CONSTRAINT "sessions_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "targets" ADD CONSTRAINT "targets_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "tasks" ADD CONSTRAINT "tasks_section_id_sections_id_fk" FOREIGN KEY ("section_id") REFERENCES "public"."sections"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD CONSTRAINT "unit_successors_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD CONSTRAINT "unit_successors_successor_id_units_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "units" ADD CONSTRAINT "units_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "user_roles" ADD CONSTRAINT "user_roles_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "assignments_task_unit_role_key" ON "assignments" USING btree ("province_id","task_id","unit_id","role");--> statement-breakpoint
CREATE INDEX "assignments_unit_idx" ON "assignments" USING btree ("province_id","unit_id");--> statement-breakpoint
CREATE INDEX "assignments_plan_idx" ON "assignments" USING btree ("province_id","plan_id");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("province_id","at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("province_id","entity","entity_id");--> statement-breakpoint
CREATE INDEX "login_attempts_key_at_idx" ON "login_attempts" USING btree ("key","at");--> statement-breakpoint
CREATE UNIQUE INDEX "periods_plan_code_key" ON "periods" USING btree ("plan_id","code");--> statement-breakpoint
CREATE INDEX "plans_province_idx" ON "plans" USING btree ("province_id");--> statement-breakpoint
CREATE INDEX "plans_scope_idx" ON "plans" USING btree ("scope_unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "plans_number_issuer_key" ON "plans" USING btree ("number","issuer","issued_on");--> statement-breakpoint
CREATE UNIQUE INDEX "reports_task_unit_period_key" ON "reports" USING btree ("province_id","task_id","unit_id","period_id");--> statement-breakpoint
CREATE INDEX "reports_plan_period_idx" ON "reports" USING btree ("province_id","plan_id","period_id");--> statement-breakpoint
CREATE INDEX "reports_unit_period_idx" ON "reports" USING btree ("province_id","unit_id","period_id");--> statement-breakpoint
CREATE INDEX "reports_id_idx" ON "reports" USING btree ("id");--> statement-breakpoint
CREATE UNIQUE INDEX "scores_unit_framework_year_key" ON "scores" USING btree ("unit_id","framework_id","year");--> statement-breakpoint
CREATE INDEX "scores_framework_year_idx" ON "scores" USING btree ("framework_id","year");--> statement-breakpoint
CREATE INDEX "sections_plan_idx" ON "sections" USING btree ("plan_id","position");--> statement-breakpoint
CREATE INDEX "sessions_user_idx" ON "sessions" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "sessions_expires_idx" ON "sessions" USING btree ("expires_at");--> statement-breakpoint
CREATE INDEX "targets_plan_idx" ON "targets" USING btree ("plan_id","task_id");--> statement-breakpoint
CREATE INDEX "tasks_plan_idx" ON "tasks" USING btree ("province_id","plan_id","position");--> statement-breakpoint
CREATE INDEX "tasks_section_idx" ON "tasks" USING btree ("province_id","section_id");--> statement-breakpoint
CREATE INDEX "tasks_id_idx" ON "tasks" USING btree ("id");--> statement-breakpoint
CREATE INDEX "unit_successors_successor_idx" ON "unit_successors" USING btree ("successor_id");--> statement-breakpoint
CREATE UNIQUE INDEX "units_code_key" ON "units" USING btree ("code");--> statement-breakpoint
CREATE INDEX "units_parent_idx" ON "units" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "user_roles_user_idx" ON "user_roles" USING btree ("user_id");--> statement-breakpoint
CREATE INDEX "user_roles_unit_idx" ON "user_roles" USING btree ("unit_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_username_key" ON "users" USING btree ("username");