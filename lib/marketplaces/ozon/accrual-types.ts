// Ozon accrual type ids -> P&L lines: one explicit table. The ids and names are those the reference
// (marketplace-apis.md §2.4.1) gives from practitioners; Ozon's own dictionary
// (/v1/finance/accrual/types, ~124 types) is larger. An id not listed here is kept as
// deductions_other and reported (never dropped). The reference names no id for compensations or
// loyalty points, so none is listed: such accruals arrive as unknown ids until their ids are known.
import type { PnlLine } from "@/lib/domain/pnl-lines";

export interface OzonAccrualType {
  line: PnlLine;
  /** Ozon's name where the reference gives it, else the reference's description */
  name: string;
}

export const OZON_ACCRUAL_TYPES: Record<number, OzonAccrualType> = {
  69: { line: "commission", name: "SaleCommission" },
  1: { line: "acquiring", name: "Acquiring" },
  32: { line: "logistics", name: "Logistic" },
  29: { line: "logistics", name: "LastMileCourier" },
  28: { line: "logistics", name: "LastMile" },
  59: { line: "logistics", name: "ReturnFlowLogistic" },
  45: { line: "logistics", name: "logistics/returns (name not given)" },
  62: { line: "logistics", name: "rFBS buyer delivery" },
  124: { line: "logistics", name: "rFBS buyer delivery" },
  46: { line: "storage", name: "Placements" },
  41: { line: "advertising", name: "PayPerClick" },
  54: { line: "advertising", name: "Promotion" },
  75: { line: "advertising", name: "Stencil" },
  33: { line: "advertising", name: "Marketing" },
  // a promotion Ozon sells (premium cashback), bucketed with advertising by the reference
  49: { line: "advertising", name: "PremiumCashbackPromotion" },
  87: { line: "advertising", name: "SocialMediaAdvertising" },
  51: { line: "deductions_other", name: "subscription" },
  52: { line: "deductions_other", name: "subscription" },
  89: { line: "penalties", name: "defect fine" },
  90: { line: "penalties", name: "defect fine" },
  91: { line: "penalties", name: "defect fine" },
  92: { line: "penalties", name: "defect fine" },
  93: { line: "penalties", name: "defect fine" },
  94: { line: "penalties", name: "defect fine" },
};

export function ozonAccrualType(typeId: number): OzonAccrualType | undefined {
  return OZON_ACCRUAL_TYPES[typeId];
}
