CREATE TABLE "attachment" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid,
	"task_id" uuid,
	"file_name" text NOT NULL,
	"content_type" text NOT NULL,
	"size_bytes" integer NOT NULL,
	"sha256" text NOT NULL,
	"storage_key" text NOT NULL,
	"uploaded_by" uuid,
	"uploaded_at" timestamp with time zone NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_value" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"indicator_id" uuid NOT NULL,
	"value" double precision,
	"numerator" double precision,
	"denominator" double precision,
	"assessment" text,
	"note" text
);
--> statement-breakpoint
CREATE TABLE "reporting_period" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"regime_id" uuid,
	"key" text NOT NULL,
	"label" text NOT NULL,
	"period_start" date NOT NULL,
	"period_end" date NOT NULL,
	"data_from" date NOT NULL,
	"data_to" date NOT NULL,
	"due_date" date NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_update" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"report_id" uuid NOT NULL,
	"task_id" uuid NOT NULL,
	"status" text NOT NULL,
	"progress" integer,
	"completed_on" date,
	"result" text
);
--> statement-breakpoint
CREATE TABLE "unit_report" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"period_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"status" text DEFAULT 'draft' NOT NULL,
	"revision" integer DEFAULT 1 NOT NULL,
	"nothing_arose" boolean DEFAULT false NOT NULL,
	"difficulties" text,
	"proposals" text,
	"submitted_at" timestamp with time zone,
	"submitted_by" uuid,
	"is_late" boolean DEFAULT false NOT NULL,
	"reviewed_at" timestamp with time zone,
	"reviewed_by" uuid,
	"return_reason" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_by" uuid
);
--> statement-breakpoint
ALTER TABLE "locality" ADD COLUMN "score_green" double precision;--> statement-breakpoint
ALTER TABLE "locality" ADD COLUMN "score_yellow" double precision;--> statement-breakpoint
ALTER TABLE "reporting_regime" ADD COLUMN "due_days_after" integer;--> statement-breakpoint
ALTER TABLE "reporting_regime" ADD COLUMN "due_working_days" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "reporting_regime" ADD COLUMN "closing_day" integer DEFAULT 14 NOT NULL;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "attachment" ADD CONSTRAINT "attachment_uploaded_by_app_user_id_fk" FOREIGN KEY ("uploaded_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_value" ADD CONSTRAINT "indicator_value_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_period" ADD CONSTRAINT "reporting_period_regime_id_reporting_regime_id_fk" FOREIGN KEY ("regime_id") REFERENCES "public"."reporting_regime"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_report_id_unit_report_id_fk" FOREIGN KEY ("report_id") REFERENCES "public"."unit_report"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_update" ADD CONSTRAINT "task_update_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_period_id_reporting_period_id_fk" FOREIGN KEY ("period_id") REFERENCES "public"."reporting_period"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_submitted_by_app_user_id_fk" FOREIGN KEY ("submitted_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_reviewed_by_app_user_id_fk" FOREIGN KEY ("reviewed_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit_report" ADD CONSTRAINT "unit_report_updated_by_app_user_id_fk" FOREIGN KEY ("updated_by") REFERENCES "public"."app_user"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "attachment_report_idx" ON "attachment" USING btree ("report_id");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_value_report_indicator_key" ON "indicator_value" USING btree ("report_id","indicator_id");--> statement-breakpoint
CREATE INDEX "indicator_value_indicator_idx" ON "indicator_value" USING btree ("indicator_id");--> statement-breakpoint
CREATE UNIQUE INDEX "reporting_period_plan_key" ON "reporting_period" USING btree ("plan_id","key");--> statement-breakpoint
CREATE INDEX "reporting_period_due_idx" ON "reporting_period" USING btree ("due_date");--> statement-breakpoint
CREATE UNIQUE INDEX "task_update_report_task_key" ON "task_update" USING btree ("report_id","task_id");--> statement-breakpoint
CREATE INDEX "task_update_task_idx" ON "task_update" USING btree ("task_id");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_report_period_unit_version_key" ON "unit_report" USING btree ("period_id","unit_id","version");--> statement-breakpoint
CREATE INDEX "unit_report_unit_idx" ON "unit_report" USING btree ("unit_id");