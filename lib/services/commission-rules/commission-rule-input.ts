// What every commission-rule use case shares: the stored rule as the pages see it, and the check of a
// rule typed into the form (field errors keyed by the form's field names).
import { type CommissionChannel, commissionChannels, type Marketplace } from "@/db/schema";
import { CommissionRuleError, type CommissionRule, parseCommissionRule } from "@/lib/domain/commission";
import { isIsoDay } from "@/lib/domain/dates";
import { AppError } from "@/lib/errors";

export interface CommissionRuleRecord {
  id: number;
  marketplace: Marketplace;
  /** which sales it covers: all channels, or only FBO / FBS (which win over 'all') */
  channel: CommissionChannel;
  dtFrom: string;
  /** last day the rule governs (the day before the next rule), null = open-ended */
  dtTo: string | null;
  rule: CommissionRule;
  updatedAt: Date;
}

export function checkInput(
  marketplace: unknown,
  dtFrom: unknown,
  rule?: unknown,
  channel: unknown = "all",
): { marketplace: Marketplace; channel: CommissionChannel; dtFrom: string; rule?: CommissionRule } {
  const fieldErrors: Record<string, string> = {};
  if (!commissionChannels.includes(channel as CommissionChannel)) fieldErrors.channel = "choose all, FBO or FBS";
  if (marketplace !== "WB" && marketplace !== "OZON") fieldErrors.marketplace = "choose WB or OZON";
  if (typeof dtFrom !== "string" || !isIsoDay(dtFrom)) fieldErrors.dtFrom = "expected a date in YYYY-MM-DD form";
  let parsed: CommissionRule | undefined;
  if (rule !== undefined) {
    try {
      parsed = parseCommissionRule(rule);
    } catch (error) {
      if (!(error instanceof CommissionRuleError)) throw error;
      for (const p of error.problems) fieldErrors[p.path ? `rule.${p.path}` : "rule"] ??= p.message;
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    const text = Object.entries(fieldErrors)
      .map(([k, v]) => `${k}: ${v}`)
      .join("; ");
    throw new AppError("VALIDATION", `Invalid commission rule: ${text}`, fieldErrors);
  }
  return {
    marketplace: marketplace as Marketplace,
    channel: channel as CommissionChannel,
    dtFrom: dtFrom as string,
    rule: parsed,
  };
}
