// A store's connection as one honest state, the same on Settings → Stores, the store's page and the
// Sync page: a key the marketplace never accepted is "not verified", not "working". Failures of a
// sync source are worded from their typed kind (SyncFailure), never from an exception's English text.
import { Badge, type BadgeTone } from "@/components/ui";
import { getFormatters, getTranslations } from "@/lib/i18n/server";
import { wordFailure } from "@/lib/i18n/failure-wording";
import type { SourceFailure } from "@/lib/services/stores/get-sync-overview";

export type ConnectionState = "not_verified" | "working" | "token_rejected" | "missing_scope" | "inactive";

export interface ConnectionFields {
  status: "ok" | "needs_attention";
  statusDetail: string | null;
  verifiedAt: Date | null;
  isActive?: boolean;
}

export function connectionStateOf(store: ConnectionFields): ConnectionState {
  if (store.isActive === false) return "inactive";
  if (store.status === "needs_attention")
    return store.statusDetail === "missing_scope" ? "missing_scope" : "token_rejected";
  return store.verifiedAt ? "working" : "not_verified";
}

const tones: Record<ConnectionState, BadgeTone> = {
  not_verified: "warning",
  working: "success",
  token_rejected: "danger",
  missing_scope: "danger",
  inactive: "neutral",
};

/** The state's badge, with what it means (and what to do) as its title and for screen readers. */
export async function ConnectionBadge({ store }: { store: ConnectionFields }) {
  const [t, f] = await Promise.all([getTranslations("failures.connection"), getFormatters()]);
  const state = connectionStateOf(store);
  const help =
    state === "inactive"
      ? undefined
      : state === "working"
        ? t("working_help", { when: f.dateTime(store.verifiedAt) })
        : t(`${state}_help`);
  return (
    <span title={help} data-testid="connection-state" data-state={state}>
      <Badge tone={tones[state]}>{t(state)}</Badge>
      {help ? <span className="sr-only"> {help}</span> : null}
    </span>
  );
}

/** The request's failure wording: `const word = await getFailureWording(); word(failure)`. */
export async function getFailureWording(): Promise<(failure: SourceFailure | null | undefined) => string | null> {
  const t = await getTranslations("failures");
  return (failure) => wordFailure(t, failure);
}
