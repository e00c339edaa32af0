ALTER TABLE "locality" ADD COLUMN "name_en" text;--> statement-breakpoint
ALTER TABLE "locality" ADD COLUMN "formed_from" text;--> statement-breakpoint
CREATE INDEX "consolidated_report_status_idx" ON "consolidated_report" USING btree ("status");--> statement-breakpoint
CREATE INDEX "indicator_lead_unit_idx" ON "indicator" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "indicator_unit_unit_idx" ON "indicator_unit" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "role_assignment_locality_idx" ON "role_assignment" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "task_lead_unit_idx" ON "task" USING btree ("lead_unit_id");--> statement-breakpoint
CREATE INDEX "task_unit_unit_idx" ON "task_unit" USING btree ("unit_id");--> statement-breakpoint
CREATE INDEX "unit_report_status_idx" ON "unit_report" USING btree ("status","submitted_at");