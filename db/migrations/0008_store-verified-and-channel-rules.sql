ALTER TABLE "commission_rules" DROP CONSTRAINT "commission_rules_marketplace_dt_from_uq";--> statement-breakpoint
ALTER TABLE "accounts" ADD COLUMN "verified_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD COLUMN "channel" text DEFAULT 'all' NOT NULL;--> statement-breakpoint
ALTER TABLE "sync_source_status" ADD COLUMN "last_failure" jsonb;--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_marketplace_channel_dt_from_uq" UNIQUE("marketplace","channel","dt_from");--> statement-breakpoint
ALTER TABLE "commission_rules" ADD CONSTRAINT "commission_rules_channel_ck" CHECK ("commission_rules"."channel" in ('all','FBO','FBS'));--> statement-breakpoint
-- stores that already synced with their key: the marketplace accepted it
UPDATE "accounts" SET "verified_at" = "updated_at" WHERE "status" = 'ok' AND EXISTS (SELECT 1 FROM "sync_source_status" s WHERE s."account_id" = "accounts"."id" AND s."last_status" = 'succeeded');
