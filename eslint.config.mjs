import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [
      ".next/**",
      "node_modules/**",
      ".fleet/**",
      "data/**",
      "test-results/**",
      "playwright-report/**",
      "next-env.d.ts",
    ],
  },
  {
    // The Docker API is root on every host: only lib/docker may speak to it.
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/docker/**", "tests/**", "e2e/**", "scripts/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        { paths: [{ name: "dockerode", message: "Only lib/docker talks to engines." }] },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": [
        "warn",
        { varsIgnorePattern: "^_", argsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
    },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
