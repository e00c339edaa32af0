ALTER TABLE "attachment" ADD COLUMN "is_paper_report" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "task" ADD COLUMN "lead_assigned_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "unit_report" ADD COLUMN "entered_on_behalf_by" uuid;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_entered_on_behalf_by_app_user_id_fk" FOREIGN KEY ("entered_on_behalf_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;