-- A stored summary in two parts (overview.summary.ts): what every overview reads, and the detail only a
-- province's overview reads (the period judged, the indicators' and reports' ids), so the nation reads a
-- third of the bytes. The summaries stored before are in the former shape: they are copies that are made
-- again on the next look (or by the warming job), so they are dropped.
DELETE FROM "plan_evaluation_summary";--> statement-breakpoint
ALTER TABLE "plan_evaluation_summary" ADD COLUMN "detail" json NOT NULL;
