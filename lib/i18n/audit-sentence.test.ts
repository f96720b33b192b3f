import { describe, expect, it } from "vitest";
import { auditSentence } from "./audit-sentence";
import { createFormatters } from "./format";
import { getTranslatorFor } from "./server";

const entry = {
  userEmail: "anna@example.ru",
  action: "cost_price.create",
  entity: "cost_price",
  entityId: "7",
  before: null,
  after: { skuId: 12, dtFrom: "2026-11-01", costPrice: "245.50" },
  skuArticle: "OZ-2",
};

describe("audit entries as sentences", () => {
  const ru = (e: typeof entry | Record<string, unknown>) =>
    auditSentence(getTranslatorFor("ru", "settings.audit"), createFormatters("ru", "Europe/Moscow"), e as typeof entry);
  const en = (e: typeof entry | Record<string, unknown>) =>
    auditSentence(getTranslatorFor("en", "settings.audit"), createFormatters("en", "Europe/Moscow"), e as typeof entry);

  it("says who changed which SKU's cost price, from what to what, from which day", () => {
    expect(en(entry).replace(/\u00a0/g, " ")).toBe(
      "anna@example.ru changed the cost price of OZ-2 from — to ₽245.50 from 01/11/2026",
    );
    expect(ru(entry).replace(/\u00a0/g, " ")).toBe(
      "anna@example.ru изменил(а) себестоимость OZ-2 с — на 245,50 ₽ с 01.11.2026",
    );
    const update = {
      ...entry,
      action: "cost_price.update",
      before: { skuId: 12, dtFrom: "2026-11-01", costPrice: "200" },
    };
    expect(ru(update).replace(/\u00a0/g, " ")).toBe(
      "anna@example.ru изменил(а) себестоимость OZ-2 с 200,00 ₽ на 245,50 ₽ с 01.11.2026",
    );
  });

  it("words commission rules, roles and unknown actions", () => {
    expect(
      en({
        ...entry,
        action: "commission_rule.update",
        entity: "commission_rule",
        before: { marketplace: "OZON", channel: "FBS", dtFrom: "2026-07-20", rule: { defaultPercent: 12 } },
        after: { marketplace: "OZON", channel: "FBS", dtFrom: "2026-07-25", rule: { defaultPercent: 20 } },
        skuArticle: null,
      }),
    ).toBe("anna@example.ru changed the Ozon commission rule (FBS) from 25/07/2026: 12% → 20%");
    expect(
      ru({
        ...entry,
        action: "user.role_change",
        entity: "user",
        before: { email: "ivan@x.ru", role: "viewer" },
        after: { email: "ivan@x.ru", role: "editor" },
      }),
    ).toBe("anna@example.ru изменил(а) роль ivan@x.ru с «наблюдатель» на «редактор»");
    expect(en({ ...entry, userEmail: null, action: "thing.happened", entity: "thing", entityId: "3" })).toBe(
      "The system: thing.happened (thing #3)",
    );
  });
});
