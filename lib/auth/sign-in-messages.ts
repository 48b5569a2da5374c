// next-auth passes a failed sign-in to the browser as one error string. We encode the
// reason as "CODE[:detail[:regionId]]" and turn it into Persian here (client and server).
import { REGIONS } from "@/lib/geo/regions";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import type { SignInFailure } from "@/lib/auth/sign-in";

export function encodeSignInFailure(f: SignInFailure): string {
  switch (f.code) {
    case "LOCKED":
      return `LOCKED:${f.until.getTime()}`;
    case "LICENCE":
      return `LICENCE:${f.licence}:${f.regionId ?? ""}`;
    default:
      return f.code;
  }
}

const LICENCE_REASON: Record<string, string> = {
  EXPIRED: "پروانه دفتر شما منقضی شده و تمدید نشده است",
  INCOMPLETE: "پرونده پروانه دفتر شما ناقص است",
  MISSING: "برای حساب شما پروانه معتبری ثبت نشده است",
};

export type SignInMessage = { text: string; regionName?: string; regionPhone?: string };

export function signInMessage(error: string | null | undefined): SignInMessage {
  const [code, detail, regionId] = (error ?? "").split(":");
  switch (code) {
    case "LOCKED": {
      const until = Number(detail);
      const when = Number.isFinite(until) && until > 0 ? ` تا ${formatJalaliDateTime(new Date(until))}` : "";
      return {
        text: `به دلیل چند تلاش ناموفق، ورود با این نام کاربری${when} موقتاً ممکن نیست. پس از ۱۵ دقیقه دوباره تلاش کنید یا از «فراموشی رمز عبور» استفاده کنید.`,
      };
    }
    case "IP_LIMITED":
      return { text: "تلاش‌های ناموفق زیادی از این نشانی اینترنتی انجام شده است. ۱۵ دقیقه دیگر دوباره تلاش کنید." };
    case "INACTIVE":
      return { text: "این حساب کاربری غیرفعال شده است. برای پیگیری با دفتر نظارت تماس بگیرید." };
    case "LICENCE": {
      const region = REGIONS.find((r) => String(r.id) === regionId);
      const reason = LICENCE_REASON[detail ?? ""] ?? LICENCE_REASON.MISSING!;
      return region
        ? {
            text: `${reason}؛ تا رفع این مشکل امکان ورود به سامانه وجود ندارد. برای پیگیری با منطقه ${region.name} تماس بگیرید.`,
            regionName: region.name,
            regionPhone: region.phone,
          }
        : { text: `${reason}؛ تا رفع این مشکل امکان ورود به سامانه وجود ندارد. برای پیگیری با منطقه خود تماس بگیرید.` };
    }
    case "SessionRequired":
    case "SESSION_EXPIRED":
      return { text: "نشست شما به پایان رسیده است. لطفاً دوباره وارد شوید." };
    default:
      return { text: "کد ملی یا رمز عبور نادرست است." };
  }
}
