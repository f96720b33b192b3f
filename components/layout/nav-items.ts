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

const under = (pathname: string, prefixes: readonly string[]) =>
  prefixes.some((p) => pathname === p || pathname.startsWith(`${p}/`));

/** Pages where the store filter means something (the header shows it there). */
export function showsStoreFilter(pathname: string): boolean {
  return !under(pathname, ["/settings", "/sync"]);
}

/** Pages where a date range means something: not the restock advice (always the latest), settings or sync. */
export function showsRangeFilter(pathname: string): boolean {
  return showsStoreFilter(pathname) && !under(pathname, ["/restock"]);
}

/** The store as people name it: its name, and the marketplace only when the name does not already say it. */
export function storeLabel(name: string, marketplaceName: string): string {
  return name.toLowerCase().includes(marketplaceName.toLowerCase()) ? name : `${name} · ${marketplaceName}`;
}
