"use client";
import { useTranslations } from "next-intl";
import { logoutAction } from "@/lib/actions/auth";

export function LogoutButton() {
  const t = useTranslations("common");
  return (
    <form
      action={async () => {
        await logoutAction();
      }}
    >
      <button
        type="submit"
        data-testid="logout"
        className="rounded-md px-2 py-1 text-sm text-slate-600 hover:bg-slate-100 hover:text-slate-900 focus-visible:outline-2 focus-visible:outline-indigo-600"
      >
        {t("logout")}
      </button>
    </form>
  );
}
