CREATE TABLE "period_narratives" (
	"plan_id" text NOT NULL,
	"period_code" text NOT NULL,
	"results" text DEFAULT '' NOT NULL,
	"limits" text DEFAULT '' NOT NULL,
	"next_tasks" text DEFAULT '' NOT NULL,
	"proposals" text DEFAULT '' NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" text,
	CONSTRAINT "period_narratives_plan_id_period_code_pk" PRIMARY KEY("plan_id","period_code")
);
--> statement-breakpoint
ALTER TABLE "period_narratives" ADD CONSTRAINT "period_narratives_plan_id_plans_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plans"("id") ON DELETE cascade ON UPDATE no action;