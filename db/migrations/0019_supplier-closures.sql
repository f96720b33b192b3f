CREATE TABLE "supplier_closure" (
	"id" integer PRIMARY KEY GENERATED ALWAYS AS IDENTITY (sequence name "supplier_closure_id_seq" INCREMENT BY 1 MINVALUE 1 MAXVALUE 2147483647 START WITH 1 CACHE 1),
	"account_id" integer NOT NULL,
	"first_day" date NOT NULL,
	"last_day" date NOT NULL,
	"note" text,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "supplier_closure_days_ck" CHECK ("supplier_closure"."last_day" >= "supplier_closure"."first_day" and "supplier_closure"."last_day" - "supplier_closure"."first_day" < 366),
	CONSTRAINT "supplier_closure_note_ck" CHECK (length("supplier_closure"."note") <= 200)
);
--> statement-breakpoint
ALTER TABLE "supplier_closure" ADD CONSTRAINT "supplier_closure_account_id_accounts_id_fk" FOREIGN KEY ("account_id") REFERENCES "public"."accounts"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "supplier_closure_account_idx" ON "supplier_closure" USING btree ("account_id","last_day");