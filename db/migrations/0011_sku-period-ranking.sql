CREATE TABLE "metrics_sku_period" (
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"sku_id" integer NOT NULL,
	"account_id" integer,
	"article_key" text NOT NULL,
	"units" bigint NOT NULL,
	"refunds" bigint NOT NULL,
	"net_sales" numeric(18, 2) NOT NULL,
	"payout" numeric(18, 2) NOT NULL,
	"net_sales_with_cost" numeric(18, 2) NOT NULL,
	"cogs" numeric(18, 2),
	"profit" numeric(18, 2),
	"margin" numeric(14, 2),
	"is_missing_cost" boolean NOT NULL,
	"is_provisional" boolean NOT NULL,
	"is_estimated" boolean NOT NULL,
	"sv7" numeric(12, 4),
	"sv14" numeric(12, 4),
	"sv28" numeric(12, 4),
	"on_hand" integer,
	"in_transit" integer,
	"cover_days" numeric(12, 2),
	CONSTRAINT "metrics_sku_period_pk" PRIMARY KEY("period_from","period_to","sku_id")
);
--> statement-breakpoint
CREATE TABLE "metrics_sku_period_totals" (
	"period_from" date NOT NULL,
	"period_to" date NOT NULL,
	"account_id" integer,
	"skus" integer NOT NULL,
	"units" bigint NOT NULL,
	"refunds" bigint NOT NULL,
	"net_sales" numeric(18, 2) NOT NULL,
	"payout" numeric(18, 2) NOT NULL,
	"net_sales_with_cost" numeric(18, 2) NOT NULL,
	"cogs" numeric(18, 2) NOT NULL,
	"profit" numeric(18, 2) NOT NULL,
	"profit_skus" integer NOT NULL,
	CONSTRAINT "metrics_sku_period_totals_uq" UNIQUE NULLS NOT DISTINCT("period_from","period_to","account_id")
);
--> statement-breakpoint
CREATE TABLE "user_preferences" (
	"user_id" integer NOT NULL,
	"key" text NOT NULL,
	"value" jsonb NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "user_preferences" ADD CONSTRAINT "user_preferences_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "metrics_sku_period_profit_idx" ON "metrics_sku_period" USING btree ("period_from","period_to","profit","sku_id") WHERE "metrics_sku_period"."profit" is not null;--> statement-breakpoint
CREATE INDEX "metrics_sku_period_net_sales_idx" ON "metrics_sku_period" USING btree ("period_from","period_to","net_sales","sku_id");--> statement-breakpoint
CREATE INDEX "metrics_sku_period_units_idx" ON "metrics_sku_period" USING btree ("period_from","period_to","units","sku_id");--> statement-breakpoint
CREATE INDEX "metrics_sku_period_no_profit_idx" ON "metrics_sku_period" USING btree ("period_from","period_to","article_key","sku_id") WHERE "metrics_sku_period"."profit" is null;--> statement-breakpoint
CREATE UNIQUE INDEX "user_preferences_user_key_uq" ON "user_preferences" USING btree ("user_id","key");