// A fingerprint of the e2e database, to prove refused actions changed nothing. On PostgreSQL every
// table is hashed directly; on embedded PGlite (one owner: the server) the fingerprint is what the
// owner sees on the pages that list every kind of record the actions can change.
import type { Browser, Page } from "@playwright/test";
import { Client } from "pg";
import { storageState } from "./fixtures";

/**
 * React reveals streamed Suspense boundaries on a timer (up to ~2.3 s after navigation start); a
 * boundary still showing its fallback is marked by a `<!--$?-->` (content not arrived) or `<!--$~-->`
 * (arrived, queued for reveal) comment. Waits until none is left.
 */
export async function waitForStreamedContent(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_COMMENT);
    for (let node = walker.nextNode(); node; node = walker.nextNode())
      if (node.nodeValue === "$?" || node.nodeValue === "$~") return false;
    return true;
  });
}

export async function databaseFingerprint(browser: Browser): Promise<string> {
  const url = process.env.E2E_DATABASE_URL;
  if (url) {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const tables = await client.query<{ t: string }>(
        "select table_name as t from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by 1",
      );
      const parts: string[] = [];
      for (const { t } of tables.rows) {
        const r = await client.query(
          `select count(*)::text as n, coalesce(md5(string_agg(x::text, '|' order by x::text)), '') as h from "${t}" x`,
        );
        parts.push(`${t}:${r.rows[0].n}:${r.rows[0].h}`);
      }
      return parts.join("\n");
    } finally {
      await client.end();
    }
  }
  const context = await browser.newContext({ storageState: storageState("owner") });
  const page = await context.newPage();
  const parts: string[] = [];
  for (const path of ["/settings/users", "/settings/stores", "/settings/audit", "/sync", "/costs", "/commissions"]) {
    const res = await page.goto(path);
    await waitForStreamedContent(page);
    parts.push(`${path}:${res?.status()}:${await page.locator("main").innerText()}`);
  }
  await context.close();
  return parts.join("\n");
}
