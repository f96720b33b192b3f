// The sidebar's sections, in order. Labels come from the "nav" message namespace.
export const navItems = [
  { href: "/overview", key: "overview" },
  { href: "/pnl", key: "pnl" },
  { href: "/skus", key: "skus" },
  { href: "/restock", key: "restock" },
  { href: "/costs", key: "costs" },
  { href: "/commissions", key: "commissions" },
  { href: "/reviews", key: "reviews" },
  { href: "/cashflow", key: "cashflow" },
  { href: "/reconciliation", key: "reconciliation" },
  { href: "/sync", key: "sync" },
  { href: "/settings", key: "settings" },
] as const;

/** Pages where the store and date filters mean something (the header shows them there). */
export function showsFilters(pathname: string): boolean {
  return !pathname.startsWith("/settings") && !pathname.startsWith("/sync");
}
