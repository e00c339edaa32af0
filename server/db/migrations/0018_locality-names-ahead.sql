CREATE TABLE "locality_name_scheduled" (
	"locality_id" uuid NOT NULL,
	"name" text NOT NULL,
	"kind" text NOT NULL,
	"valid_from" date NOT NULL,
	CONSTRAINT "locality_name_scheduled_locality_id_valid_from_pk" PRIMARY KEY("locality_id","valid_from")
);
--> statement-breakpoint
ALTER TABLE "locality" ADD COLUMN "name_en_edited" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "locality_name_scheduled" ADD CONSTRAINT "locality_name_scheduled_locality_id_locality_id_fk" FOREIGN KEY ("locality_id") REFERENCES "public"."locality"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "locality_name_scheduled_valid_from_idx" ON "locality_name_scheduled" USING btree ("valid_from");--> statement-breakpoint
-- English names edited in the settings before this migration, as the audit trail recorded them.
UPDATE "locality" SET "name_en_edited" = true WHERE "id" IN (
	SELECT "entity_id" FROM "audit_event"
	WHERE "entity_type" = 'locality' AND "action" = 'update' AND "after" ? 'nameEn'
		AND ("before" ->> 'nameEn') IS DISTINCT FROM ("after" ->> 'nameEn')
);
