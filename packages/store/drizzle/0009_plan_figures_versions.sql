CREATE TABLE "plan_figures_versions" (
	"plan_id" text NOT NULL,
	"slot" integer NOT NULL,
	"n" bigint DEFAULT 0 NOT NULL,
	CONSTRAINT "plan_figures_versions_plan_id_slot_pk" PRIMARY KEY("plan_id","slot")
);
--> statement-breakpoint
-- Plans stored before this migration start at 1: any later write moves them on.
INSERT INTO "plan_figures_versions" ("plan_id", "slot", "n") SELECT "id", 0, 1 FROM "plans" ON CONFLICT DO NOTHING;
--> statement-breakpoint
-- Adds 1 to each plan's figures version: to a row of the plan no other transaction holds (none
-- waits for another's commit), else to a new row.
CREATE OR REPLACE FUNCTION "bump_plan_figures"("plan_ids" text[]) RETURNS void LANGUAGE plpgsql AS $$
DECLARE
  "p" text;
BEGIN
  FOREACH "p" IN ARRAY "plan_ids" LOOP
    UPDATE "plan_figures_versions" SET "n" = "n" + 1
      WHERE ("plan_id", "slot") = (
        SELECT "plan_id", "slot" FROM "plan_figures_versions" WHERE "plan_id" = "p" LIMIT 1 FOR UPDATE SKIP LOCKED
      );
    IF NOT FOUND THEN
      INSERT INTO "plan_figures_versions" ("plan_id", "slot", "n") VALUES ("p", floor(random() * 2147483647)::int, 1)
        ON CONFLICT ("plan_id", "slot") DO UPDATE SET "n" = "plan_figures_versions"."n" + 1;
    END IF;
  END LOOP;
END
$$;
--> statement-breakpoint
-- Statement triggers with transition tables (TG_ARGV[0]: the column naming the plan): a bulk
-- statement bumps each plan it touched once.
CREATE OR REPLACE FUNCTION "plan_figures_inserted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT "bump_plan_figures"(array(SELECT DISTINCT %1$I FROM "new_rows" WHERE %1$I IS NOT NULL ORDER BY 1))', TG_ARGV[0]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "plan_figures_deleted"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format('SELECT "bump_plan_figures"(array(SELECT DISTINCT %1$I FROM "old_rows" WHERE %1$I IS NOT NULL ORDER BY 1))', TG_ARGV[0]);
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE OR REPLACE FUNCTION "plan_figures_updated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  EXECUTE format(
    'SELECT "bump_plan_figures"(array(SELECT %1$I FROM "old_rows" WHERE %1$I IS NOT NULL UNION SELECT %1$I FROM "new_rows" WHERE %1$I IS NOT NULL ORDER BY 1))',
    TG_ARGV[0]
  );
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- TRUNCATE has no transition table: every plan moves on.
CREATE OR REPLACE FUNCTION "plan_figures_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  UPDATE "plan_figures_versions" SET "n" = "n" + 1;
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- The versions themselves emptied by hand: each plan starts again far from any value a process
-- may have cached.
CREATE OR REPLACE FUNCTION "plan_figures_versions_truncated"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO "plan_figures_versions" ("plan_id", "slot", "n")
    SELECT "id", 0, floor(random() * 1e15)::bigint + 1 FROM "plans";
  RETURN NULL;
END
$$;
--> statement-breakpoint
-- ENABLE ALWAYS: the triggers fire under session_replication_role = replica too (bulk loads such
-- as the benchmark generator's set it to skip foreign-key checks).
DO $$
DECLARE
  "t" record;
  "e" text;
BEGIN
  FOR "t" IN SELECT * FROM (VALUES
    ('plans', 'id'), ('sections', 'plan_id'), ('tasks', 'plan_id'), ('targets', 'plan_id'),
    ('assignments', 'plan_id'), ('periods', 'plan_id'), ('reports', 'plan_id')
  ) AS v("name", "col") LOOP
    EXECUTE format('CREATE TRIGGER %I AFTER INSERT ON %I REFERENCING NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "plan_figures_inserted"(%L)',
      t.name || '_figures_inserted', t.name, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER UPDATE ON %I REFERENCING OLD TABLE AS "old_rows" NEW TABLE AS "new_rows" FOR EACH STATEMENT EXECUTE FUNCTION "plan_figures_updated"(%L)',
      t.name || '_figures_updated', t.name, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER DELETE ON %I REFERENCING OLD TABLE AS "old_rows" FOR EACH STATEMENT EXECUTE FUNCTION "plan_figures_deleted"(%L)',
      t.name || '_figures_deleted', t.name, t.col);
    EXECUTE format('CREATE TRIGGER %I AFTER TRUNCATE ON %I FOR EACH STATEMENT EXECUTE FUNCTION "plan_figures_truncated"()',
      t.name || '_figures_truncated', t.name);
    FOREACH "e" IN ARRAY ARRAY['inserted', 'updated', 'deleted', 'truncated'] LOOP
      EXECUTE format('ALTER TABLE %I ENABLE ALWAYS TRIGGER %I', t.name, t.name || '_figures_' || e);
    END LOOP;
  END LOOP;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "plan_figures_versions_truncated" AFTER TRUNCATE ON "plan_figures_versions"
  FOR EACH STATEMENT EXECUTE FUNCTION "plan_figures_versions_truncated"();
--> statement-breakpoint
ALTER TABLE "plan_figures_versions" ENABLE ALWAYS TRIGGER "plan_figures_versions_truncated";
--> statement-breakpoint
-- The unit tree's version too (migration 0004), whoever loads units.
ALTER TABLE "units" ENABLE ALWAYS TRIGGER "units_tree_version";
--> statement-breakpoint
ALTER TABLE "unit_successors" ENABLE ALWAYS TRIGGER "unit_successors_tree_version";
