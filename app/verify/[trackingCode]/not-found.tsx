// An unknown or malformed tracking code: the same plain answer for both.
export default function VerifyNotFound() {
  return (
    <div className="mx-auto max-w-md space-y-4 text-center">
      <h1 className="text-2xl font-bold">کد رهگیری یافت نشد</h1>
      <p>رسید یا گواهی با این کد رهگیری در سامانه ثبت نشده است. کد را دوباره بررسی کنید.</p>
    </div>
  );
}
