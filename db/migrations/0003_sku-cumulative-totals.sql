CREATE TABLE "metrics_sku_cumulative" (
	"sku_id" integer NOT NULL,
	"d" date NOT NULL,
	"days" integer NOT NULL,
	"qty" bigint NOT NULL,
	"refunds_qty" bigint NOT NULL,
	"revenue_net" numeric(18, 2) NOT NULL,
	"cogs" numeric(18, 2) NOT NULL,
	"cogs_days" integer NOT NULL,
	"profit" numeric(18, 2) NOT NULL,
	"profit_days" integer NOT NULL,
	"missing_cost_days" integer NOT NULL,
	"provisional_days" integer NOT NULL,
	"estimated_days" integer NOT NULL,
	CONSTRAINT "metrics_sku_cumulative_pk" PRIMARY KEY("sku_id","d")
);
--> statement-breakpoint
ALTER TABLE "metrics_sku_cumulative" ADD CONSTRAINT "metrics_sku_cumulative_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- backfill from the metrics already computed (lib/services/metrics/sku-cumulative.ts keeps it current),
-- before the covering index is built
INSERT INTO "metrics_sku_cumulative" ("sku_id", "d", "days", "qty", "refunds_qty", "revenue_net", "cogs", "cogs_days", "profit",
  "profit_days", "missing_cost_days", "provisional_days", "estimated_days")
SELECT m.sku_id, m.d,
  count(*) OVER w,
  sum(m.qty) OVER w,
  sum(m.refunds_qty) OVER w,
  sum(m.revenue_net) OVER w,
  coalesce(sum(m.cogs) OVER w, 0),
  count(m.cogs) OVER w,
  coalesce(sum(m.profit) OVER w, 0),
  count(m.profit) OVER w,
  count(*) FILTER (WHERE m.cogs IS NULL AND m.qty > 0) OVER w,
  count(*) FILTER (WHERE NOT m.is_settled AND (m.qty <> 0 OR m.refunds_qty <> 0)) OVER w,
  count(*) FILTER (WHERE m.is_commission_estimated) OVER w
FROM "metrics_daily" m
WINDOW w AS (PARTITION BY m.sku_id ORDER BY m.d ROWS UNBOUNDED PRECEDING);
--> statement-breakpoint
CREATE INDEX "metrics_sku_cumulative_d_totals_idx" ON "metrics_sku_cumulative" USING btree ("d","sku_id","days","qty","refunds_qty","revenue_net","cogs","cogs_days","profit","profit_days","missing_cost_days","provisional_days","estimated_days");
