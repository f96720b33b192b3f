CREATE TABLE "cashflow_daily" (
	"d" date NOT NULL,
	"account_id" integer NOT NULL,
	"type" text NOT NULL,
	"amount" numeric(18, 2) NOT NULL,
	"lines" integer NOT NULL,
	CONSTRAINT "cashflow_daily_pk" PRIMARY KEY("d","account_id","type")
);
--> statement-breakpoint
ALTER TABLE "cashflow_daily" ADD CONSTRAINT "cashflow_daily_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
-- the sums of the lines already stored; recalculateMetrics keeps them from here on
INSERT INTO "cashflow_daily" ("d", "account_id", "type", "amount", "lines")
SELECT c.d, c.account_id,
  CASE WHEN v.line = 'deductions_other' AND c.source_type LIKE '%(financing)%' THEN 'financing' ELSE v.line END,
  sum(v.amount), count(*)
FROM "finance_lines" c CROSS JOIN LATERAL (values ('sales', c.sales), ('returns', c.returns), ('commission', c.commission), ('acquiring', c.acquiring), ('logistics', c.logistics), ('storage', c.storage), ('acceptance', c.acceptance), ('penalties', c.penalties), ('advertising', c.advertising), ('deductions_other', c.deductions_other), ('compensations', c.compensations), ('loyalty', c.loyalty)) v(line, amount)
WHERE v.amount <> 0
GROUP BY 1, 2, 3;
