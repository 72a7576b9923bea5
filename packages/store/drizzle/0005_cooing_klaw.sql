CREATE TABLE "score_not_ranked" (
	"id" text PRIMARY KEY NOT NULL,
	"unit_id" text NOT NULL,
	"index" text NOT NULL,
	"framework_id" text NOT NULL,
	"year" integer NOT NULL,
	"result" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "score_not_ranked" ADD CONSTRAINT "score_not_ranked_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "score_not_ranked_unit_framework_year_key" ON "score_not_ranked" USING btree ("unit_id","framework_id","year");