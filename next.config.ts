import type { NextConfig } from "next";
import createNextIntlPlugin from "next-intl/plugin";
import { SERVER_ACTION_BODY_LIMIT_BYTES } from "./lib/upload-limits";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // NEXT_DIST_DIR lets two builds (e.g. e2e and a second checkout) coexist; default .next
  // eslint-disable-next-line no-restricted-properties -- build-time setting read by Next itself
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // PGlite loads its WASM and data files from its own package folder; argon2 is a native addon
  serverExternalPackages: ["@electric-sql/pglite", "@node-rs/argon2", "pg", "@cj-tech-master/excelts"],
  typedRoutes: false,
  // a cost price file of up to 5 MB arrives as base64 in a server action (the default limit is 1 MB)
  experimental: { serverActions: { bodySizeLimit: SERVER_ACTION_BODY_LIMIT_BYTES } },
  // `npm run typecheck` is the type gate (CI runs it before building). `npm start` and the e2e build
  // set NEXT_SKIP_TYPECHECK=1 (scripts/production-build.mjs): the start path compiles, it does not type-check.
  // eslint-disable-next-line no-restricted-properties -- build-time switch read by Next itself
  typescript: { ignoreBuildErrors: process.env.NEXT_SKIP_TYPECHECK === "1" },
};

// next-intl without locale routing: the locale comes from a cookie (lib/i18n/request.ts)
const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

export default withNextIntl(nextConfig);
