"use client";
import Link from "next/link";
import { usePathname } from "next/navigation";
import { useTranslations } from "next-intl";
import { cn } from "@/components/ui/cn";
import { navItems } from "./nav-items";
import { useScopeQuery } from "./use-client-context";

export function SidebarNav({ onNavigate }: { onNavigate?: () => void }) {
  const t = useTranslations("nav");
  const pathname = usePathname();
  // links keep the store and date range of the current URL, so switching pages keeps the filters
  const query = useScopeQuery();
  return (
    <nav aria-label={t("mainNav")} data-testid="sidebar-nav">
      <ul className="space-y-0.5">
        {navItems.map((item) => {
          const active = pathname === item.href || pathname.startsWith(`${item.href}/`);
          const keepsFilters = item.href !== "/settings" && item.href !== "/sync";
          return (
            <li key={item.href}>
              <Link
                href={`${item.href}${keepsFilters ? query : ""}`}
                onClick={onNavigate}
                aria-current={active ? "page" : undefined}
                className={cn(
                  "block rounded-md px-3 py-2 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600",
                  active ? "bg-indigo-50 text-indigo-800" : "text-slate-700 hover:bg-slate-100 hover:text-slate-900",
                )}
              >
                {t(item.key)}
              </Link>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
