CREATE TABLE "plan_evaluation_revision" (
	"plan_id" uuid PRIMARY KEY NOT NULL,
	"revision" bigint NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_evaluation_summary" (
	"plan_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"as_of" date NOT NULL,
	"revision" bigint NOT NULL,
	"summary" json NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "plan_evaluation_summary_plan_id_year_as_of_pk" PRIMARY KEY("plan_id","year","as_of")
);
--> statement-breakpoint
ALTER TABLE "plan_evaluation_summary" ADD CONSTRAINT "plan_evaluation_summary_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- A plan's evaluation revision moves, in the same transaction, with every row its evaluation reads:
-- statement triggers over the changed rows (transition tables) give each plan touched a new value of
-- one sequence, so a revision never comes back and a stored summary (plan_evaluation_summary) whose
-- revision is not the plan's current one is never used (overview.summary.ts). A cascading delete
-- fires them too: the rows of a plan still there are found through their parent, those of a deleted
-- plan need nothing.
CREATE SEQUENCE "plan_evaluation_revision_seq";--> statement-breakpoint
CREATE FUNCTION "bump_plan_evaluation_revision"(ids uuid[]) RETURNS void LANGUAGE sql AS $$
  INSERT INTO "plan_evaluation_revision" ("plan_id", "revision")
  SELECT s.id, nextval('plan_evaluation_revision_seq')
  FROM (SELECT DISTINCT u.id FROM unnest(ids) AS u(id) WHERE u.id IS NOT NULL ORDER BY u.id) s
  ON CONFLICT ("plan_id") DO UPDATE SET "revision" = excluded."revision";
$$;
--> statement-breakpoint
CREATE FUNCTION "plan_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.id FROM new_rows r)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.id FROM old_rows r)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "plan_plan_evaluation_update" AFTER UPDATE ON "plan" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "plan_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "reporting_period_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM new_rows r)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM old_rows r)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "reporting_period_plan_evaluation_insert" AFTER INSERT ON "reporting_period" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reporting_period_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "reporting_period_plan_evaluation_update" AFTER UPDATE ON "reporting_period" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reporting_period_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "reporting_period_plan_evaluation_delete" AFTER DELETE ON "reporting_period" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "reporting_period_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "indicator_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM new_rows r)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM old_rows r)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "indicator_plan_evaluation_insert" AFTER INSERT ON "indicator" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_plan_evaluation_update" AFTER UPDATE ON "indicator" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_plan_evaluation_delete" AFTER DELETE ON "indicator" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "indicator_target_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT i.plan_id FROM new_rows r join "indicator" i on i.id = r.indicator_id)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT i.plan_id FROM old_rows r join "indicator" i on i.id = r.indicator_id)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "indicator_target_plan_evaluation_insert" AFTER INSERT ON "indicator_target" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_target_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_target_plan_evaluation_update" AFTER UPDATE ON "indicator_target" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_target_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_target_plan_evaluation_delete" AFTER DELETE ON "indicator_target" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_target_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "task_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM new_rows r)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT r.plan_id FROM old_rows r)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "task_plan_evaluation_insert" AFTER INSERT ON "task" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "task_plan_evaluation_update" AFTER UPDATE ON "task" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "task_plan_evaluation_delete" AFTER DELETE ON "task" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "unit_report_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT p.plan_id FROM new_rows r join "reporting_period" p on p.id = r.period_id)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT p.plan_id FROM old_rows r join "reporting_period" p on p.id = r.period_id)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "unit_report_plan_evaluation_insert" AFTER INSERT ON "unit_report" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "unit_report_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "unit_report_plan_evaluation_update" AFTER UPDATE ON "unit_report" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "unit_report_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "unit_report_plan_evaluation_delete" AFTER DELETE ON "unit_report" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "unit_report_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "indicator_value_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT i.plan_id FROM new_rows r join "indicator" i on i.id = r.indicator_id)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT i.plan_id FROM old_rows r join "indicator" i on i.id = r.indicator_id)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "indicator_value_plan_evaluation_insert" AFTER INSERT ON "indicator_value" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_value_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_value_plan_evaluation_update" AFTER UPDATE ON "indicator_value" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_value_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "indicator_value_plan_evaluation_delete" AFTER DELETE ON "indicator_value" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "indicator_value_plan_evaluation_touched"();
--> statement-breakpoint
CREATE FUNCTION "task_update_plan_evaluation_touched"() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP IN ('INSERT', 'UPDATE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT t.plan_id FROM new_rows r join "task" t on t.id = r.task_id)); END IF;
  IF TG_OP IN ('UPDATE', 'DELETE') THEN PERFORM "bump_plan_evaluation_revision"(array(SELECT t.plan_id FROM old_rows r join "task" t on t.id = r.task_id)); END IF;
  RETURN NULL;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER "task_update_plan_evaluation_insert" AFTER INSERT ON "task_update" REFERENCING NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_update_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "task_update_plan_evaluation_update" AFTER UPDATE ON "task_update" REFERENCING NEW TABLE AS new_rows OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_update_plan_evaluation_touched"();
--> statement-breakpoint
CREATE TRIGGER "task_update_plan_evaluation_delete" AFTER DELETE ON "task_update" REFERENCING OLD TABLE AS old_rows
  FOR EACH STATEMENT EXECUTE FUNCTION "task_update_plan_evaluation_touched"();
