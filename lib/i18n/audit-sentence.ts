// An audit entry as a sentence a person reads ("anna@… changed the cost price of OZ-2 from — to
// 245,50 ₽ from 01.11.2026"), from the "settings.audit.sentences" catalogue in the user's language.
// Entries of an action the catalogue does not know yet read as "who: action object #id".
import type { Formatters } from "./format";
import type { Translator } from "./server";
import { runtimeKeys } from "./runtime-keys";

/** what an audit entry records: who did what to which entity, and its fields before and after */
export interface AuditEntryFields {
  userEmail: string | null;
  action: string;
  entity: string;
  entityId: string | null;
  before: unknown;
  after: unknown;
}

export interface AuditSentenceEntry extends AuditEntryFields {
  skuArticle: string | null;
}

type Fields = Record<string, unknown>;

const fieldsOf = (value: unknown): Fields => (value && typeof value === "object" ? (value as Fields) : {});
const text = (value: unknown): string => (value === null || value === undefined ? "—" : String(value));
const marketplaceName = (value: unknown): string =>
  value === "WB" ? "Wildberries" : value === "OZON" ? "Ozon" : text(value);

export function auditSentence(t: Translator<"settings.audit">, f: Formatters, entry: AuditSentenceEntry): string {
  const before = fieldsOf(entry.before);
  const after = fieldsOf(entry.after);
  const who = entry.userEmail ?? t("system");
  const money = (v: unknown) => (v === null || v === undefined ? "—" : f.rub(String(v), { fractionDigits: 2 }));
  const pct = (rule: unknown) => {
    const p = fieldsOf(rule).defaultPercent;
    return typeof p === "number" ? f.percent(p / 100, 2) : "—";
  };
  const tr = runtimeKeys(t);
  const role = (v: unknown) => (typeof v === "string" ? tr(`roles.${v}`) : "—");
  const channel = (v: unknown) => tr(`channels.${typeof v === "string" ? v : "all"}`);
  const sku = entry.skuArticle ?? `#${text(after.skuId ?? before.skuId)}`;
  switch (entry.action) {
    case "cost_price.create":
    case "cost_price.update":
      return t("sentences.costPriceChange", {
        who,
        sku,
        before: money(before.costPrice),
        after: money(after.costPrice),
        day: f.day(String(after.dtFrom ?? before.dtFrom ?? "")),
      });
    case "cost_price.delete":
      return t("sentences.costPriceDelete", {
        who,
        sku,
        before: money(before.costPrice),
        day: f.day(String(before.dtFrom ?? "")),
      });
    case "cost_price.import":
      return t("sentences.costPriceImport", { who, count: Number(after.count ?? 0), file: text(after.fileName) });
    case "commission_rule.create":
    case "commission_rule.update":
      return t("sentences.ruleChange", {
        who,
        marketplace: marketplaceName(after.marketplace ?? before.marketplace),
        channel: channel(after.channel),
        day: f.day(String(after.dtFrom ?? "")),
        before: entry.before ? pct(before.rule) : "—",
        after: pct(after.rule),
      });
    case "commission_rule.delete":
      return t("sentences.ruleDelete", {
        who,
        marketplace: marketplaceName(before.marketplace),
        channel: channel(before.channel),
        day: f.day(String(before.dtFrom ?? "")),
      });
    case "store.create":
      return t("sentences.storeCreate", {
        who,
        name: text(after.name),
        marketplace: marketplaceName(after.marketplace),
      });
    case "store.rename":
      return t("sentences.storeRename", { who, before: text(before.name), after: text(after.name) });
    case "store.credentials_replace":
      return t("sentences.storeKey", { who, id: text(entry.entityId), last4: text(after.credentialsLast4) });
    case "store.activate":
    case "store.deactivate":
      return t(`sentences.${entry.action === "store.activate" ? "storeActivate" : "storeDeactivate"}`, {
        who,
        name: text(after.name),
      });
    case "user.create":
    case "user.setup_owner":
      return t(entry.action === "user.create" ? "sentences.userCreate" : "sentences.userSetupOwner", {
        who,
        email: text(after.email),
        role: role(after.role),
      });
    case "user.role_change":
      return t("sentences.userRole", {
        who,
        email: text(after.email),
        before: role(before.role),
        after: role(after.role),
      });
    case "user.disable":
    case "user.enable":
      return t(entry.action === "user.disable" ? "sentences.userDisable" : "sentences.userEnable", {
        who,
        email: text(after.email),
      });
    case "user.password_change":
      return t("sentences.userPassword", { who, email: text(after.email) });
    case "user.password_change_own":
      return t("sentences.userPasswordOwn", { who });
    default:
      return t("sentences.other", {
        who,
        action: entry.action,
        entity: entry.entity,
        id: entry.entityId ?? "—",
      });
  }
}
