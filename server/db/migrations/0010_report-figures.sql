CREATE TABLE "unit_report_return" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"reason" text NOT NULL,
	"comments" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"returned_at" timestamp with time zone NOT NULL,
	"returned_by" uuid
);
--> statement-breakpoint
ALTER TABLE "indicator_value" ADD COLUMN "missing_reason" text;--> statement-breakpoint
ALTER TABLE "unit_report" ADD COLUMN "late_reason" text;--> statement-breakpoint
ALTER TABLE "unit_report_return" ADD CONSTRAINT "unit_report_return_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report_return" ADD CONSTRAINT "unit_report_return_returned_by_app_user_id_fk" FOREIGN KEY ("returned_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "unit_report_return_report_idx" ON "unit_report_return" USING btree ("report_id","returned_at");--> statement-breakpoint
INSERT INTO "unit_report_return" ("report_id", "reason", "returned_at", "returned_by") SELECT "id", "return_reason", COALESCE("reviewed_at", "updated_at"), "reviewed_by" FROM "unit_report" WHERE "return_reason" IS NOT NULL;