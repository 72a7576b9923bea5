CREATE TABLE "unit_versions" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "unit_versions_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"unit_id" text NOT NULL,
	"valid_from" date,
	"valid_to" date,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" text,
	"province_id" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "unit_successors" ADD COLUMN "kind" text DEFAULT 'whole' NOT NULL;--> statement-breakpoint
ALTER TABLE "unit_successors" ADD COLUMN "note" text;--> statement-breakpoint
ALTER TABLE "units" ADD COLUMN "official_code" text;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_unit_id_units_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."units"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_versions" ADD CONSTRAINT "unit_versions_parent_id_units_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."units"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_versions_unit_idx" ON "unit_versions" USING btree ("unit_id","valid_from");--> statement-breakpoint
CREATE INDEX "units_official_code_idx" ON "units" USING btree ("official_code");--> statement-breakpoint
CREATE INDEX "units_province_idx" ON "units" USING btree ("province_id");