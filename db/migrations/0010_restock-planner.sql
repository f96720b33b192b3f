CREATE TABLE "restock_advice" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "restock_advice_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"d" date NOT NULL,
	"account_id" integer,
	"sku_id" integer NOT NULL,
	"marketplace" text NOT NULL,
	"location_kind" text NOT NULL,
	"location_key" text NOT NULL,
	"location_name" text,
	"status" text NOT NULL,
	"status_rank" smallint NOT NULL,
	"status_days" integer,
	"reorder_date" date,
	"reorder_sort" date NOT NULL,
	"quantity" integer NOT NULL,
	"velocity" numeric(12, 4),
	"forecast" numeric(12, 4),
	"in_stock_days" smallint NOT NULL,
	"out_of_stock_days" smallint NOT NULL,
	"on_hand" integer NOT NULL,
	"inbound" integer NOT NULL,
	"open_plans" integer NOT NULL,
	"safety_stock" numeric(12, 2),
	"reorder_point" numeric(12, 2),
	"lost_units" numeric(12, 2) NOT NULL,
	"lost_revenue" numeric(14, 2),
	"lost_profit" numeric(14, 2),
	"mp_lost_units" integer,
	"mp_lost_sum" numeric(14, 2),
	"explanation" jsonb NOT NULL,
	CONSTRAINT "restock_advice_d_sku_location_uq" UNIQUE("d","sku_id","location_kind","location_key")
);
--> statement-breakpoint
CREATE TABLE "restock_sku_settings" (
	"sku_id" integer PRIMARY KEY NOT NULL,
	"lead_time_days" smallint,
	"cover_days" smallint,
	"service_level" numeric(3, 1),
	"moq" integer,
	"case_pack" integer,
	"manual_factor" numeric(6, 3),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restock_sku_settings_lead_ck" CHECK ("restock_sku_settings"."lead_time_days" between 1 and 365),
	CONSTRAINT "restock_sku_settings_cover_ck" CHECK ("restock_sku_settings"."cover_days" between 0 and 365),
	CONSTRAINT "restock_sku_settings_service_ck" CHECK ("restock_sku_settings"."service_level" in (90, 95, 97.5, 99)),
	CONSTRAINT "restock_sku_settings_moq_ck" CHECK ("restock_sku_settings"."moq" >= 0),
	CONSTRAINT "restock_sku_settings_case_ck" CHECK ("restock_sku_settings"."case_pack" >= 1),
	CONSTRAINT "restock_sku_settings_manual_ck" CHECK ("restock_sku_settings"."manual_factor" > 0)
);
--> statement-breakpoint
CREATE TABLE "restock_store_settings" (
	"account_id" integer PRIMARY KEY NOT NULL,
	"lead_time_days" smallint DEFAULT 14 NOT NULL,
	"cover_days" smallint DEFAULT 14 NOT NULL,
	"service_level" numeric(3, 1) DEFAULT '95' NOT NULL,
	"moq" integer DEFAULT 0 NOT NULL,
	"case_pack" integer DEFAULT 1 NOT NULL,
	"wb_ship_warehouse_ids" integer[] DEFAULT '{}'::integer[] NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "restock_store_settings_lead_ck" CHECK ("restock_store_settings"."lead_time_days" between 1 and 365),
	CONSTRAINT "restock_store_settings_cover_ck" CHECK ("restock_store_settings"."cover_days" between 0 and 365),
	CONSTRAINT "restock_store_settings_service_ck" CHECK ("restock_store_settings"."service_level" in (90, 95, 97.5, 99)),
	CONSTRAINT "restock_store_settings_moq_ck" CHECK ("restock_store_settings"."moq" >= 0),
	CONSTRAINT "restock_store_settings_case_ck" CHECK ("restock_store_settings"."case_pack" >= 1)
);
--> statement-breakpoint
CREATE TABLE "supply_plan" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supply_plan_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer,
	"marketplace" text NOT NULL,
	"location_kind" text NOT NULL,
	"location_key" text NOT NULL,
	"location_name" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"shipped_at" timestamp with time zone,
	"closed_at" timestamp with time zone,
	CONSTRAINT "supply_plan_status_ck" CHECK ("supply_plan"."status" in ('draft','shipped','closed')),
	CONSTRAINT "supply_plan_location_ck" CHECK ("supply_plan"."location_kind" in ('cluster','warehouse','national'))
);
--> statement-breakpoint
CREATE TABLE "supply_plan_line" (
	"plan_id" integer NOT NULL,
	"sku_id" integer NOT NULL,
	"qty" integer NOT NULL,
	"baseline_units" integer,
	"arrived_units" integer DEFAULT 0 NOT NULL,
	CONSTRAINT "supply_plan_line_plan_id_sku_id_pk" PRIMARY KEY("plan_id","sku_id"),
	CONSTRAINT "supply_plan_line_qty_ck" CHECK ("supply_plan_line"."qty" > 0)
);
--> statement-breakpoint
ALTER TABLE "restock_advice" ADD CONSTRAINT "restock_advice_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_advice" ADD CONSTRAINT "restock_advice_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_sku_settings" ADD CONSTRAINT "restock_sku_settings_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "restock_store_settings" ADD CONSTRAINT "restock_store_settings_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plan" ADD CONSTRAINT "supply_plan_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plan_line" ADD CONSTRAINT "supply_plan_line_plan_id_supply_plan_id_fk" FOREIGN KEY ("plan_id") REFERENCES "public"."supply_plan"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "supply_plan_line" ADD CONSTRAINT "supply_plan_line_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "restock_advice_page_idx" ON "restock_advice" USING btree ("d","status_rank","reorder_sort","id");--> statement-breakpoint
CREATE INDEX "restock_advice_account_page_idx" ON "restock_advice" USING btree ("account_id","d","status_rank","reorder_sort","id");--> statement-breakpoint
CREATE INDEX "restock_advice_sku_idx" ON "restock_advice" USING btree ("sku_id","d");--> statement-breakpoint
CREATE INDEX "supply_plan_status_idx" ON "supply_plan" USING btree ("status");--> statement-breakpoint
CREATE INDEX "supply_plan_line_sku_idx" ON "supply_plan_line" USING btree ("sku_id");