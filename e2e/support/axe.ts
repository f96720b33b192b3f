// The accessibility check every page test runs: axe's serious and critical violations, each as
// "rule: first three targets", so a failure names what to fix. Empty means clean.
import AxeBuilder from "@axe-core/playwright";
import type { Page } from "@playwright/test";

export async function seriousViolations(page: Page, options: { tags?: string[] } = {}): Promise<string[]> {
  const builder = new AxeBuilder({ page });
  const result = await (options.tags ? builder.withTags(options.tags) : builder).analyze();
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map(
      (v) =>
        `${v.id}: ${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join(", ")}`,
    );
}
