// next-auth passes a failed sign-in to the browser as one error string. We encode the
// reason as "CODE[:detail[:more]]" and turn it into Persian here (client and server).
// CODE_REQUIRED / CODE_INVALID carry the masked mobile and the time a new code may be asked
// for; NO_MOBILE and LICENCE the region; LOCKED the time the lock ends.
import { REGIONS } from "@/lib/geo/regions";
import { formatJalaliDateTime } from "@/lib/format/jalali";
import type { SignInFailure } from "@/lib/auth/sign-in";
import { toPersianDigits } from "@/lib/format/digits";

export function encodeSignInFailure(f: SignInFailure): string {
  switch (f.code) {
    case "LOCKED":
      return `LOCKED:${f.until.getTime()}`;
    case "LICENCE":
      return `LICENCE:${f.licence}:${f.regionId ?? ""}`;
    case "NO_MOBILE":
      return `NO_MOBILE:${f.regionId ?? ""}`;
    case "CODE_REQUIRED":
    case "CODE_INVALID":
      return `${f.code}:${f.sentTo.replace(/:/g, "")}:${f.resendAt.getTime()}`;
    default:
      return f.code;
  }
}

const LICENCE_REASON: Record<string, string> = {
  EXPIRED: "پروانه دفتر شما منقضی شده و تمدید نشده است",
  INCOMPLETE: "پرونده پروانه دفتر شما ناقص است",
  MISSING: "برای حساب شما پروانه معتبری ثبت نشده است",
};

export type SignInMessage = {
  text: string;
  regionName?: string;
  regionPhone?: string;
  /** The form asks for the SMS code (first sign-in with a default password). */
  step?: "code" | "totp";
  /** Where the code went (masked, Persian digits) and when a new one may be asked for (ms). */
  sentTo?: string;
  resendAt?: number;
  /** Information, not a refusal (the form shows it as a status, not an alert). */
  tone?: "info";
};

/** The step the failure asks for, if any (the form keeps its fields and adds the code or second factor). */
export function signInStep(error: string | null | undefined): "code" | "totp" | null {
  const code = (error ?? "").split(":")[0];
  if (code === "CODE_REQUIRED" || code === "CODE_INVALID") return "code";
  if (code === "TOTP_REQUIRED" || code === "TOTP_INVALID") return "totp";
  return null;
}

function regionContact(regionId: string | undefined) {
  return REGIONS.find((r) => String(r.id) === regionId);
}

export function signInMessage(error: string | null | undefined): SignInMessage {
  const [code, detail, regionId] = (error ?? "").split(":");
  switch (code) {
    case "CODE_REQUIRED":
    case "CODE_INVALID": {
      const sentTo = toPersianDigits(detail ?? "");
      const resendAt = Number(regionId);
      return {
        text:
          code === "CODE_REQUIRED"
            ? `برای نخستین ورود با رمز عبور اولیه، کد تأییدی به شماره همراه ثبت‌شده در سامانه پروانه‌ها (${sentTo}) پیامک شد. آن را وارد کنید.`
            : `کد تأیید نادرست یا منقضی است. کدی را که به ${sentTo} پیامک شد وارد کنید یا کد تازه بخواهید.`,
        step: "code",
        sentTo,
        resendAt: Number.isFinite(resendAt) ? resendAt : undefined,
        tone: code === "CODE_REQUIRED" ? "info" : undefined,
      };
    }
    case "TOTP_REQUIRED":
      return { text: "کد ۶ رقمی برنامه احراز هویت (یا یکی از کدهای بازیابی) را وارد کنید.", step: "totp", tone: "info" };
    case "TOTP_INVALID":
      return { text: "کد برنامه احراز هویت یا کد بازیابی نادرست است.", step: "totp" };
    case "NO_MOBILE": {
      const region = regionContact(detail);
      const base =
        "برای نخستین ورود با رمز عبور اولیه باید کدی به شماره همراه شما پیامک شود، اما در سامانه پروانه‌ها شماره همراهی برای شما ثبت نشده است.";
      return region
        ? { text: `${base} برای ثبت شماره با منطقه ${region.name} تماس بگیرید.`, regionName: region.name, regionPhone: region.phone }
        : { text: `${base} برای ثبت شماره با منطقه خود تماس بگیرید.` };
    }
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
