-- Accent-insensitive search needs unaccent and trigram matching; PGlite loads both at open time
-- (server/db/client.ts), PostgreSQL needs the contrib package (Debian: included in postgresql).
CREATE EXTENSION IF NOT EXISTS unaccent;
--> statement-breakpoint
CREATE EXTENSION IF NOT EXISTS pg_trgm;
