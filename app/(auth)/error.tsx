"use client";
import { useTranslations } from "next-intl";
import { Button } from "@/components/ui";

export default function AuthError({ error, retry }: { error: Error & { digest?: string }; retry?: () => void }) {
  const t = useTranslations("common");
  return (
    <div className="rounded-lg border border-red-200 bg-white p-6" data-testid="page-error">
      <h1 className="text-lg font-semibold">{t("errorTitle")}</h1>
      <p className="mt-2 text-sm text-slate-600">{t("errorBody")}</p>
      {error.digest ? <p className="mt-2 font-mono text-xs text-slate-500">{t("errorRef", { ref: error.digest })}</p> : null}
      <Button className="mt-4" variant="secondary" onClick={() => (retry ? retry() : window.location.reload())}>
        {t("retry")}
      </Button>
    </div>
  );
}
