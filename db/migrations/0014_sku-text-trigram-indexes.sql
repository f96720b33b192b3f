-- pg_trgm ships with PostgreSQL (contrib) and is a trusted extension: the database owner may create it;
-- PGlite bundles it (db/index.ts loads it on open)
CREATE EXTENSION IF NOT EXISTS pg_trgm;--> statement-breakpoint
CREATE INDEX "sku_article_trgm_idx" ON "sku" USING gin ("article" gin_trgm_ops);--> statement-breakpoint
CREATE INDEX "sku_name_trgm_idx" ON "sku" USING gin ("name" gin_trgm_ops);
