// Every commission rule, oldest first per marketplace, with the day each one stops applying.
import { asc, eq, sql } from "drizzle-orm";
import { type Db, schema } from "@/db";
import type { Marketplace } from "@/db/schema";
import { parseCommissionRule } from "@/lib/domain/commission";
import { addDays } from "@/lib/domain/dates";
import type { CommissionRuleRecord } from "./commission-rule-input";

export interface ListCommissionRulesOptions {
  marketplace?: Marketplace;
}

/** Every rule, oldest first per marketplace, with the day each one stops applying. */
export async function listCommissionRules(
  db: Db,
  options: ListCommissionRulesOptions = {},
): Promise<CommissionRuleRecord[]> {
  const rows = await db
    .select()
    .from(schema.commissionRules)
    .where(options.marketplace ? eq(schema.commissionRules.marketplace, options.marketplace) : undefined)
    .orderBy(
      asc(schema.commissionRules.marketplace),
      // all channels first, then FBO, FBS (not left to the database's collation)
      sql`case ${schema.commissionRules.channel} when 'all' then 0 when 'FBO' then 1 else 2 end`,
      asc(schema.commissionRules.dtFrom),
    );
  return rows.map((row, i) => {
    const next = rows[i + 1];
    return {
      id: row.id,
      marketplace: row.marketplace,
      channel: row.channel,
      dtFrom: row.dtFrom,
      dtTo:
        next && next.marketplace === row.marketplace && next.channel === row.channel ? addDays(next.dtFrom, -1) : null,
      // stored rules were validated on save; parsing again fills defaults of older shapes
      rule: parseCommissionRule(row.ruleJson),
      updatedAt: row.updatedAt,
    };
  });
}
