CREATE TABLE "report_publication" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"version" integer NOT NULL,
	"locality_id" uuid NOT NULL,
	"period_id" uuid NOT NULL,
	"document_number" text,
	"published_at" timestamp with time zone NOT NULL,
	"published_by" uuid,
	"withdrawn_at" timestamp with time zone,
	"withdrawn_by" uuid,
	"withdraw_reason" text
);
--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_report_id_consolidated_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."consolidated_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_locality_id_locality_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."locality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_published_by_app_user_id_fk" FOREIGN KEY ("published_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "report_publication" ADD CONSTRAINT "report_publication_withdrawn_by_app_user_id_fk" FOREIGN KEY ("withdrawn_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "report_publication_report_idx" ON "report_publication" USING btree ("report_id","version");--> statement-breakpoint
CREATE INDEX "report_publication_locality_idx" ON "report_publication" USING btree ("locality_id");--> statement-breakpoint
CREATE UNIQUE INDEX "report_publication_in_force_key" ON "report_publication" USING btree ("report_id") WHERE "report_publication"."withdrawn_at" is null;