import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";
import prettier from "eslint-config-prettier/flat";

const config = [
  ...nextVitals,
  ...nextTs,
  prettier,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "coverage/**", "public/maplibre/**"],
  },
  {
    // Routes depend on components and lib, never the other way round: a shared component or
    // service that reached into a route folder would tie it to one page (docs/decisions/0012).
    files: ["components/**", "lib/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          patterns: [
            {
              group: ["@/app", "@/app/*", "**/app/*"],
              message: "components/ and lib/ must not import from app/: move the shared code to lib/ (actions: lib/actions/<area>/).",
            },
          ],
        },
      ],
    },
  },
];

export default config;
