-- Facts move to order_lines and finance_lines (issue 18). The derived tables are emptied here and
-- rebuilt from raw_records on the first start after the upgrade (lib/jobs/rebuild-after-upgrade.ts),
-- without API calls; cashflows' content lives on in finance_lines, rebuilt the same way.
TRUNCATE "daily_sales", "metrics_daily", "metrics_store_daily", "metrics_sku_cumulative";--> statement-breakpoint
CREATE TABLE "daily_returns" (
	"account_id" integer NOT NULL,
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"sale_d" date,
	"qty" integer NOT NULL,
	CONSTRAINT "daily_returns_d_sku_sale_uq" UNIQUE NULLS NOT DISTINCT("d","sku_id","sale_d")
);
--> statement-breakpoint
CREATE TABLE "finance_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "finance_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"marketplace" text NOT NULL,
	"line_key" text NOT NULL,
	"d" date NOT NULL,
	"report_id" text,
	"order_key" text,
	"sku_id" integer,
	"warehouse_id" integer,
	"channel" text,
	"settles" text,
	"qty" integer DEFAULT 0 NOT NULL,
	"source_type" text NOT NULL,
	"sales" numeric(14, 2) DEFAULT '0' NOT NULL,
	"returns" numeric(14, 2) DEFAULT '0' NOT NULL,
	"commission" numeric(14, 2) DEFAULT '0' NOT NULL,
	"acquiring" numeric(14, 2) DEFAULT '0' NOT NULL,
	"logistics" numeric(14, 2) DEFAULT '0' NOT NULL,
	"storage" numeric(14, 2) DEFAULT '0' NOT NULL,
	"acceptance" numeric(14, 2) DEFAULT '0' NOT NULL,
	"penalties" numeric(14, 2) DEFAULT '0' NOT NULL,
	"advertising" numeric(14, 2) DEFAULT '0' NOT NULL,
	"deductions_other" numeric(14, 2) DEFAULT '0' NOT NULL,
	"compensations" numeric(14, 2) DEFAULT '0' NOT NULL,
	"loyalty" numeric(14, 2) DEFAULT '0' NOT NULL,
	"warning" text,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "finance_lines_account_line_uq" UNIQUE("account_id","line_key"),
	CONSTRAINT "finance_lines_settles_ck" CHECK ("finance_lines"."settles" in ('sale','return'))
);
--> statement-breakpoint
CREATE TABLE "order_lines" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "order_lines_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"line_key" text NOT NULL,
	"order_key" text NOT NULL,
	"sku_id" integer NOT NULL,
	"warehouse_id" integer,
	"channel" text NOT NULL,
	"kind" text NOT NULL,
	"d" date NOT NULL,
	"qty" integer NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"feed_commission" numeric(14, 2),
	"version" text,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "order_lines_account_line_uq" UNIQUE("account_id","line_key"),
	CONSTRAINT "order_lines_kind_ck" CHECK ("order_lines"."kind" in ('sale','return','order','cancellation'))
);
--> statement-breakpoint
CREATE TABLE "settlement_reports" (
	"account_id" integer NOT NULL,
	"kind" text NOT NULL,
	"report_id" text NOT NULL,
	"date_from" date NOT NULL,
	"date_to" date NOT NULL,
	"payout" numeric(16, 2) NOT NULL,
	"sums" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "settlement_reports_pk" PRIMARY KEY("account_id","kind","report_id")
);
--> statement-breakpoint
ALTER TABLE "cashflows" DISABLE ROW LEVEL SECURITY;--> statement-breakpoint
DROP TABLE "cashflows" CASCADE;--> statement-breakpoint
ALTER TABLE "daily_sales" DROP CONSTRAINT "daily_sales_qty_ck";--> statement-breakpoint
DROP INDEX "daily_sales_sku_idx";--> statement-breakpoint
DROP INDEX "metrics_daily_d_sku_read_idx";--> statement-breakpoint
DROP INDEX "metrics_sku_cumulative_d_totals_idx";--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "account_id" integer;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "provisional_qty" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "provisional_refunds_qty" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "provisional_sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "unpriced_sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "returns" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "commission" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "acquiring" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "logistics" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "storage" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "acceptance" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "penalties" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "advertising" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "deductions_other" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "compensations" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD COLUMN "loyalty" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "returns" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "commission" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "acquiring" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "logistics" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "storage" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "acceptance" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "penalties" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "advertising" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "deductions_other" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "compensations" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "loyalty" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "estimated_commission" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "estimated_logistics" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "is_logistics_estimated" boolean DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "provisional_sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "net_sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD COLUMN "payout" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_sku_cumulative" ADD COLUMN "net_sales" numeric(18, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_sku_cumulative" ADD COLUMN "payout" numeric(18, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_sku_cumulative" ADD COLUMN "net_sales_with_cost" numeric(18, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "net_sales" numeric(14, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "returns" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "commission" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "acquiring" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "logistics" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "storage" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "acceptance" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "penalties" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "advertising" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "deductions_other" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "compensations" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "loyalty" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "estimated_commission" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "estimated_logistics" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "provisional_sales" numeric(14, 2) DEFAULT '0' NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "payout" numeric(14, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "store_level_payout" numeric(14, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "net_sales_with_cost" numeric(14, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "net_sales_without_cost" numeric(14, 2) NOT NULL;--> statement-breakpoint
ALTER TABLE "metrics_store_daily" ADD COLUMN "has_estimated_logistics" boolean NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_returns" ADD CONSTRAINT "daily_returns_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_returns" ADD CONSTRAINT "daily_returns_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_lines" ADD CONSTRAINT "finance_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_lines" ADD CONSTRAINT "finance_lines_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "finance_lines" ADD CONSTRAINT "finance_lines_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "settlement_reports" ADD CONSTRAINT "settlement_reports_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_returns_account_d_idx" ON "daily_returns" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "finance_lines_account_d_idx" ON "finance_lines" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "finance_lines_account_order_idx" ON "finance_lines" USING btree ("account_id","order_key","sku_id") WHERE "finance_lines"."order_key" is not null;--> statement-breakpoint
CREATE INDEX "finance_lines_account_report_idx" ON "finance_lines" USING btree ("account_id","report_id") WHERE "finance_lines"."report_id" is not null;--> statement-breakpoint
CREATE INDEX "order_lines_account_order_idx" ON "order_lines" USING btree ("account_id","order_key","sku_id");--> statement-breakpoint
CREATE INDEX "order_lines_account_d_idx" ON "order_lines" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "settlement_reports_account_to_idx" ON "settlement_reports" USING btree ("account_id","date_to");--> statement-breakpoint
ALTER TABLE "daily_sales" ADD CONSTRAINT "daily_sales_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_sales_account_d_idx" ON "daily_sales" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "metrics_daily_d_sku_read_idx" ON "metrics_daily" USING btree ("d","sku_id","qty","refunds_qty","net_sales","payout","cogs","profit","is_settled","is_commission_estimated","is_logistics_estimated","sv7","sv14","sv28","on_hand","in_transit","stock_cover_days");--> statement-breakpoint
CREATE INDEX "metrics_sku_cumulative_d_totals_idx" ON "metrics_sku_cumulative" USING btree ("d","sku_id","days","qty","refunds_qty","net_sales","payout","net_sales_with_cost","cogs","cogs_days","profit","profit_days","missing_cost_days","provisional_days","estimated_days");--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "revenue_gross";--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "refunds_amount";--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "promo_cost";--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "delivery_cost";--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "commission_amount";--> statement-breakpoint
ALTER TABLE "daily_sales" DROP COLUMN "src_hash";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "revenue_gross";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "refunds_amount";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "promo_cost";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "delivery_cost";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "commission_amount";--> statement-breakpoint
ALTER TABLE "metrics_daily" DROP COLUMN "revenue_net";--> statement-breakpoint
ALTER TABLE "metrics_sku_cumulative" DROP COLUMN "revenue_net";--> statement-breakpoint
ALTER TABLE "metrics_store_daily" DROP COLUMN "revenue";--> statement-breakpoint
ALTER TABLE "metrics_store_daily" DROP COLUMN "fees";--> statement-breakpoint
ALTER TABLE "metrics_store_daily" DROP COLUMN "revenue_net";--> statement-breakpoint
ALTER TABLE "metrics_store_daily" DROP COLUMN "revenue_without_cost";