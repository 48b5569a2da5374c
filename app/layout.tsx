import type { Metadata, Viewport } from "next";
import { headers } from "next/headers";
import { vazirmatn } from "@/app/fonts";
import { SiteHeader } from "@/components/site-header";
import { SessionKeepAlive } from "@/components/session-keep-alive";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "سامانه ارزیابی و رتبه‌بندی دفاتر پیشخوان", template: "%s | رتبه‌بندی دفاتر پیشخوان" },
  description: "سامانه ارزیابی و رتبه‌بندی دفاتر پیشخوان خدمات دولت و دفاتر ICT روستایی",
};

export const viewport: Viewport = { width: "device-width", initialScale: 1, themeColor: "#0b5750" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Reading the request makes every page render per request, so that Next.js can put this
  // request's CSP nonce (proxy.ts) on its scripts; a prerendered page would carry none.
  await headers();
  return (
    <html lang="fa" dir="rtl" className={vazirmatn.variable}>
      <body className="min-h-screen font-sans">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:start-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:p-2"
        >
          پرش به محتوای اصلی
        </a>
        <SiteHeader />
        <main id="main" className="mx-auto w-full max-w-5xl px-3 py-6 sm:px-6">
          {children}
        </main>
        <SessionKeepAlive />
      </body>
    </html>
  );
}
