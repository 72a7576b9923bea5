ALTER TABLE "plan_figures_versions" ADD COLUMN "reports" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "plan_figures_versions" ADD COLUMN "filed" bigint DEFAULT 0 NOT NULL;--> statement-breakpoint
-- Adds 1 to each plan's reports version, and to its filed version for those in "filed_ids", on a
-- row of the plan no other transaction holds (none waits for another's commit), else on a new row
-- (as "bump_plan_figures", migration 0009).
CREATE OR REPLACE FUNCTION "bump_plan_reports"("plan_ids" text[], "filed_ids" text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "p" text;
  "filed_step" bigint;
BEGIN
  FOREACH "p" IN ARRAY "plan_ids" LOOP
    "filed_step" := CASE WHEN "p" = ANY ("filed_ids") THEN 1 ELSE 0 END;
    UPDATE "plan_figures_versions" SET "reports" = "reports" + 1, "filed" = "filed" + "filed_step"
      WHERE ("plan_id", "slot") = (
        SELECT "plan_id", "slot" FROM "plan_figures_versions" WHERE "plan_id" = "p" LIMIT 1 FOR UPDATE SKIP LOCKED
      );
    IF NOT FOUND THEN
      INSERT INTO "plan_figures_versions" ("plan_id", "slot", "reports", "filed") VALUES ("p", floor(random() * 2147483647)::int, 1, "filed_step")
        ON CONFLICT ("plan_id", "slot") DO UPDATE
          SET "reports" = "plan_figures_versions"."reports" + 1, "filed" = "plan_figures_versions"."filed" + "filed_step";
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- A report is filed when submitted or accepted (the domain's `isFiled`): a statement moves a
-- plan's filed version when a filed report of the plan is among the rows before or after it.
CREATE OR REPLACE FUNCTION "plan_reports_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_plan_reports"(
    array(SELECT DISTINCT "plan_id" FROM "new_rows" WHERE "plan_id" IS NOT NULL ORDER BY 1),
    array(SELECT DISTINCT "plan_id" FROM "new_rows" WHERE "status" IN ('submitted', 'accepted'))
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "plan_reports_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_plan_reports"(
    array(SELECT DISTINCT "plan_id" FROM "old_rows" WHERE "plan_id" IS NOT NULL ORDER BY 1),
    array(SELECT DISTINCT "plan_id" FROM "old_rows" WHERE "status" IN ('submitted', 'accepted'))
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "plan_reports_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  PERFORM "bump_plan_reports"(
    array(SELECT "plan_id" FROM "old_rows" WHERE "plan_id" IS NOT NULL UNION SELECT "plan_id" FROM "new_rows" WHERE "plan_id" IS NOT NULL ORDER BY 1),
    array(
      SELECT "plan_id" FROM "old_rows" WHERE "status" IN ('submitted', 'accepted')
      UNION SELECT "plan_id" FROM "new_rows" WHERE "status" IN ('submitted', 'accepted')
    )
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "plan_reports_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "plan_figures_versions" SET "reports" = "reports" + 1, "filed" = "filed" + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The triggers on reports move the reports versions instead of `n` (ENABLE ALWAYS, as in 0009).
DO $$
DECLARE
  "e" text;
BEGIN
  FOREACH "e" IN ARRAY ARRAY['inserted', 'updated', 'deleted', 'truncated'] LOOP
    EXECUTE format('DROP TRIGGER IF EXISTS %I ON "reports"', 'reports_figures_' || e);
  END LOOP;
  CREATE TRIGGER "reports_figures_inserted" AFTER INSERT ON "reports" REFERENCING NEW TABLE AS "new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "plan_reports_inserted"();
  CREATE TRIGGER "reports_figures_updated" AFTER UPDATE ON "reports" REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "plan_reports_updated"();
  CREATE TRIGGER "reports_figures_deleted" AFTER DELETE ON "reports" REFERENCING OLD TABLE AS "old_rows"
    FOR EACH STATEMENT EXECUTE FUNCTION "plan_reports_deleted"();
  CREATE TRIGGER "reports_figures_truncated" AFTER TRUNCATE ON "reports"
    FOR EACH STATEMENT EXECUTE FUNCTION "plan_reports_truncated"();
  FOREACH "e" IN ARRAY ARRAY['inserted', 'updated', 'deleted', 'truncated'] LOOP
    EXECUTE format('ALTER TABLE "reports" ENABLE ALWAYS TRIGGER %I', 'reports_figures_' || e);
  END LOOP;
END
$$;
