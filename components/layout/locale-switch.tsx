"use client";
import { useRouter } from "next/navigation";
import { useLocale, useTranslations } from "next-intl";
import { useTransition } from "react";
import { setLocaleAction } from "@/lib/actions/auth";
import { cn } from "@/components/ui/cn";

/** Switches between Russian and English (a cookie), then re-renders the page in place. */
export function LocaleSwitch({ className }: { className?: string }) {
  const t = useTranslations("common");
  const locale = useLocale();
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const other = locale === "ru" ? "en" : "ru";
  return (
    <button
      type="button"
      data-testid="locale-switch"
      disabled={pending}
      lang={other}
      onClick={() =>
        startTransition(async () => {
          await setLocaleAction({ locale: other });
          router.refresh();
        })
      }
      className={cn(
        "rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600",
        className,
      )}
      aria-label={`${t("language")}: ${t("switchTo")}`}
    >
      {t("switchTo")}
    </button>
  );
}
