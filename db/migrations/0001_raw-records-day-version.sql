ALTER TABLE "raw_records" ADD COLUMN "d" date;--> statement-breakpoint
ALTER TABLE "raw_records" ADD COLUMN "version" text;--> statement-breakpoint
CREATE INDEX "raw_records_account_source_d_idx" ON "raw_records" USING btree ("account_id","source","d");