import localFont from "next/font/local";

// Vazirmatn from the `vazirmatn` npm package: next/font/google would fetch at build time,
// which fails offline and on locked-down servers.
export const vazirmatn = localFont({
  src: "../node_modules/vazirmatn/fonts/webfonts/Vazirmatn[wght].woff2",
  variable: "--font-vazirmatn",
  weight: "100 900",
  display: "swap",
});
