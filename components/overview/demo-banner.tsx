import { getTranslations } from "@/lib/i18n/server";
import { getEnv } from "@/lib/env";

/** Shown on every dashboard page when the app runs on `npm run demo` data (DEMO_MODE). */
export async function DemoBanner() {
  if (!getEnv().DEMO_MODE) return null;
  const t = await getTranslations("dashboard");
  return (
    <div
      role="note"
      className="mb-4 rounded-md border border-violet-300 bg-violet-50 px-3 py-2 text-sm font-medium text-violet-900"
      data-testid="demo-banner"
    >
      {t("demoBanner")}
    </div>
  );
}
