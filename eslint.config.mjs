import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// The Docker API is root on every host: only lib/docker may speak to it. The database drivers are lib/db's.
const dockerode = { name: "dockerode", message: "Only lib/docker talks to engines." };
const sqlite = { name: "node:sqlite", message: "Only lib/db opens SQLite: query through getDatabase()." };
const postgres = { name: "pg", message: "Only lib/db opens PostgreSQL: query through getDatabase()." };

/**
 * lib/'s floors, lowest first: a folder imports only from floors below it (or its own), never from above, so no
 * folder imports a folder that imports it back. No file is exempt, `types.ts` included: a contract several floors
 * share lives on the lowest floor that uses it. And lib/ as a whole stands below app/ and components/.
 */
const floors = [
  ["core"],
  ["docker", "db"],
  ["cluster"],
  // The record every action writes and the fleet reads (a rollback's source): below both.
  ["history"],
  ["auth"],
  ["api"],
  ["fleet"],
  ["logs"],
  ["stats"],
  ["actions"],
  ["incidents", "console", "images"],
  // Services keep their incidents in incidents' table, through incidents' queries: they stand above them.
  ["services"],
  ["insights"],
  ["autoheal"],
  ["alerts"],
  ["metrics"],
  ["startup", "openapi"],
  ["queries"],
];

const layering = floors.flatMap((folders, level) => {
  const above = floors.slice(level + 1).flat();
  const siblings = (folder) => folders.filter((other) => other !== folder);
  return folders.map((folder) => {
    const forbidden = [...above, ...siblings(folder)];
    return {
      files: [`lib/${folder}/**/*.ts`, `lib/${folder}/**/*.tsx`],
      ignores: ["**/*.test.ts"],
      rules: {
        "no-restricted-imports": [
          "error",
          {
            paths: [
              ...(folder === "docker" ? [] : [dockerode]),
              ...(folder === "db" ? [] : [sqlite, postgres]),
            ],
            patterns: [
              ...(forbidden.length === 0
                ? []
                : [
                    {
                      group: forbidden.map((name) => `@/lib/${name}/**`),
                      message: `lib/${folder} stands below these folders (eslint.config.mjs, floors): move the shared part down instead.`,
                    },
                  ]),
              {
                group: ["@/app/**", "@/components/**"],
                message: "lib/ stands below app/ and components/: move the shared part into lib/ instead.",
              },
            ],
          },
        ],
      },
    };
  });
});

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
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/docker/**", "lib/db/**", "tests/**", "e2e/**", "scripts/**"],
    rules: { "no-restricted-imports": ["error", { paths: [dockerode, sqlite, postgres] }] },
  },
  ...layering,
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
