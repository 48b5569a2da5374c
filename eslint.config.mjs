import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/generated/**", "next-env.d.ts", "coverage/**", "public/maplibre/**"],
  },
];

export default config;
