import Link from "next/link";

export default function NotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">صفحه یافت نشد</h1>
      <p>صفحه یا پرونده‌ای که به دنبال آن هستید وجود ندارد یا به آن دسترسی ندارید.</p>
      <p>
        <Link href="/" className="btn">
          بازگشت به صفحه اصلی
        </Link>
      </p>
      <p>
        <Link href="/contacts" className="text-brand-700 underline">
          شماره تماس مناطق
        </Link>
      </p>
    </div>
  );
}
