CREATE TABLE "consolidated_report_version" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"snapshot" jsonb NOT NULL,
	"approved_at" timestamp with time zone NOT NULL,
	"approved_by" uuid,
	"scan_storage_key" text,
	"scan_file_name" text,
	"scan_content_type" text,
	"scan_size_bytes" integer,
	"scan_sha256" text,
	"scan_uploaded_at" timestamp with time zone,
	"scan_uploaded_by" uuid
);
--> statement-breakpoint
ALTER TABLE "consolidated_report" ADD COLUMN "shortcomings" text;--> statement-breakpoint
ALTER TABLE "consolidated_report" ADD COLUMN "next_steps" text;--> statement-breakpoint
ALTER TABLE "consolidated_report" ADD COLUMN "version" integer DEFAULT 1 NOT NULL;--> statement-breakpoint
ALTER TABLE "consolidated_report_version" ADD CONSTRAINT "consolidated_report_version_report_id_consolidated_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."consolidated_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidated_report_version" ADD CONSTRAINT "consolidated_report_version_approved_by_app_user_id_fk" FOREIGN KEY ("approved_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "consolidated_report_version" ADD CONSTRAINT "consolidated_report_version_scan_uploaded_by_app_user_id_fk" FOREIGN KEY ("scan_uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "consolidated_report_version_key" ON "consolidated_report_version" USING btree ("report_id","version");