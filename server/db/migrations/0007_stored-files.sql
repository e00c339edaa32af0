CREATE TABLE "stored_file_chunk" (
	"storage_key" text NOT NULL,
	"seq" integer NOT NULL,
	"bytes" "bytea" NOT NULL,
	CONSTRAINT "stored_file_chunk_storage_key_seq_pk" PRIMARY KEY("storage_key","seq")
);
