"use client";
import { useTranslations } from "next-intl";
import { Suspense, useEffect, useState } from "react";
import { SidebarNav } from "./sidebar";

/** The sidebar as a drawer on narrow screens. Escape closes it. */
export function MobileNav() {
  const t = useTranslations("common");
  const [open, setOpen] = useState(false);
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => e.key === "Escape" && setOpen(false);
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [open]);
  return (
    <div className="lg:hidden">
      <button
        type="button"
        onClick={() => setOpen((v) => !v)}
        aria-expanded={open}
        aria-controls="mobile-nav"
        className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium text-slate-700 focus-visible:outline-2 focus-visible:outline-indigo-600"
        data-testid="mobile-menu"
      >
        {open ? t("closeMenu") : t("menu")}
      </button>
      {open ? (
        <div
          id="mobile-nav"
          className="absolute inset-x-0 top-full z-30 border-b border-slate-200 bg-white p-3 shadow-lg"
        >
          <Suspense>
            <SidebarNav onNavigate={() => setOpen(false)} />
          </Suspense>
        </div>
      ) : null}
    </div>
  );
}
