CREATE TABLE "accounts" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "accounts_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"marketplace" text NOT NULL,
	"name" text NOT NULL,
	"source" text DEFAULT 'ui' NOT NULL,
	"env_key" text,
	"client_id" text,
	"credentials_encrypted" text,
	"credentials_last4" text,
	"is_active" boolean DEFAULT true NOT NULL,
	"status" text DEFAULT 'ok' NOT NULL,
	"status_detail" text,
	"reviews_available" boolean DEFAULT true NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "accounts_env_key_uq" UNIQUE("env_key"),
	CONSTRAINT "accounts_marketplace_ck" CHECK ("accounts"."marketplace" in ('WB','OZON'))
);
--> statement-breakpoint
CREATE TABLE "sku" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sku_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer,
	"marketplace" text NOT NULL,
	"nm_id" bigint,
	"ozon_id" bigint,
	"ozon_product_id" bigint,
	"article" text,
	"name" text,
	"brand" text,
	"category" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sku_marketplace_nm_id_uq" UNIQUE("marketplace","nm_id"),
	CONSTRAINT "sku_marketplace_ozon_id_uq" UNIQUE("marketplace","ozon_id"),
	CONSTRAINT "sku_marketplace_ck" CHECK ("sku"."marketplace" in ('WB','OZON')),
	CONSTRAINT "sku_external_id_ck" CHECK (("sku"."marketplace" = 'WB' and "sku"."nm_id" is not null) or ("sku"."marketplace" = 'OZON' and "sku"."ozon_id" is not null))
);
--> statement-breakpoint
CREATE TABLE "warehouse" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "warehouse_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"marketplace" text NOT NULL,
	"code" text NOT NULL,
	"name" text,
	"region" text,
	"kind" text,
	CONSTRAINT "warehouse_marketplace_code_uq" UNIQUE("marketplace","code"),
	CONSTRAINT "warehouse_marketplace_ck" CHECK ("warehouse"."marketplace" in ('WB','OZON'))
);
--> statement-breakpoint
CREATE TABLE "commission_rules" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "commission_rules_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"marketplace" text NOT NULL,
	"dt_from" date NOT NULL,
	"rule_json" jsonb NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "commission_rules_marketplace_dt_from_uq" UNIQUE("marketplace","dt_from"),
	CONSTRAINT "commission_rules_marketplace_ck" CHECK ("commission_rules"."marketplace" in ('WB','OZON'))
);
--> statement-breakpoint
CREATE TABLE "cost_price_history" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cost_price_history_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"sku_id" integer NOT NULL,
	"dt_from" date NOT NULL,
	"cost_price" numeric(14, 2) NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cost_price_history_sku_dt_from_uq" UNIQUE("sku_id","dt_from"),
	CONSTRAINT "cost_price_history_non_negative_ck" CHECK ("cost_price_history"."cost_price" >= 0)
);
--> statement-breakpoint
CREATE TABLE "cashflows" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "cashflows_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"d" date NOT NULL,
	"marketplace" text NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(14, 2) NOT NULL,
	"ref_id" text NOT NULL,
	"source_type" text,
	"sku_id" integer,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "cashflows_account_ref_type_uq" UNIQUE("account_id","ref_id","type"),
	CONSTRAINT "cashflows_type_ck" CHECK (type in ('sale_payout','logistics','storage','acceptance','penalty','advertising','financing','deduction_other','compensation','acquiring','payout','other'))
);
--> statement-breakpoint
CREATE TABLE "daily_sales" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_sales_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"warehouse_id" integer,
	"qty" integer DEFAULT 0 NOT NULL,
	"refunds_qty" integer DEFAULT 0 NOT NULL,
	"revenue_gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"refunds_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"promo_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"delivery_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"commission_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"channel" text NOT NULL,
	"is_settled" boolean DEFAULT false NOT NULL,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_sales_d_sku_warehouse_uq" UNIQUE NULLS NOT DISTINCT("d","sku_id","warehouse_id"),
	CONSTRAINT "daily_sales_channel_ck" CHECK ("daily_sales"."channel" in ('FBO','FBS')),
	CONSTRAINT "daily_sales_qty_ck" CHECK ("daily_sales"."qty" >= 0 and "daily_sales"."refunds_qty" >= 0)
);
--> statement-breakpoint
CREATE TABLE "daily_stock" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "daily_stock_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"warehouse_id" integer,
	"on_hand" integer DEFAULT 0 NOT NULL,
	"in_transit" integer DEFAULT 0 NOT NULL,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "daily_stock_d_sku_warehouse_uq" UNIQUE NULLS NOT DISTINCT("d","sku_id","warehouse_id")
);
--> statement-breakpoint
CREATE TABLE "reviews" (
	"review_id" text PRIMARY KEY NOT NULL,
	"marketplace" text NOT NULL,
	"account_id" integer,
	"sku_id" integer,
	"parent_review_id" text,
	"created_at_utc" timestamp with time zone NOT NULL,
	"rating" smallint NOT NULL,
	"has_media" boolean DEFAULT false NOT NULL,
	"text" text DEFAULT '' NOT NULL,
	"product_name" text,
	"order_status" text,
	"reply_status" text DEFAULT 'unanswered' NOT NULL,
	"reply_id" text,
	"replied_at_utc" timestamp with time zone,
	"src_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "reviews_rating_ck" CHECK ("reviews"."rating" between 1 and 5),
	CONSTRAINT "reviews_reply_status_ck" CHECK ("reviews"."reply_status" in ('unanswered','pending','answered','rejected'))
);
--> statement-breakpoint
CREATE TABLE "advice_supply" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "advice_supply_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"warehouse_id" integer,
	"window_days" smallint NOT NULL,
	"recommended_qty" integer NOT NULL,
	"velocity" numeric(12, 4) NOT NULL,
	"demand_std" numeric(12, 4) NOT NULL,
	"on_hand" integer NOT NULL,
	"in_transit" integer NOT NULL,
	"safety_coeff" numeric(6, 3) NOT NULL,
	"stock_cover_days" numeric(12, 2),
	"rationale_hash" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "advice_supply_d_sku_warehouse_window_uq" UNIQUE NULLS NOT DISTINCT("d","sku_id","warehouse_id","window_days"),
	CONSTRAINT "advice_supply_window_ck" CHECK ("advice_supply"."window_days" in (14, 28))
);
--> statement-breakpoint
CREATE TABLE "metrics_daily" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "metrics_daily_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"d" date NOT NULL,
	"sku_id" integer NOT NULL,
	"qty" integer DEFAULT 0 NOT NULL,
	"refunds_qty" integer DEFAULT 0 NOT NULL,
	"revenue_gross" numeric(14, 2) DEFAULT '0' NOT NULL,
	"refunds_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"promo_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"delivery_cost" numeric(14, 2) DEFAULT '0' NOT NULL,
	"commission_amount" numeric(14, 2) DEFAULT '0' NOT NULL,
	"is_commission_estimated" boolean DEFAULT false NOT NULL,
	"is_settled" boolean DEFAULT false NOT NULL,
	"revenue_net" numeric(14, 2) DEFAULT '0' NOT NULL,
	"cogs" numeric(14, 2),
	"profit" numeric(14, 2),
	"margin" numeric(9, 2),
	"sv7" numeric(12, 4) DEFAULT '0' NOT NULL,
	"sv14" numeric(12, 4) DEFAULT '0' NOT NULL,
	"sv28" numeric(12, 4) DEFAULT '0' NOT NULL,
	"on_hand" integer,
	"in_transit" integer,
	"stock_cover_days" numeric(12, 2),
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "metrics_daily_d_sku_uq" UNIQUE("d","sku_id")
);
--> statement-breakpoint
CREATE TABLE "job_locks" (
	"name" text PRIMARY KEY NOT NULL,
	"holder" text NOT NULL,
	"locked_until" timestamp with time zone NOT NULL,
	"acquired_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
CREATE TABLE "quarantine" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "quarantine_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"run_id" bigint,
	"account_id" integer,
	"source" text NOT NULL,
	"reason" text NOT NULL,
	"payload" jsonb,
	"payload_hash" text NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_seen_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "quarantine_account_source_hash_uq" UNIQUE NULLS NOT DISTINCT("account_id","source","payload_hash")
);
--> statement-breakpoint
CREATE TABLE "raw_records" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "raw_records_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"source" text NOT NULL,
	"natural_key" text NOT NULL,
	"payload" jsonb NOT NULL,
	"payload_hash" text NOT NULL,
	"fetched_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "raw_records_account_source_key_uq" UNIQUE("account_id","source","natural_key")
);
--> statement-breakpoint
CREATE TABLE "sync_cursors" (
	"account_id" integer NOT NULL,
	"source" text NOT NULL,
	"cursor" text NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_cursors_account_id_source_pk" PRIMARY KEY("account_id","source")
);
--> statement-breakpoint
CREATE TABLE "sync_runs" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "sync_runs_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"account_id" integer,
	"kind" text DEFAULT 'sync' NOT NULL,
	"trigger" text NOT NULL,
	"status" text DEFAULT 'running' NOT NULL,
	"date_from" date,
	"date_to" date,
	"sources" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"error" text,
	"started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"finished_at" timestamp with time zone,
	CONSTRAINT "sync_runs_status_ck" CHECK ("sync_runs"."status" in ('running','succeeded','partial','failed'))
);
--> statement-breakpoint
CREATE TABLE "sync_source_status" (
	"account_id" integer NOT NULL,
	"source" text NOT NULL,
	"last_success_day" date,
	"last_status" text NOT NULL,
	"last_error" text,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "sync_source_status_account_id_source_pk" PRIMARY KEY("account_id","source")
);
--> statement-breakpoint
CREATE TABLE "audit_log" (
	"id" bigint PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "audit_log_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 9223372036854775807 START WITH 1 CACHE 1),
	"at" timestamp with time zone DEFAULT now() NOT NULL,
	"user_id" integer,
	"user_email" text,
	"action" text NOT NULL,
	"entity" text NOT NULL,
	"entity_id" text,
	"before" jsonb,
	"after" jsonb,
	"correlation_id" text
);
--> statement-breakpoint
CREATE TABLE "login_throttle" (
	"key" text PRIMARY KEY NOT NULL,
	"failures" integer DEFAULT 0 NOT NULL,
	"window_started_at" timestamp with time zone DEFAULT now() NOT NULL,
	"locked_until" timestamp with time zone
);
--> statement-breakpoint
CREATE TABLE "users" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "users_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"email" text NOT NULL,
	"name" text,
	"password_hash" text NOT NULL,
	"role" text NOT NULL,
	"is_disabled" boolean DEFAULT false NOT NULL,
	"session_version" integer DEFAULT 1 NOT NULL,
	"locale" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"last_login_at" timestamp with time zone,
	CONSTRAINT "users_role_ck" CHECK ("users"."role" in ('owner','editor','viewer'))
);
--> statement-breakpoint
ALTER TABLE "sku" ADD CONSTRAINT "sku_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cost_price_history" ADD CONSTRAINT "cost_price_history_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashflows" ADD CONSTRAINT "cashflows_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "cashflows" ADD CONSTRAINT "cashflows_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD CONSTRAINT "daily_sales_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_sales" ADD CONSTRAINT "daily_sales_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_stock" ADD CONSTRAINT "daily_stock_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "daily_stock" ADD CONSTRAINT "daily_stock_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "reviews" ADD CONSTRAINT "reviews_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_supply" ADD CONSTRAINT "advice_supply_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "advice_supply" ADD CONSTRAINT "advice_supply_warehouse_id_warehouse_id_fk" FOREIGN KEY ("warehouse_id") REFERENCES "public"."warehouse"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "metrics_daily" ADD CONSTRAINT "metrics_daily_sku_id_sku_id_fk" FOREIGN KEY ("sku_id") REFERENCES "public"."sku"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_run_id_sync_runs_id_fk" FOREIGN KEY ("run_id") REFERENCES "public"."sync_runs"("id") ON DELETE set null ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "quarantine" ADD CONSTRAINT "quarantine_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "raw_records" ADD CONSTRAINT "raw_records_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_cursors" ADD CONSTRAINT "sync_cursors_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_runs" ADD CONSTRAINT "sync_runs_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "sync_source_status" ADD CONSTRAINT "sync_source_status_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "sku_account_idx" ON "sku" USING btree ("account_id");--> statement-breakpoint
CREATE INDEX "sku_article_idx" ON "sku" USING btree ("article");--> statement-breakpoint
CREATE INDEX "commission_rules_marketplace_idx" ON "commission_rules" USING btree ("marketplace","dt_from");--> statement-breakpoint
CREATE INDEX "cashflows_marketplace_d_idx" ON "cashflows" USING btree ("marketplace","d");--> statement-breakpoint
CREATE INDEX "cashflows_account_d_idx" ON "cashflows" USING btree ("account_id","d");--> statement-breakpoint
CREATE INDEX "daily_sales_d_idx" ON "daily_sales" USING btree ("d");--> statement-breakpoint
CREATE INDEX "daily_sales_sku_idx" ON "daily_sales" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "daily_sales_warehouse_idx" ON "daily_sales" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "daily_sales_sku_d_idx" ON "daily_sales" USING btree ("sku_id","d");--> statement-breakpoint
CREATE INDEX "daily_stock_d_idx" ON "daily_stock" USING btree ("d");--> statement-breakpoint
CREATE INDEX "daily_stock_sku_idx" ON "daily_stock" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "daily_stock_warehouse_idx" ON "daily_stock" USING btree ("warehouse_id");--> statement-breakpoint
CREATE INDEX "daily_stock_sku_d_idx" ON "daily_stock" USING btree ("sku_id","d");--> statement-breakpoint
CREATE INDEX "reviews_sku_idx" ON "reviews" USING btree ("sku_id");--> statement-breakpoint
CREATE INDEX "reviews_account_created_idx" ON "reviews" USING btree ("account_id","created_at_utc");--> statement-breakpoint
CREATE INDEX "reviews_parent_idx" ON "reviews" USING btree ("parent_review_id");--> statement-breakpoint
CREATE INDEX "advice_supply_d_idx" ON "advice_supply" USING btree ("d");--> statement-breakpoint
CREATE INDEX "metrics_daily_sku_d_idx" ON "metrics_daily" USING btree ("sku_id","d");--> statement-breakpoint
CREATE INDEX "quarantine_created_idx" ON "quarantine" USING btree ("created_at");--> statement-breakpoint
CREATE INDEX "sync_runs_account_started_idx" ON "sync_runs" USING btree ("account_id","started_at");--> statement-breakpoint
CREATE INDEX "audit_log_at_idx" ON "audit_log" USING btree ("at");--> statement-breakpoint
CREATE INDEX "audit_log_entity_idx" ON "audit_log" USING btree ("entity","entity_id");--> statement-breakpoint
CREATE UNIQUE INDEX "users_email_lower_uq" ON "users" USING btree (lower("email"));