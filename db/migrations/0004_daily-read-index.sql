-- One covering index for the reads of metrics_daily by day: the period sums it covered before, plus
-- each SKU's latest velocity and stock (SKU table, "running out" on the Overview), which visited one
-- heap page per SKU.
CREATE INDEX "metrics_daily_d_sku_read_idx" ON "metrics_daily" USING btree ("d","sku_id","qty","refunds_qty","revenue_net","cogs","profit","is_settled","is_commission_estimated","sv7","sv14","sv28","on_hand","in_transit","stock_cover_days");--> statement-breakpoint
DROP INDEX "metrics_daily_d_sku_totals_idx";
