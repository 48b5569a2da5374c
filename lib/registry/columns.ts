// The columns of a licence-registry file (one row = one office with its current licence and
// its holder). The header row names each column by its English key (stable for machines) or
// by its Persian title; the README and the /registry page list them, and the template
// (/api/registry/template) is a header and one example row.

export const REGISTRY_COLUMNS = [
  { key: "office_code", title: "کد دفتر", required: true, example: "21045", format: "حرف لاتین، رقم و خط تیره؛ حداکثر ۲۰ نویسه" },
  { key: "office_name", title: "نام دفتر", required: true, example: "دفتر پیشخوان خدمات دولت کاظمی", format: "۳ تا ۱۲۰ نویسه" },
  {
    key: "office_type",
    title: "نوع دفتر",
    required: true,
    example: "پیشخوان دولتی",
    format: "پیشخوان دولتی، پیشخوان غیردولتی یا ICT روستایی (یا PISHKHAN_GOVERNMENT، PISHKHAN_NON_GOVERNMENT، RURAL_ICT)",
  },
  { key: "person_type", title: "نوع شخصیت", required: true, example: "حقیقی", format: "حقیقی یا حقوقی (یا REAL، LEGAL)" },
  { key: "province", title: "استان", required: true, example: "تهران", format: "نام استان؛ ی/ي، ک/ك و فاصله‌های اضافه اشکالی ندارد" },
  { key: "city", title: "شهر", required: true, example: "تهران", format: "۲ تا ۶۰ نویسه" },
  { key: "address", title: "نشانی", required: true, example: "خیابان انقلاب، پلاک ۱۰", format: "۵ تا ۳۰۰ نویسه" },
  { key: "postal_code", title: "کد پستی", required: false, example: "1314567890", format: "۱۰ رقم؛ خالی یعنی بدون تغییر" },
  { key: "licence_number", title: "شماره پروانه", required: true, example: "PK-1403-21045", format: "۳ تا ۴۰ نویسه بدون فاصله" },
  {
    key: "licence_issued",
    title: "تاریخ صدور پروانه",
    required: true,
    example: "1403/02/15",
    format: "تاریخ شمسی ۱۴۰۳/۰۲/۱۵ (رقم فارسی یا لاتین)",
  },
  {
    key: "licence_expires",
    title: "تاریخ انقضای پروانه",
    required: true,
    example: "1408/02/14",
    format: "تاریخ شمسی؛ از آغاز این روز پروانه معتبر نیست",
  },
  {
    key: "licence_status",
    title: "وضعیت پروانه",
    required: false,
    example: "معتبر",
    format: "معتبر، منقضی یا ناقص (یا VALID، EXPIRED، INCOMPLETE)؛ خالی: از تاریخ انقضا",
  },
  { key: "holder_national_id", title: "کد ملی دارنده", required: true, example: "0081234562", format: "۱۰ رقم با رقم کنترل درست" },
  { key: "holder_first_name", title: "نام دارنده", required: true, example: "زهرا", format: "حروف فارسی، ۳ تا ۳۰ حرف" },
  { key: "holder_last_name", title: "نام خانوادگی دارنده", required: true, example: "کاظمی", format: "حروف فارسی، ۳ تا ۳۰ حرف" },
  { key: "holder_mobile", title: "تلفن همراه دارنده", required: false, example: "09121234567", format: "۰۹ و ۹ رقم؛ خالی یعنی بدون تغییر" },
] as const;

export type ColumnKey = (typeof REGISTRY_COLUMNS)[number]["key"];

export const COLUMN_TITLE: Record<ColumnKey, string> = Object.fromEntries(REGISTRY_COLUMNS.map((c) => [c.key, c.title])) as Record<
  ColumnKey,
  string
>;

export const REQUIRED_COLUMNS: readonly ColumnKey[] = REGISTRY_COLUMNS.filter((c) => c.required).map((c) => c.key);

/** Limits of one file (checked before anything is parsed further). */
export const MAX_FILE_BYTES = 10 * 1024 * 1024;
export const MAX_DATA_ROWS = 50_000;
