CREATE TABLE "cluster" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cluster_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"marketplace" text NOT NULL,
	"code" text NOT NULL,
	"name" text NOT NULL,
	"country" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cluster_marketplace_code_uq" UNIQUE("marketplace","code"),
	CONSTRAINT "cluster_marketplace_ck" CHECK ("cluster"."marketplace" in ('WB','OZON'))
);
--> statement-breakpoint
CREATE TABLE "daily_orders" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_orders_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"warehouse_id" integer,
	"channel" text NOT NULL,
	"buyer_district" text DEFAULT '' NOT NULL,
	"ordered_qty" integer DEFAULT 0 NOT NULL,
	"ordered_value" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cancelled_qty" integer DEFAULT 0 NOT NULL,
	"cancelled_value" numeric(14, 2) DEFAULT '0' NOT NULL,
	"bought_out_qty" integer DEFAULT 0 NOT NULL,
	"returned_qty" integer DEFAULT 0 NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_orders_d_sku_warehouse_district_uq" UNIQUE NULLS NOT DISTINCT("d","sku_id","warehouse_id","buyer_district"),
	CONSTRAINT "daily_orders_channel_ck" CHECK ("daily_orders"."channel" in ('FBO','FBS'))
);
--> statement-breakpoint
CREATE TABLE "ozon_supply_recommendations" (
	"account_id" integer NOT NULL,
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"cluster_id" integer NOT NULL,
	"supply_period" text NOT NULL,
	"delivery_schema" text NOT NULL,
	"recommended_supply" integer NOT NULL,
	"value" numeric(14, 2),
	"local_index" numeric(6, 2),
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "ozon_supply_recommendations_pk" PRIMARY KEY("d","sku_id","cluster_id","supply_period","delivery_schema")
);
--> statement-breakpoint
CREATE TABLE "sku_marketplace_estimates" (
	"account_id" integer NOT NULL,
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"source" text NOT NULL,
	"period_from" date,
	"period_to" date,
	"lost_orders_qty" numeric(14, 3),
	"lost_orders_sum" numeric(14, 2),
	"lost_buyouts_qty" numeric(14, 3),
	"lost_buyouts_sum" numeric(14, 2),
	"avg_daily_qty" numeric(14, 3),
	"days_of_cover" numeric(14, 3),
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sku_marketplace_estimates_pk" PRIMARY KEY("d","sku_id","source")
);
--> statement-breakpoint
ALTER TABLE "warehouse" ADD COLUMN "cluster_id" integer;--> statement-breakpoint
ALTER TABLE "daily_stock" ADD COLUMN "to_client" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "daily_stock" ADD COLUMN "from_client" integer DEFAULT 0 NOT NULL;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "ordered_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "outcome" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "buyer_region" text;--> statement-breakpoint
ALTER TABLE "order_lines" ADD COLUMN "buyer_district" text;--> statement-breakpoint
ALTER TABLE "daily_orders" ADD CONSTRAINT "daily_orders_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_orders" ADD CONSTRAINT "daily_orders_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_orders" ADD CONSTRAINT "daily_orders_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozon_supply_recommendations" ADD CONSTRAINT "ozon_supply_recommendations_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozon_supply_recommendations" ADD CONSTRAINT "ozon_supply_recommendations_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "ozon_supply_recommendations" ADD CONSTRAINT "ozon_supply_recommendations_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_marketplace_estimates" ADD CONSTRAINT "sku_marketplace_estimates_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sku_marketplace_estimates" ADD CONSTRAINT "sku_marketplace_estimates_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "daily_orders_account_d_idx" ON "daily_orders" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "daily_orders_sku_d_idx" ON "daily_orders" USING btree ("sku_id","d");--> statement-breakpoint
CREATE INDEX "ozon_supply_recommendations_account_d_idx" ON "ozon_supply_recommendations" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "sku_marketplace_estimates_account_d_idx" ON "sku_marketplace_estimates" USING btree ("account_id","d");--> statement-breakpoint
ALTER TABLE "warehouse" ADD CONSTRAINT "warehouse_cluster_id_cluster_id_fk" FOREIGN KEY ("cluster_id") REFERENCES "public"."cluster"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "order_lines_account_ordered_idx" ON "order_lines" USING btree ("account_id","d") WHERE "order_lines"."ordered_at" is not null;--> statement-breakpoint
ALTER TABLE "order_lines" ADD CONSTRAINT "order_lines_outcome_ck" CHECK ("order_lines"."outcome" in ('buyout','return','cancel'));--> statement-breakpoint
-- in_transit now means inbound to the marketplace only. WB's held the units travelling to and from
-- buyers (inWayToClient + inWayFromClient), which cannot be split after the fact: kept as to_client.
UPDATE "daily_stock" ds SET "to_client" = ds."in_transit", "in_transit" = 0
FROM "sku" s WHERE s."id" = ds."sku_id" AND s."marketplace" = 'WB' AND ds."in_transit" <> 0;--> statement-breakpoint
-- Ozon posting lines are orders: the moment and fate come from the stored posting
UPDATE "order_lines" o SET "ordered_at" = (r."payload"->>'in_process_at')::timestamptz,
  "outcome" = CASE o."kind" WHEN 'sale' THEN 'buyout' WHEN 'cancellation' THEN 'cancel' END
FROM "raw_records" r
WHERE r."account_id" = o."account_id" AND r."source" IN ('ozon_postings_fbo', 'ozon_postings_fbs')
  AND r."natural_key" = o."order_key" AND o."line_key" LIKE o."order_key" || '/%';
