import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "@typescript-eslint/consistent-type-imports": "error",
    },
  },
  {
    // Prisma is reached only through lib/db and lib/repo, so every user-data
    // query goes through the scoped repositories.
    files: ["app/**", "lib/**", "proxy.ts"],
    ignores: ["lib/db/**", "lib/repo/**", "lib/generated/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            { group: ["**/generated/**", "@prisma/*"], message: "Use lib/repo instead of Prisma directly." },
          ],
        },
      ],
    },
  },
  {
    // Only lib/env.ts reads the environment.
    files: ["app/**", "lib/**"],
    ignores: ["lib/env.ts", "lib/generated/**"],
    rules: {
      "no-restricted-properties": [
        "error",
        { object: "process", property: "env", message: "Read configuration from lib/env.ts." },
      ],
    },
  },
  globalIgnores([
    ".next/**",
    "out/**",
    "build/**",
    "next-env.d.ts",
    "lib/generated/**",
    "data/**",
    "test-results/**",
    "playwright-report/**",
    ".test-results/**",
  ]),
]);
