import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import drizzle from "eslint-plugin-drizzle";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      ".next-dash/**",
      ".next-*/**",
      "node_modules/**",
      ".data/**",
      "db/migrations/**",
      "playwright-report/**",
      "test-results/**",
      "next-env.d.ts",
    ],
  },
  {
    plugins: { drizzle },
    rules: {
      // an UPDATE or DELETE without WHERE rewrites a whole table: refuse it at lint time
      "drizzle/enforce-delete-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "drizzle/enforce-update-with-where": ["error", { drizzleObjectName: ["db", "tx"] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    // lib/env.ts is the only reader of process.env
    files: ["**/*.ts", "**/*.tsx"],
    ignores: [
      "lib/env.ts",
      "playwright.config.ts",
      "vitest.config.mts",
      "drizzle.config.ts",
      "scripts/**",
      "e2e/**",
      "**/*.test.ts",
    ],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration through lib/env.ts" },
      ],
    },
  },
  {
    // server translators come from lib/i18n/server.ts, which keeps them (and their parsed messages) for the process
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/i18n/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            {
              name: "next-intl/server",
              importNames: ["getTranslations"],
              message: "Use getTranslations from @/lib/i18n/server",
            },
          ],
        },
      ],
    },
  },
  {
    // pages, route handlers and components read through lib/data and write through lib/actions: they import
    // no database or service module as a value (types describing a DTO may still come from there)
    files: ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}"],
    rules: {
      "@typescript-eslint/no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/db", "@/db/**", "@/lib/services", "@/lib/services/**"],
              allowTypeImports: true,
              message: "Read through @/lib/data and write through @/lib/actions (type-only imports are allowed)",
            },
          ],
        },
      ],
    },
  },
  // formatting belongs to Prettier (npm run format); turn off the lint rules it would fight with
  prettier,
];
export default config;
