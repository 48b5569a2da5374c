import Link from "next/link";
import { getCurrentUser } from "@/lib/auth/current-user";
import { ROLE_LABEL } from "@/lib/format/labels";
import { SignOutButton } from "@/components/sign-out-button";

export async function SiteHeader() {
  const user = await getCurrentUser();
  return (
    <header className="bg-brand-700 text-white print:hidden">
      <div className="mx-auto flex w-full max-w-5xl flex-wrap items-center justify-between gap-3 px-3 py-3 sm:px-6">
        <Link href="/" className="text-base font-bold sm:text-lg">
          سامانه رتبه‌بندی دفاتر پیشخوان
        </Link>
        <nav aria-label="حساب کاربری" className="flex flex-wrap items-center gap-3 text-sm">
          <Link href="/contacts" className="underline-offset-4 hover:underline">
            تماس با مناطق
          </Link>
          {user ? (
            <>
              <span>
                <span className="font-medium">
                  {user.firstName} {user.lastName}
                </span>
                <span className="ms-1 opacity-90">
                  ({ROLE_LABEL[user.role]}
                  {user.region ? ` — منطقه ${user.region.name}` : ""})
                </span>
              </span>
              <SignOutButton />
            </>
          ) : null}
        </nav>
      </div>
    </header>
  );
}
