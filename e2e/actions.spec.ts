// Every server action of the production build, from its server-reference manifest, called directly
// as an HTTP POST (what an attacker would do) anonymously and as a viewer: each must be in the
// committed policy file, each not allowed for the caller must be refused by the wrapper itself,
// and the database must be unchanged afterwards.
import fs from "node:fs";
import path from "node:path";
import { type APIRequestContext, expect, request as playwrightRequest, test } from "@playwright/test";
import policyFile from "../lib/actions/policy.json";
import { databaseFingerprint } from "./support/db-fingerprint";
import { leakedCanaries, storageState } from "./support/fixtures";

interface PolicyEntry {
  roles: string[];
  mutates: boolean;
  selfOnly?: boolean;
  sample?: Record<string, unknown>;
}
const policy = policyFile as unknown as Record<string, PolicyEntry>;

interface ManifestEntry {
  workers: Record<string, unknown>;
  filename?: string;
  exportedName?: string;
}

const distDir = process.env.E2E_DIST_DIR ?? path.join(process.cwd(), ".next");
const manifest = JSON.parse(
  fs.readFileSync(path.join(distDir, "server", "server-reference-manifest.json"), "utf8"),
) as {
  node: Record<string, ManifestEntry>;
};
const actions = Object.entries(manifest.node).map(([id, entry]) => ({ id, ...entry }));

/** "app/(dashboard)/settings/stores/[id]/page" -> "/settings/stores/1" */
function routeOf(worker: string): string {
  const segments = worker
    .replace(/^app\//, "")
    .replace(/\/page$/, "")
    .split("/")
    .filter((s) => s && !(s.startsWith("(") && s.endsWith(")")))
    .map((s) => (s.startsWith("[") ? "1" : s));
  return `/${segments.join("/")}`;
}

async function callAction(api: APIRequestContext, action: (typeof actions)[number], args: unknown[]): Promise<string> {
  const route = routeOf(Object.keys(action.workers).sort((a, b) => a.length - b.length)[0]);
  const res = await api.post(route, {
    headers: {
      "Next-Action": action.id,
      "Content-Type": "text/plain;charset=UTF-8",
      Accept: "text/x-component",
      Origin: new URL(process.env.E2E_BASE_URL!).origin,
    },
    data: JSON.stringify(args),
    maxRedirects: 0,
  });
  return `${res.status()} ${await res.text()}`;
}

const samples: { storeId?: number; userId?: number } = {};

test.beforeAll(async ({ browser }) => {
  // real ids, so an unchecked action would really change something
  const context = await browser.newContext({ storageState: storageState("owner") });
  const page = await context.newPage();
  await page.goto("/settings/stores");
  const uiRow = page.getByTestId("stores-table").getByRole("row").filter({ hasText: "WB основной" });
  const href =
    (await uiRow
      .getByRole("link")
      .getAttribute("href")
      .catch(() => null)) ?? "";
  samples.storeId = Number(/\/(\d+)$/.exec(href)?.[1] ?? 1);
  await page.goto("/settings/users");
  const userId = await page
    .getByTestId("user-row-editor@e2e.test")
    .locator('input[name="userId"]')
    .first()
    .getAttribute("value");
  samples.userId = Number(userId ?? 1);
  await context.close();
});

function sampleFor(name: string): Record<string, unknown> {
  const sample = { ...(policy[name]?.sample ?? {}) };
  if ("storeId" in sample && samples.storeId) sample.storeId = samples.storeId;
  if ("userId" in sample && samples.userId) sample.userId = samples.userId;
  return sample;
}

test("the build's server actions are all listed in lib/actions/policy.json", () => {
  expect(actions.length).toBeGreaterThan(5);
  const missing = actions
    .filter((a) => !a.exportedName || !(a.exportedName in policy))
    .map((a) => `${a.filename}#${a.exportedName}`);
  expect(missing, "add these actions to lib/actions/policy.json").toEqual([]);
});

test("anonymous and viewer calls to actions they may not use are refused and change nothing", async ({ browser }) => {
  test.setTimeout(180_000);
  const before = await databaseFingerprint(browser);
  const baseURL = process.env.E2E_BASE_URL!;
  const anonymous = await playwrightRequest.newContext({ baseURL });
  const viewer = await playwrightRequest.newContext({ baseURL, storageState: storageState("viewer") });
  const bodies: string[] = [];
  const checked: string[] = [];

  for (const action of actions) {
    const name = action.exportedName!;
    const entry = policy[name];
    const sample = sampleFor(name);
    // both calling conventions of the wrapper: (input) and (previousState, input)
    for (const args of [[sample], [null, sample]]) {
      const anon = await callAction(anonymous, action, args);
      bodies.push(anon);
      if (!entry.roles.includes("anonymous")) {
        expect(anon, `${name} anonymously`).toContain('"code":"UNAUTHENTICATED"');
        expect(anon).not.toContain('"ok":true');
      } else if (entry.mutates) {
        // public actions (sign-in, first-run setup) must refuse this input now that users exist
        expect(anon, `${name} anonymously`).not.toContain('"ok":true');
      }
      const isPublic = entry.roles.includes("anonymous");
      if (!entry.roles.includes("viewer") && !(isPublic && !entry.mutates)) {
        const asViewer = await callAction(viewer, action, args);
        bodies.push(asViewer);
        if (!isPublic) expect(asViewer, `${name} as viewer`).toContain('"code":"FORBIDDEN"');
        expect(asViewer, `${name} as viewer`).not.toContain('"ok":true');
      }
    }
    checked.push(name);
  }
  await Promise.all([anonymous.dispose(), viewer.dispose()]);

  expect(leakedCanaries(bodies.join("\n"))).toEqual([]);
  const after = await databaseFingerprint(browser);
  expect(after).toBe(before);
  console.log(`checked ${checked.length} actions: ${checked.sort().join(", ")}`);
});
