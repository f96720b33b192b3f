import Link from "next/link";
import { useTranslations } from "next-intl";
import { EmptyState, buttonClasses } from "@/components/ui";

export default function DashboardNotFound() {
  const t = useTranslations("common");
  return (
    <EmptyState
      title={t("notFoundTitle")}
      testId="not-found"
      action={
        <Link href="/overview" className={buttonClasses("secondary")}>
          {t("backHome")}
        </Link>
      }
    >
      {t("notFoundBody")}
    </EmptyState>
  );
}
