import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", "test-results/**", "playwright-report/**", "next-env.d.ts", "db/migrations/**"] },
  {
    // Only the disclosure module reads the minimum group size (docs/privacy.md).
    files: ["**/*.ts", "**/*.tsx"],
    ignores: ["lib/disclosure/**", "lib/env.ts", "tests/**", "bench/**"],
    rules: {
      "no-restricted-syntax": [
        "error",
        {
          selector: "MemberExpression[property.name='MIN_GROUP_SIZE']",
          message: "Only lib/disclosure reads the minimum group size: use minimumGroupSize() and let the module decide what is shown.",
        },
      ],
    },
  },
];

export default config;
