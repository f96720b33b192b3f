// Turns the advice rows a seller ticked into draft supply plans, one per destination, each line the
// row's quantity (already rounded to case pack and MOQ).
import { sql } from "drizzle-orm";
import { type Db, rowsOf } from "@/db";
import type { Marketplace } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { AuditActor } from "@/lib/services/audit/write-audit";
import { createSupplyPlan } from "./create-supply-plan";
import type { LocationKind } from "./restock-locations";

export interface CreateSupplyPlansFromAdviceOptions {
  db: Db;
  adviceIds: number[];
  actor: AuditActor | null;
  correlationId?: string;
}

export async function createSupplyPlansFromAdvice(
  options: CreateSupplyPlansFromAdviceOptions,
): Promise<{ planIds: number[] }> {
  const ids = [...new Set(options.adviceIds)];
  const rows = rowsOf<{
    sku_id: number;
    account_id: number | null;
    marketplace: Marketplace;
    location_kind: LocationKind;
    location_key: string;
    location_name: string | null;
    quantity: number;
  }>(
    await options.db
      .execute(sql`select sku_id, account_id, marketplace, location_kind, location_key, location_name, quantity
      from restock_advice where id in (${sql.join(
        ids.map((id) => sql`${id}`),
        sql`, `,
      )}) and quantity > 0`),
  );
  if (rows.length === 0)
    throw new AppError("VALIDATION", "errors.supplyPlanEmpty", { adviceIds: "errors.supplyPlanEmpty" });
  const groups = new Map<string, typeof rows>();
  for (const r of rows) {
    const k = `${r.account_id}|${r.marketplace}|${r.location_kind}|${r.location_key}`;
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  const planIds: number[] = [];
  for (const group of groups.values()) {
    const first = group[0];
    const { planId } = await createSupplyPlan({
      db: options.db,
      actor: options.actor,
      correlationId: options.correlationId,
      input: {
        accountId: first.account_id === null ? null : Number(first.account_id),
        marketplace: first.marketplace,
        locationKind: first.location_kind,
        locationKey: first.location_key,
        locationName: first.location_name,
        lines: group.map((r) => ({ skuId: Number(r.sku_id), qty: Number(r.quantity) })),
      },
    });
    planIds.push(planId);
  }
  return { planIds };
}
