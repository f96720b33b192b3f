"use client";
// A failed route segment: generic text and the error digest as the reference to quote (details are
// in the server log), with a retry. Rendered by the error.tsx files.
import { useTranslations } from "next-intl";
import { Button } from "./button";
import { cn } from "./cn";

export function SegmentError({
  error,
  retry,
  heading: Heading,
}: {
  error: Error & { digest?: string };
  retry?: () => void;
  /** h1 where the segment has no other page title (sign-in pages), h2 inside the dashboard */
  heading: "h1" | "h2";
}) {
  const t = useTranslations("common");
  return (
    <div className="rounded-lg border border-red-200 bg-white p-6" data-testid="page-error">
      <Heading className={cn("text-lg font-semibold", Heading === "h2" && "text-slate-900")}>{t("errorTitle")}</Heading>
      <p className="mt-2 text-sm text-slate-600">{t("errorBody")}</p>
      {error.digest ? (
        <p className="mt-2 font-mono text-xs text-slate-500">{t("errorRef", { ref: error.digest })}</p>
      ) : null}
      <Button className="mt-4" variant="secondary" onClick={() => (retry ? retry() : window.location.reload())}>
        {t("retry")}
      </Button>
    </div>
  );
}
