"use client";

import Link from "next/link";

export default function ErrorPage({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">خطایی رخ داد</h1>
      <p>درخواست شما انجام نشد. دوباره تلاش کنید؛ اگر مشکل ادامه داشت با منطقه خود تماس بگیرید.</p>
      <div className="flex justify-center gap-3">
        <button type="button" className="btn" onClick={reset}>
          تلاش دوباره
        </button>
        <Link href="/contacts" className="btn-secondary">
          تماس با مناطق
        </Link>
      </div>
    </div>
  );
}
