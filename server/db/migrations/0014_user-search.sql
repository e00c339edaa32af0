ALTER TABLE "app_user" ADD COLUMN "search_text" text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX "app_user_search_idx" ON "app_user" USING gin ("search_text" gin_trgm_ops);--> statement-breakpoint
-- Accounts made before this migration: their folded name, user name and e-mail, as shared/accounts.ts
-- `userSearchText` (core foldText) writes them from now on (unaccent folds Vietnamese letters, đ too,
-- the same way); every later change of these fields rewrites the column from the application.
UPDATE "app_user" SET "search_text" =
  ' ' || btrim(regexp_replace(lower(unaccent(concat_ws(' ', "display_name", "username", "email"))), '[^a-z0-9%]+', ' ', 'g')) || ' ';
