CREATE TABLE "audit_event" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"at" timestamp with time zone NOT NULL,
	"actor_user_id" uuid,
	"actor_name" text,
	"ip" text,
	"user_agent" text,
	"entity_type" text NOT NULL,
	"entity_id" uuid NOT NULL,
	"plan_id" uuid,
	"locality_id" uuid,
	"action" text NOT NULL,
	"before" jsonb,
	"after" jsonb
);
--> statement-breakpoint
CREATE TABLE "indicator" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"group_id" uuid,
	"position" integer NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"unit" text,
	"direction" text DEFAULT 'increase' NOT NULL,
	"measure" text DEFAULT 'cumulative' NOT NULL,
	"catalog_code" text,
	"lead_unit_id" uuid,
	"executor" text,
	"leader" text,
	"evidence_hint" text,
	"baseline_year" integer,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_target" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"indicator_id" uuid NOT NULL,
	"year" integer NOT NULL,
	"op" text NOT NULL,
	"value" double precision,
	"value_high" double precision,
	"raw_text" text,
	"is_baseline" boolean DEFAULT false NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "indicator_unit" (
	"indicator_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "indicator_unit_indicator_id_unit_id_pk" PRIMARY KEY("indicator_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "locality" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"level" text NOT NULL,
	"kind" text NOT NULL,
	"parent_id" uuid,
	"valid_from" date,
	"valid_to" date,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locality_succession" (
	"successor_id" uuid NOT NULL,
	"predecessor_id" uuid NOT NULL,
	"effective_date" date,
	CONSTRAINT "locality_succession_successor_id_predecessor_id_pk" PRIMARY KEY("successor_id","predecessor_id")
);
--> statement-breakpoint
CREATE TABLE "plan" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"issuer_kind" text NOT NULL,
	"issuer" text NOT NULL,
	"number" text,
	"issued_date" date,
	"title" text NOT NULL,
	"signer_name" text,
	"signer_position" text,
	"status" text DEFAULT 'active' NOT NULL,
	"standing_agency_unit_id" uuid,
	"source_document_id" uuid,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "plan_reference" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"kind" text NOT NULL,
	"position" integer NOT NULL,
	"number" text,
	"date" date,
	"issuer" text,
	"referenced_plan_id" uuid
);
--> statement-breakpoint
CREATE TABLE "reporting_regime" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"frequency" text NOT NULL,
	"due" text,
	"receiver" text
);
--> statement-breakpoint
CREATE TABLE "task" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"group_id" uuid,
	"position" integer NOT NULL,
	"code" text,
	"name" text NOT NULL,
	"lead_unit_id" uuid,
	"leader" text,
	"output" text,
	"deadline_kind" text,
	"deadline_date" date,
	"recurrence" text,
	"deadline_text" text,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_group" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"plan_id" uuid NOT NULL,
	"position" integer NOT NULL,
	"name" text NOT NULL
);
--> statement-breakpoint
CREATE TABLE "task_unit" (
	"task_id" uuid NOT NULL,
	"unit_id" uuid NOT NULL,
	"position" integer NOT NULL,
	CONSTRAINT "task_unit_task_id_unit_id_pk" PRIMARY KEY("task_id","unit_id")
);
--> statement-breakpoint
CREATE TABLE "unit" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text,
	"is_external" boolean DEFAULT false NOT NULL,
	"search_text" text DEFAULT '' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_group_id_indicator_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."indicator_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator" ADD CONSTRAINT "indicator_lead_unit_id_unit_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_group" ADD CONSTRAINT "indicator_group_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_target" ADD CONSTRAINT "indicator_target_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_unit" ADD CONSTRAINT "indicator_unit_indicator_id_indicator_id_fk" FOREIGN KEY ("indicator_id") REFERENCES "public"."indicator"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "indicator_unit" ADD CONSTRAINT "indicator_unit_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality" ADD CONSTRAINT "locality_parent_id_locality_id_fk" FOREIGN KEY ("parent_id") REFERENCES "public"."locality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_succession" ADD CONSTRAINT "locality_succession_successor_id_locality_id_fk" FOREIGN KEY ("successor_id") REFERENCES "public"."locality"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "locality_succession" ADD CONSTRAINT "locality_succession_predecessor_id_locality_id_fk" FOREIGN KEY ("predecessor_id") REFERENCES "public"."locality"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_locality_id_locality_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."locality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan" ADD CONSTRAINT "plan_standing_agency_unit_id_unit_id_fk" FOREIGN KEY ("standing_agency_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reference" ADD CONSTRAINT "plan_reference_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "plan_reference" ADD CONSTRAINT "plan_reference_referenced_plan_id_plan_id_fk" FOREIGN KEY ("referenced_plan_id") REFERENCES "public"."plan"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reporting_regime" ADD CONSTRAINT "reporting_regime_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_group_id_task_group_id_fk" FOREIGN KEY ("group_id") REFERENCES "public"."task_group"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task" ADD CONSTRAINT "task_lead_unit_id_unit_id_fk" FOREIGN KEY ("lead_unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_group" ADD CONSTRAINT "task_group_plan_id_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_task_id_task_id_fk" FOREIGN KEY ("task_id") REFERENCES "public"."task"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "task_unit" ADD CONSTRAINT "task_unit_unit_id_unit_id_fk" FOREIGN KEY ("unit_id") REFERENCES "public"."unit"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "unit" ADD CONSTRAINT "unit_locality_id_locality_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."locality"("id") ON DELETE no action ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "audit_event_entity_idx" ON "audit_event" USING btree ("entity_type","entity_id");--> statement-breakpoint
CREATE INDEX "audit_event_at_idx" ON "audit_event" USING btree ("at");--> statement-breakpoint
CREATE INDEX "indicator_plan_idx" ON "indicator" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "indicator_catalog_idx" ON "indicator" USING btree ("catalog_code");--> statement-breakpoint
CREATE INDEX "indicator_search_idx" ON "indicator" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_group_plan_name_key" ON "indicator_group" USING btree ("plan_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "indicator_target_year_key" ON "indicator_target" USING btree ("indicator_id","year");--> statement-breakpoint
CREATE UNIQUE INDEX "locality_code_key" ON "locality" USING btree ("code");--> statement-breakpoint
CREATE INDEX "locality_parent_idx" ON "locality" USING btree ("parent_id");--> statement-breakpoint
CREATE INDEX "plan_locality_idx" ON "plan" USING btree ("locality_id");--> statement-breakpoint
CREATE INDEX "plan_search_idx" ON "plan" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "plan_reference_plan_idx" ON "plan_reference" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "reporting_regime_plan_idx" ON "reporting_regime" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "task_plan_idx" ON "task" USING btree ("plan_id");--> statement-breakpoint
CREATE INDEX "task_search_idx" ON "task" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
CREATE UNIQUE INDEX "task_group_plan_name_key" ON "task_group" USING btree ("plan_id","name");--> statement-breakpoint
CREATE UNIQUE INDEX "unit_locality_name_key" ON "unit" USING btree ("locality_id","name");