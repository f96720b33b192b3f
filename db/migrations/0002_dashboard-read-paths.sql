CREATE TABLE "metrics_store_daily" (
	"d" date NOT NULL,
	"account_id" integer,
	"qty" bigint NOT NULL,
	"refunds_qty" bigint NOT NULL,
	"revenue" numeric(14, 2) NOT NULL,
	"fees" numeric(14, 2) NOT NULL,
	"revenue_net" numeric(14, 2) NOT NULL,
	"cogs" numeric(14, 2) NOT NULL,
	"profit" numeric(14, 2) NOT NULL,
	"revenue_without_cost" numeric(14, 2) NOT NULL,
	"active_skus" integer NOT NULL,
	"has_provisional" boolean NOT NULL,
	"has_estimated_commission" boolean NOT NULL,
	CONSTRAINT "metrics_store_daily_d_account_uq" UNIQUE NULLS NOT DISTINCT("d","account_id")
);
--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD CONSTRAINT "metrics_store_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_daily_d_sku_totals_idx" ON "metrics_daily" USING btree ("d","sku_id","qty","refunds_qty","revenue_net","cogs","profit","is_settled","is_commission_estimated");--> statement-breakpoint
CREATE INDEX "metrics_daily_missing_cost_idx" ON "metrics_daily" USING btree ("sku_id","d") WHERE "metrics_daily"."qty" > 0 and "metrics_daily"."cogs" is null;--> statement-breakpoint
-- backfill from the metrics already computed (lib/services/metrics/store-daily.ts keeps it current)
INSERT INTO "metrics_store_daily" ("d", "account_id", "qty", "refunds_qty", "revenue", "fees", "revenue_net", "cogs", "profit",
  "revenue_without_cost", "active_skus", "has_provisional", "has_estimated_commission")
SELECT m.d, s.account_id,
  sum(m.qty), sum(m.refunds_qty),
  sum(m.revenue_gross - m.refunds_amount),
  sum(m.commission_amount + m.delivery_cost + m.promo_cost),
  sum(m.revenue_net),
  coalesce(sum(m.cogs), 0),
  coalesce(sum(m.profit), 0),
  coalesce(sum(m.revenue_net) FILTER (WHERE m.cogs IS NULL AND m.qty > 0), 0),
  count(*) FILTER (WHERE m.qty <> 0 OR m.refunds_qty <> 0 OR m.revenue_net <> 0),
  coalesce(bool_or(NOT m.is_settled AND (m.qty <> 0 OR m.refunds_qty <> 0)), false),
  coalesce(bool_or(m.is_commission_estimated), false)
FROM "metrics_daily" m JOIN "sku" s ON s.id = m.sku_id
GROUP BY m.d, s.account_id;
