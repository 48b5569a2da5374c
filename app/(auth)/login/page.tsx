import type { Metadata } from "next";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { getCurrentUser } from "@/lib/auth/current-user";
import { signInMessage } from "@/lib/auth/sign-in-messages";
import { safeCallbackPath } from "@/lib/auth/safe-callback";
import { LoginForm } from "./login-form";

export const metadata: Metadata = { title: "ورود" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const params = await searchParams;
  if (await getCurrentUser()) redirect("/");
  const jar = await cookies();
  // A session cookie that no longer yields a session: it expired.
  const expired = jar.getAll().some((c) => c.name.endsWith("next-auth.session-token"));
  const initialError = params.error ? signInMessage(params.error) : expired ? signInMessage("SESSION_EXPIRED") : null;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-2xl font-bold">ورود به سامانه</h1>
      <p className="text-slate-700">
        دارندگان پروانه با کد ملی وارد می‌شوند. رمز عبور اولیه، کد ملی شماست (یا{" "}
        <bdi dir="ltr" className="[unicode-bidi:isolate]">
          Cra@
        </bdi>{" "}
        به همراه کد ملی) و پس از ورود نخست باید آن را تغییر دهید.
      </p>
      <LoginForm callbackUrl={safeCallbackPath(params.callbackUrl)} initialMessage={initialError} />
    </div>
  );
}
