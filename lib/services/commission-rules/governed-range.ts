import { and, asc, eq, gt, sql } from "drizzle-orm";
import { type Db, rowsOf, schema } from "@/db";
import type { CommissionChannel, Marketplace } from "@/db/schema";
import { addDays, daysBetween } from "@/lib/domain/dates";
import { MAX_RECALC_DAYS } from "@/lib/services/metrics/recalculate-metrics";

/** Days a rule from dtFrom governs: dtFrom up to the day before the next rule of its channel, never past today. */
export async function governedRange(
  db: Db,
  marketplace: Marketplace,
  dtFrom: string,
  today: string,
  channel: CommissionChannel = "all",
): Promise<{ from: string; to: string } | null> {
  const [next] = await db
    .select({ dtFrom: schema.commissionRules.dtFrom })
    .from(schema.commissionRules)
    .where(
      and(
        eq(schema.commissionRules.marketplace, marketplace),
        eq(schema.commissionRules.channel, channel),
        gt(schema.commissionRules.dtFrom, dtFrom),
      ),
    )
    .orderBy(asc(schema.commissionRules.dtFrom))
    .limit(1);
  let to = next ? addDays(next.dtFrom, -1) : today;
  if (to > today) to = today;
  // nothing to recalculate before the first sale
  const [first] = rowsOf<{ d: string | null }>(await db.execute(sql`SELECT min(d)::text AS d FROM daily_sales`));
  let from = dtFrom;
  if (first?.d && first.d > from) from = first.d;
  if (from > to) return null;
  if (daysBetween(from, to) + 1 > MAX_RECALC_DAYS) from = addDays(to, -(MAX_RECALC_DAYS - 1));
  return { from, to };
}
