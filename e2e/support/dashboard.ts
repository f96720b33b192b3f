// Helpers of the dashboard specs: axe's serious findings on a page, and switching its language.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

/** `tags` narrows the rules (e.g. ["wcag2a", "wcag2aa"]); all rules by default. */
export async function seriousViolations(page: Page, tags?: string[]) {
  const builder = new AxeBuilder({ page });
  const results = await (tags ? builder.withTags(tags) : builder).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}

export async function setLocale(page: Page, locale: "ru" | "en") {
  if ((await page.locator("html").getAttribute("lang")) !== locale) {
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  }
}
