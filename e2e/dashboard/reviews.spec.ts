// Replying to reviews: an editor saves a template, answers the lowest-rated review of the queue with it
// (a double click), the emulator receives the answer exactly once, the card says "sent, awaiting
// confirmation", and after the next sync "published". Nothing here reaches a real marketplace.
import AxeBuilder from "@axe-core/playwright";
import { expect, type Page, test } from "@playwright/test";
import { emulator, screenshotPath, storageState } from "../support/fixtures";

test.use({ storageState: storageState("editor") });

async function seriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

async function setLocale(page: Page, locale: "ru" | "en") {
  if ((await page.locator("html").getAttribute("lang")) !== locale) {
    await page.getByTestId("locale-switch").click();
    await expect(page.locator("html")).toHaveAttribute("lang", locale);
  }
}

async function repliesArrived(reviewId: string): Promise<{ kind: string; text: string }[]> {
  const res = await fetch(`${emulator.url}/__emulator/replies`);
  const all = (await res.json()) as { reviewId: string; kind: string; text: string }[];
  return all.filter((r) => r.reviewId === reviewId);
}

test("an editor answers the worst review of the queue once, with a template", async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto("/reviews?view=queue");
  await setLocale(page, "ru");
  await expect(page.getByTestId("review-queue-tab")).toHaveAttribute("aria-current", "page");
  const cards = page.getByTestId("review");
  await expect(cards.first()).toBeVisible();
  // lowest rating first
  const ratings = await cards.evaluateAll((els) => els.map((e) => Number((e as HTMLElement).dataset.rating)));
  expect(ratings).toEqual([...ratings].sort((a, b) => a - b));

  const add = page.getByTestId("template-add-form");
  await add.getByTestId("template-name").fill("Благодарность");
  await add.getByTestId("template-body").fill("Здравствуйте, {name}! Спасибо за отзыв о товаре «{product}».");
  await add.getByTestId("template-save").click();
  await expect(page.getByTestId("template").filter({ hasText: "Благодарность" })).toBeVisible();

  const card = page.locator('[data-testid="review"][data-marketplace="WB"]').first();
  const reviewId = (await card.getAttribute("data-review-id"))!;
  expect(await repliesArrived(reviewId)).toEqual([]);
  await card.getByTestId("reply-template").selectOption({ label: "Благодарность" });
  // the emulator's buyers are all called "Покупатель"
  await expect(card.getByTestId("reply-text")).toHaveValue(
    /^Здравствуйте, Покупатель! Спасибо за отзыв о товаре «.+»\.$/,
  );
  const text = await card.getByTestId("reply-text").inputValue();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: screenshotPath("reviews-queue-ru"), fullPage: true });
  await card.getByTestId("reply-send").dblclick();
  await expect(card.getByTestId("reply-message")).toContainText("Отправлено");
  expect(await repliesArrived(reviewId)).toEqual([expect.objectContaining({ kind: "answer", text })]);

  // every date: the card shows the answer as sent, awaiting the sync's confirmation
  await page.goto("/reviews?from=2020-01-01");
  const answered = page.locator(`[data-review-id="${reviewId}"]`);
  await expect(answered.getByTestId("reply-state")).toHaveText("Отправлен, ждёт подтверждения");
  await expect(answered.getByTestId("review-reply")).toContainText(text);
  expect(await seriousViolations(page)).toEqual([]);
  await answered.scrollIntoViewIfNeeded();
  await page.screenshot({ path: screenshotPath("reviews-sent-ru") });
  await setLocale(page, "en");
  await expect(answered.getByTestId("reply-state")).toHaveText("Sent, awaiting confirmation");
  await page.screenshot({ path: screenshotPath("reviews-sent-en") });
  await page.goto("/reviews?view=queue");
  await page.screenshot({ path: screenshotPath("reviews-queue-en"), fullPage: true });

  // the next sync reads the review back: published
  await page.goto("/sync");
  await page.getByTestId("sync-now").click();
  await expect(page.getByTestId("sync-now-result")).toBeVisible({ timeout: 90_000 });
  await page.goto("/reviews?from=2020-01-01");
  await expect(answered.getByTestId("reply-state")).toHaveText("Answer published");
  await setLocale(page, "ru");
  await expect(answered.getByTestId("reply-state")).toHaveText("Ответ опубликован");
  expect(await repliesArrived(reviewId)).toHaveLength(1);
});
