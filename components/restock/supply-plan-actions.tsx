"use client";
// The supply plan controls on the restock page: save the ticked rows as plans, mark a plan shipped.
// Ticked rows are checkboxes inside the table bound to the form by its id (form="supply-plan-form").
import { useRouter } from "next/navigation";
import { useTranslations } from "next-intl";
import { useState, useTransition } from "react";
import { ActionButton, Alert, Button } from "@/components/ui";
import { createSupplyPlansAction, shipSupplyPlanAction } from "@/lib/actions/restock";

export function SupplyPlanForm({ canEdit }: { canEdit: boolean }) {
  const t = useTranslations("restock");
  const router = useRouter();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [isPending, start] = useTransition();
  if (!canEdit) return null;
  return (
    <form
      id="supply-plan-form"
      className="flex flex-wrap items-center gap-3"
      data-testid="supply-plan-form"
      onSubmit={(event) => {
        event.preventDefault();
        const adviceIds = new FormData(event.currentTarget).getAll("advice").map(Number);
        start(async () => {
          const result = await createSupplyPlansAction({ adviceIds });
          setMessage(
            result.ok
              ? { ok: true, text: t("plans.saved", { count: result.data.planIds.length }) }
              : { ok: false, text: result.message },
          );
          if (result.ok) router.refresh();
        });
      }}
    >
      <Button type="submit" disabled={isPending} data-testid="supply-plan-save">
        {t("plans.save")}
      </Button>
      <span className="text-sm text-slate-600">{t("plans.hint")}</span>
      {message ? (
        <Alert tone={message.ok ? "success" : "error"} testId="supply-plan-message">
          {message.text}
        </Alert>
      ) : null}
    </form>
  );
}

export function ShipPlanButton({ planId }: { planId: number }) {
  const t = useTranslations("restock");
  return (
    <ActionButton run={() => shipSupplyPlanAction({ planId })} testId="supply-plan-ship">
      {t("plans.ship")}
    </ActionButton>
  );
}
