-- An UPDATE of reports moves its plan's reports version (and filed version, when the row was or
-- becomes filed) from a row-level trigger instead of a statement-level one. Reports are updated one
-- row at a time (a save, a review action): for one row the statement trigger's transition tables,
-- its two array subqueries and the nested call cost more than the bump itself — a sixth of
-- PostgreSQL's CPU per report save (perf, 5 Dec 2026). Bulk writers INSERT or DELETE reports, and
-- those triggers stay statement-level (one bump per plan and statement). The slot taken is the one
-- of "bump_plan_reports" (migration 0010): a row of the plan no other transaction holds, else a new one.
CREATE OR REPLACE FUNCTION "plan_report_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  "filed_step" bigint := CASE WHEN OLD."status" IN ('submitted', 'accepted') OR NEW."status" IN ('submitted', 'accepted') THEN 1 ELSE 0 END;
BEGIN
  IF OLD."plan_id" IS DISTINCT FROM NEW."plan_id" AND OLD."plan_id" IS NOT NULL THEN
    PERFORM "bump_plan_reports"(ARRAY[OLD."plan_id"], CASE WHEN "filed_step" = 1 THEN ARRAY[OLD."plan_id"] ELSE '{}'::text[] END);
  END IF;
  IF NEW."plan_id" IS NULL THEN
    RETURN NULL;
  END IF;
  UPDATE "plan_figures_versions" SET "reports" = "reports" + 1, "filed" = "filed" + "filed_step"
    WHERE ("plan_id", "slot") = (
      SELECT "plan_id", "slot" FROM "plan_figures_versions" WHERE "plan_id" = NEW."plan_id" LIMIT 1 FOR UPDATE SKIP LOCKED
    );
  IF NOT FOUND THEN
    INSERT INTO "plan_figures_versions" ("plan_id", "slot", "reports", "filed") VALUES (NEW."plan_id", floor(random() * 2147483647)::int, 1, "filed_step")
      ON CONFLICT ("plan_id", "slot") DO UPDATE
        SET "reports" = "plan_figures_versions"."reports" + 1, "filed" = "plan_figures_versions"."filed" + "filed_step";
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
DROP TRIGGER IF EXISTS "reports_figures_updated" ON "reports";
--> statement-breakpoint
DROP FUNCTION IF EXISTS "plan_reports_updated"();
--> statement-breakpoint
CREATE TRIGGER "reports_figures_updated" AFTER UPDATE ON "reports" FOR EACH ROW EXECUTE FUNCTION "plan_report_updated"();
--> statement-breakpoint
ALTER TABLE "reports" ENABLE ALWAYS TRIGGER "reports_figures_updated";
