-- A process that keeps sessions as it read them (PGlite: the only process on its database) hears
-- of every change that could end or alter one: a session ended or revoked; a user changed,
-- disabled or removed; roles given or taken; the unit tree moved on (its version is answered with
-- the session). A new session or a new user changes no session anyone holds. The process LISTENs
-- on "papi_sessions"; after any statement changing these rows, in any way (TRUNCATE and a
-- replica-mode restore too: ENABLE ALWAYS), its connection is told once the change commits. A
-- connection that does not listen is told nothing: a PostgreSQL server's writers queue nothing.
CREATE FUNCTION "sessions_changed"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF EXISTS (SELECT FROM pg_listening_channels() AS "channel" WHERE "channel" = 'papi_sessions') THEN
    PERFORM pg_notify('papi_sessions', '');
  END IF;
  RETURN NULL;
END
$$;
--> statement-breakpoint
CREATE TRIGGER "sessions_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "sessions" FOR EACH STATEMENT EXECUTE FUNCTION "sessions_changed"();
--> statement-breakpoint
ALTER TABLE "sessions" ENABLE ALWAYS TRIGGER "sessions_changed";
--> statement-breakpoint
CREATE TRIGGER "sessions_changed" AFTER UPDATE OR DELETE OR TRUNCATE ON "users" FOR EACH STATEMENT EXECUTE FUNCTION "sessions_changed"();
--> statement-breakpoint
ALTER TABLE "users" ENABLE ALWAYS TRIGGER "sessions_changed";
--> statement-breakpoint
CREATE TRIGGER "sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "user_roles" FOR EACH STATEMENT EXECUTE FUNCTION "sessions_changed"();
--> statement-breakpoint
ALTER TABLE "user_roles" ENABLE ALWAYS TRIGGER "sessions_changed";
--> statement-breakpoint
CREATE TRIGGER "sessions_changed" AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON "unit_tree_version" FOR EACH STATEMENT EXECUTE FUNCTION "sessions_changed"();
--> statement-breakpoint
ALTER TABLE "unit_tree_version" ENABLE ALWAYS TRIGGER "sessions_changed";
