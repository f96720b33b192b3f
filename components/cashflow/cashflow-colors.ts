import type { CashflowType } from "@/lib/data/cashflow";

/** Display order and colour of each cash flow type (the P&L lines, then financing). */
export const cashflowSeries: { key: CashflowType; color: string }[] = [
  { key: "sales", color: "#059669" },
  { key: "returns", color: "#f43f5e" },
  { key: "compensations", color: "#10b981" },
  { key: "loyalty", color: "#a3e635" },
  { key: "commission", color: "#475569" },
  { key: "acquiring", color: "#64748b" },
  { key: "logistics", color: "#f59e0b" },
  { key: "storage", color: "#d97706" },
  { key: "acceptance", color: "#b45309" },
  { key: "advertising", color: "#8b5cf6" },
  { key: "penalties", color: "#dc2626" },
  { key: "deductions_other", color: "#94a3b8" },
  { key: "financing", color: "#0ea5e9" },
];
