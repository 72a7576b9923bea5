CREATE TABLE "unit_tree_version" (
	"id" integer PRIMARY KEY DEFAULT 1 NOT NULL,
	"version" bigint DEFAULT 0 NOT NULL
);
--> statement-breakpoint
CREATE INDEX "assignments_unit_plan_idx" ON "assignments" USING btree ("unit_id","plan_id");
--> statement-breakpoint
INSERT INTO "unit_tree_version" ("id", "version") VALUES (1, 0) ON CONFLICT DO NOTHING;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "bump_unit_tree_version"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "unit_tree_version" SET "version" = "version" + 1 WHERE "id" = 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "units_tree_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "units"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_unit_tree_version"();
--> statement-breakpoint
CREATE TRIGGER "unit_successors_tree_version" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_successors"
  FOR EACH STATEMENT EXECUTE FUNCTION "bump_unit_tree_version"();
--> statement-breakpoint
-- Extended statistics: a report's province and plan are correlated (a plan belongs to one
-- province), so are an assignment's province, plan and unit; without them PostgreSQL multiplies
-- the selectivities as if independent and underestimates rows (1.1 k vs 42.8 k).
CREATE STATISTICS IF NOT EXISTS "reports_province_plan_stats" (dependencies, ndistinct) ON "province_id", "plan_id", "period_id" FROM "reports";
--> statement-breakpoint
CREATE STATISTICS IF NOT EXISTS "assignments_province_plan_unit_stats" (dependencies, ndistinct) ON "province_id", "plan_id", "unit_id" FROM "assignments";
