import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    /*
     * The data layer is asynchronous (docs/decisions/016-async-data-layer.md): a query that is not
     * awaited runs out of order, outside its transaction, or not at all before the response is sent.
     */
    files: ["**/*.ts", "**/*.tsx"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": ["error", { checksVoidReturn: { attributes: false } }],
      "@typescript-eslint/await-thenable": "error",
    },
  },
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  {
    // Only the disclosure module reads the minimum group size (docs/privacy.md).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["core/disclosure/**", "core/env.ts", "tests/**", "bench/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='MIN_GROUP_SIZE']",
          message: "Only core/disclosure reads the minimum group size: use minimumGroupSize() and let the module decide what is shown.",
        },
      ],
    },
  },
  {
    /*
     * The layers (docs/architecture.md): each folder imports only from the folders above it.
     *   questions → core → db → lib → server → app
     * Resolved paths are compared, so relative imports and the "@/" alias are both caught, type-only
     * imports included. Nothing but tests imports from tests/.
     */
    files: ["**/*.ts", "**/*.tsx", "**/*.mts", "**/*.mjs"],
    settings: { "import/resolver": { typescript: { project: "./tsconfig.json" }, node: true } },
    rules: {
      "import/no-restricted-paths": [
        "error",
        {
          zones: [
            { target: "./questions", from: ["./core", "./db", "./lib", "./server", "./app"], message: "questions/ is the top layer: it imports nothing of the app." },
            { target: "./core", from: ["./db", "./lib", "./server", "./app"], message: "core/ is pure domain code: it imports only questions/ and core/." },
            { target: "./db", from: ["./lib", "./server", "./app"], message: "db/ imports only questions/ and core/ (move the rule it needs into core/)." },
            { target: "./lib", from: ["./server", "./app"], message: "lib/ (services) must not import the Next adapters in server/ or the routes in app/." },
            { target: "./server", from: ["./app"], message: "server/ (Next adapters) must not import app/." },
            { target: ["./questions", "./core", "./db", "./lib", "./server", "./app", "./bench", "./scripts", "./harness"], from: "./tests", message: "Only tests import from tests/." },
            { target: ["./questions", "./core", "./db", "./lib", "./server", "./app"], from: ["./harness", "./bench"], message: "The product does not import the test and benchmark harness." },
          ],
        },
      ],
    },
  },
];

export default config;
