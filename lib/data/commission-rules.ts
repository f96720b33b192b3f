import "server-only";
// Commission rules page read: every rule with the day it stops applying (lib/services/commission-rules).
import type { Db } from "@/db";
import type { CommissionRuleRecord } from "@/lib/services/commission-rules/commission-rule-input";
import { listCommissionRules } from "@/lib/services/commission-rules/list-commission-rules";
import { authorized } from "./authorized";

export type { CommissionRuleRecord };

export async function queryCommissionRules(db: Db): Promise<CommissionRuleRecord[]> {
  return listCommissionRules(db);
}

export const getCommissionRules = authorized(queryCommissionRules);
