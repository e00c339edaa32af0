CREATE TABLE "locality_change" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"fingerprint" text NOT NULL,
	"type" text NOT NULL,
	"effective_date" date NOT NULL,
	"decision" text,
	"payload" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "locality_name" (
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"valid_to" date NOT NULL,
	CONSTRAINT "locality_name_locality_id_valid_to_pk" PRIMARY KEY("locality_id","valid_to")
);
--> statement-breakpoint
ALTER TABLE "locality_name" ADD CONSTRAINT "locality_name_locality_id_locality_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."locality"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE UNIQUE INDEX "locality_change_fingerprint_key" ON "locality_change" USING btree ("fingerprint");