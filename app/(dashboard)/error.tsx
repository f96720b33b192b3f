"use client";
import { useTranslations } from "next-intl";
import { useEffect } from "react";
import { Button } from "@/components/ui";

// A failed segment: generic text and the error digest as the reference to quote (details are in the server log).
export default function DashboardError({ error, retry }: { error: Error & { digest?: string }; retry?: () => void }) {
  const t = useTranslations("common");
  useEffect(() => {
    console.error(error);
  }, [error]);
  return (
    <div className="rounded-lg border border-red-200 bg-white p-6" data-testid="page-error">
      <h2 className="text-lg font-semibold text-slate-900">{t("errorTitle")}</h2>
      <p className="mt-2 text-sm text-slate-600">{t("errorBody")}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t("errorRef", { ref: error.digest })}</p> : null}
      <Button className="mt-4" variant="secondary" onClick={() => (retry ? retry() : window.location.reload())}>
        {t("retry")}
      </Button>
    </div>
  );
}
