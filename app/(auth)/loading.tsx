import { useTranslations } from "next-intl";
import { Skeleton } from "@/components/ui";

export default function Loading() {
  const t = useTranslations("common");
  return (
    <div className="space-y-3 rounded-lg border border-slate-200 bg-white p-6" role="status" data-testid="page-loading">
      <span className="sr-only">{t("loading")}</span>
      <Skeleton className="h-7 w-40" />
      <Skeleton className="h-10 w-full" />
      <Skeleton className="h-10 w-full" />
    </div>
  );
}
