-- A stored summary is valid from its date up to the day before `valid_until` (overview.summary.ts): the
-- first date on which the evaluation reads otherwise with the rows unchanged; null: no such date. Those
-- stored before were made for their own date only.
ALTER TABLE "plan_evaluation_summary" ADD COLUMN "valid_until" date;--> statement-breakpoint
UPDATE "plan_evaluation_summary" SET "valid_until" = "as_of" + 1;
