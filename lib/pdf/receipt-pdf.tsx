import "server-only";
// The downloadable PDF receipt of a submitted declaration (the same ReceiptData as the
// receipt page), drawn with @react-pdf/renderer in Vazirmatn on one A4 page (a second one
// only when very many violations are listed).
//
// Bidi: react-pdf 4.9 reorders runs wrongly once a Text mixes directions (checked by
// rendering): a date and a time with «ساعت» between them swap places, a hyphenated number
// inside Persian text has its groups reversed, digit groups separated by spaces come out
// reversed. So every Text holds one direction only: <Bidi> splits a string at spaces into
// Persian runs (one RTL Text each, free to wrap) and LTR words (Latin or digits, one Text
// each) and lays them out right-to-left with flexbox; the tracking code is one Text per
// group in a left-to-right row. Numbers use Persian digits. Vazirmatn has no "←".
//
// The receipt is the record of the submission: it says so at the top, and its score is the
// one taken at submission even after the region has scored the file. Where the file stands
// now is on the verification page its QR code and link lead to; the final result is the
// result certificate (certificate-pdf.tsx, which reuses the pieces exported here).
import path from "node:path";
import { Document, Font, Image, Link, Page, StyleSheet, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { ReceiptData } from "@/lib/declaration/receipt";
import type { VerifyLink } from "@/lib/declaration/verify-link";
import { FACT_DISPLAY } from "@/lib/declaration/facts";
import type { CriterionScore } from "@/lib/ranking";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDateTime } from "@/lib/format/jalali";

/** One style object (the renderer names the type but does not export it). */
export type Style = Parameters<typeof StyleSheet.create>[0][string];

const FONT = "Vazirmatn";
const MONO = "Courier"; // a PDF standard font: no file to embed, and the hash stays Latin
export const SYSTEM_NAME = "سامانه ارزیابی و رتبه‌بندی دفاتر پیشخوان";

let fontsRegistered = false;

/** Registered on first use (not at import) so a build step never needs the font files. */
export function registerFonts(): void {
  if (fontsRegistered) return;
  const dir = path.join(process.cwd(), "node_modules", "vazirmatn", "fonts", "ttf");
  Font.register({
    family: FONT,
    fonts: [
      { src: path.join(dir, "Vazirmatn-Regular.ttf"), fontWeight: 400 },
      { src: path.join(dir, "Vazirmatn-Bold.ttf"), fontWeight: 700 },
    ],
  });
  // The default hyphenation is English: it would break words with a "-" that Persian
  // does not use (and that would split a hash or a code).
  Font.registerHyphenationCallback((word) => [word]);
  fontsRegistered = true;
}

const C = {
  ink: "#0f172a",
  muted: "#475569",
  line: "#cbd5e1",
  head: "#e2e8f0",
  brand: "#0f4c81",
  soft: "#f1f5f9",
  warn: "#92400e",
  warnBg: "#fef3c7",
};

export const s = StyleSheet.create({
  page: { fontFamily: FONT, fontSize: 9, color: C.ink, paddingTop: 30, paddingBottom: 48, paddingHorizontal: 34 },
  // The line height lives here, not on the page: the fixed page number (outside) vanishes
  // when it inherits one (react-pdf 4.9).
  body: { flexGrow: 1, fontSize: 9, lineHeight: 1.45 },
  rtl: { direction: "rtl", textAlign: "right" },
  ltr: { direction: "ltr", textAlign: "left" },
  bidi: { flexDirection: "row-reverse", flexWrap: "wrap" },
  header: {
    flexDirection: "row-reverse",
    justifyContent: "space-between",
    alignItems: "flex-end",
    borderBottomWidth: 2,
    borderBottomColor: C.brand,
    paddingBottom: 6,
    marginBottom: 8,
  },
  title: { fontSize: 17, fontWeight: 700, color: C.brand, lineHeight: 1.5 },
  system: { fontSize: 9.5, color: C.muted },
  trackingBox: { borderWidth: 1, borderColor: C.brand, borderRadius: 3, paddingVertical: 4, paddingHorizontal: 10, alignItems: "center" },
  trackingLabel: { fontSize: 8, color: C.muted },
  trackingCode: { flexDirection: "row", columnGap: 5 },
  trackingGroup: { fontSize: 15, fontWeight: 700, direction: "ltr", lineHeight: 1.4 },
  grid: {
    flexDirection: "row-reverse",
    flexWrap: "wrap",
    borderWidth: 0.5,
    borderColor: C.line,
    borderRadius: 3,
    paddingVertical: 3,
    paddingHorizontal: 6,
  },
  pair: { width: "50%", flexDirection: "row-reverse", paddingVertical: 1.5, paddingLeft: 6 },
  pairWide: { width: "100%" },
  pairLabel: { width: 78, color: C.muted },
  pairValue: { flex: 1 },
  note: {
    marginTop: 5,
    backgroundColor: C.warnBg,
    color: C.warn,
    borderRadius: 3,
    paddingVertical: 3,
    paddingHorizontal: 6,
    fontSize: 8,
    lineHeight: 1.5,
  },
  h2: { fontSize: 11, fontWeight: 700, color: C.brand, marginTop: 10, marginBottom: 3, lineHeight: 1.45 },
  table: { borderWidth: 0.5, borderColor: C.line },
  tr: { flexDirection: "row-reverse", borderBottomWidth: 0.5, borderBottomColor: C.line },
  trLast: { borderBottomWidth: 0 },
  thRow: { backgroundColor: C.head, fontWeight: 700 },
  zebra: { backgroundColor: C.soft },
  td: { paddingVertical: 2, paddingHorizontal: 4 },
  colNo: { width: 28 },
  colTitle: { flex: 1 },
  colValue: { width: 150 },
  colNum: { width: 44 },
  pending: { color: C.warn },
  totals: { flexDirection: "row-reverse", columnGap: 6, marginTop: 8 },
  totalBox: { flex: 1, borderWidth: 0.5, borderColor: C.line, borderRadius: 3, paddingVertical: 4, alignItems: "center" },
  totalBoxMain: { borderColor: C.brand, borderWidth: 1.2 },
  totalLabel: { fontSize: 8, color: C.muted },
  totalValue: { fontSize: 13, fontWeight: 700, lineHeight: 1.4 },
  hashBox: { borderWidth: 0.5, borderColor: C.line, borderRadius: 3, paddingVertical: 4, paddingHorizontal: 8 },
  hashLine: { fontFamily: MONO, fontSize: 10, letterSpacing: 0.5, direction: "ltr", textAlign: "center" },
  small: { fontSize: 8, color: C.muted, marginTop: 3, lineHeight: 1.5 },
  footer: { marginTop: 8, borderTopWidth: 0.5, borderTopColor: C.line, paddingTop: 4, fontSize: 8, color: C.muted },
  info: {
    marginTop: 5,
    backgroundColor: C.soft,
    borderRightWidth: 2,
    borderRightColor: C.brand,
    paddingVertical: 3,
    paddingHorizontal: 6,
    fontSize: 8.5,
    lineHeight: 1.5,
  },
  verify: {
    flexDirection: "row-reverse",
    alignItems: "center",
    columnGap: 10,
    marginTop: 10,
    borderWidth: 0.5,
    borderColor: C.line,
    borderRadius: 3,
    padding: 6,
  },
  qr: { width: 72, height: 72 },
  verifyText: { flex: 1 },
  verifyTitle: { fontSize: 10, fontWeight: 700, color: C.brand, lineHeight: 1.45 },
  link: { fontFamily: MONO, fontSize: 8.5, direction: "ltr", textAlign: "left", color: C.brand, textDecoration: "none", marginTop: 2 },
  pageNumber: { position: "absolute", bottom: 26, left: 34, right: 34, flexDirection: "row", fontSize: 8, color: C.muted },
});

// Letters of the Arabic script (not its digits or separators, U+0660–U+066D, U+06F0–U+06F9).
const ARABIC_LETTER = /[\u0621-\u065F\u0670-\u06EF\u06FA-\u06FF\uFB50-\uFDFF\uFE70-\uFEFF]/;
const ALNUM = /[A-Za-z0-9\u0660-\u0669\u06F0-\u06F9]/;
const SIGN = /[+\-\u2212]/;

type BidiSegment = { text: string; ltr: boolean; spaceAfter: boolean };

/**
 * Splits text into runs of Persian words (with their punctuation) and single LTR words
 * (Latin or digits), in logical order; `spaceAfter` marks a space before the next segment.
 * Brackets and punctuation at the edges of an LTR word go to the Persian side, where an
 * RTL Text mirrors them correctly; a sign right before a digit stays with its number.
 */
function bidiSegments(text: string): BidiSegment[] {
  const out: BidiSegment[] = [];
  const push = (t: string, ltr: boolean, spaceBefore: boolean) => {
    if (t === "") return;
    const last = out.at(-1);
    if (last && !ltr && !last.ltr) {
      last.text += (spaceBefore ? " " : "") + t;
      return;
    }
    if (last) last.spaceAfter = spaceBefore;
    out.push({ text: t, ltr, spaceAfter: false });
  };
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (!ALNUM.test(word) || ARABIC_LETTER.test(word)) {
      push(word, false, true);
      continue;
    }
    let start = 0;
    while (!ALNUM.test(word[start]!) && !(SIGN.test(word[start]!) && ALNUM.test(word[start + 1] ?? ""))) start++;
    let end = word.length;
    while (!ALNUM.test(word[end - 1]!)) end--;
    push(word.slice(0, start), false, true);
    push(word.slice(start, end), true, start === 0);
    push(word.slice(end), false, false);
  }
  return out;
}

/** A line of mixed text laid out right-to-left, one direction per Text (see the top). */
export function Bidi({ children, style, space = 2.5 }: { children: string; style?: Style | Style[]; space?: number }) {
  const extra = style === undefined ? [] : Array.isArray(style) ? style : [style];
  return (
    <View style={[s.bidi, ...extra]}>
      {bidiSegments(children).map((seg, i) => (
        <Text key={i} style={[seg.ltr ? s.ltr : s.rtl, { flexShrink: seg.ltr ? 0 : 1, marginLeft: seg.spaceAfter ? space : 0 }]}>
          {seg.text}
        </Text>
      ))}
    </View>
  );
}

/** Office codes are usually digits (shown in Persian digits); a code with letters stays as is. */
export const codeFa = (code: string) => (/^\d+$/.test(code) ? toPersianDigits(code) : code);

/** What was declared for a criterion, in words (its points are separate columns). */
export function criterionValue(c: CriterionScore): string {
  const capped = c.capped ? " (سقف)" : "";
  if (c.kind === "regionEntered") return c.pending ? "در انتظار امتیاز منطقه" : `${formatNumberFa(c.value as number)} (ثبت منطقه)`;
  if (c.value === null) return "وارد نشده";
  switch (c.kind) {
    case "bands":
    case "perUnit": {
      const unit = FACT_DISPLAY.valueUnits[c.fact];
      return `${formatNumberFa(c.value as number)}${unit ? ` ${unit}` : ""}${capped}`;
    }
    case "choice":
      return FACT_DISPLAY.valueLabels[c.fact]?.[String(c.value)] ?? String(c.value);
    case "boolean":
      return c.value === true ? "بله" : "خیر";
    case "checklist":
      return `${formatNumberFa((c.value as string[]).length)} مورد${capped}`;
  }
}

export function Pair({ label, value, wide }: { label: string; value: string; wide?: boolean }) {
  return (
    <View style={wide ? [s.pair, s.pairWide] : s.pair}>
      <Text style={[s.rtl, s.pairLabel]}>{label}</Text>
      <Bidi style={s.pairValue}>{value}</Bidi>
    </View>
  );
}

export function TotalBox({ label, value, main }: { label: string; value: string; main?: boolean }) {
  return (
    <View style={main ? [s.totalBox, s.totalBoxMain] : s.totalBox}>
      <Text style={[s.rtl, s.totalLabel]}>{label}</Text>
      <Bidi style={s.totalValue}>{value}</Bidi>
    </View>
  );
}

/** The QR code of the verification page beside its address (the address stays Latin, in Courier, one line). */
export function VerifyBlock({ link, note }: { link: VerifyLink; note: string }) {
  return (
    <View style={s.verify} wrap={false}>
      <View style={s.verifyText}>
        <Text style={[s.rtl, s.verifyTitle]}>بررسی اعتبار</Text>
        <Bidi>{note}</Bidi>
        <Link src={link.url} style={s.link}>
          {link.url}
        </Link>
      </View>
      {/* eslint-disable-next-line jsx-a11y/alt-text -- a react-pdf Image, not an <img>: it takes no alt */}
      <Image src={link.qrPng} style={s.qr} />
    </View>
  );
}

/** The tracking code in groups of four, left to right as it is read aloud; one Text per group. */
export function TrackingBox({ code }: { code: string }) {
  const groups = code.match(/\d{1,4}/g) ?? [code];
  return (
    <View style={s.trackingBox}>
      <Text style={[s.rtl, s.trackingLabel]}>کد رهگیری</Text>
      <View style={s.trackingCode}>
        {groups.map((g, i) => (
          <Text key={i} style={s.trackingGroup}>
            {toPersianDigits(g)}
          </Text>
        ))}
      </View>
    </View>
  );
}

/** The SHA-256 in two lines of 32 (Courier), with what it covers below. */
export function HashBlock({ sha256, note }: { sha256: string; note: string }) {
  const hashLines = sha256.match(/.{1,32}/g) ?? [sha256];
  return (
    <View wrap={false}>
      <Bidi style={s.h2} space={3}>
        اثر انگشت دیجیتال SHA-256
      </Bidi>
      <View style={s.hashBox}>
        {hashLines.map((line, i) => (
          <Text key={i} style={s.hashLine}>
            {line}
          </Text>
        ))}
      </View>
      <Text style={[s.rtl, s.small]}>{note}</Text>
    </View>
  );
}

/** The page number, in the bottom margin of every page. */
export function PageNumber() {
  return (
    <View style={s.pageNumber} fixed>
      <Text style={s.rtl} render={({ pageNumber, totalPages }) => toPersianDigits(`صفحه ${pageNumber} از ${totalPages}`)} />
    </View>
  );
}

export const SUBMISSION_TIME_NOTE = "این رسید وضعیت پرونده را در زمان ارسال نشان می‌دهد.";

function ReceiptDocument({ data }: { data: ReceiptData }) {
  const { office, score, ruleSet } = data;
  return (
    <Document
      title={`رسید ثبت خوداظهاری ${toPersianDigits(data.trackingCode)}`}
      author={SYSTEM_NAME}
      creator={SYSTEM_NAME}
      producer={SYSTEM_NAME}
      language="fa"
    >
      <Page size="A4" style={s.page}>
        <View style={s.body}>
          <View style={s.header}>
            <View style={{ alignItems: "flex-end" }}>
              <Text style={[s.rtl, s.title]}>رسید ثبت خوداظهاری</Text>
              <Text style={[s.rtl, s.system]}>{SYSTEM_NAME}</Text>
            </View>
            <TrackingBox code={data.trackingCode} />
          </View>
          <Bidi style={[s.info, { marginTop: 0, marginBottom: 6 }]}>
            {`${SUBMISSION_TIME_NOTE} امتیاز و رتبه نهایی پس از بررسی منطقه در گواهی نتیجه می‌آید.`}
          </Bidi>

          <View style={s.grid}>
            <Pair label="دوره" value={data.roundTitle} />
            <Pair label="زمان ارسال" value={`${formatJalaliDateTime(data.submittedAt)} به وقت تهران`} />
            <Pair label="نام دفتر" value={office.name} />
            <Pair label="کد دفتر" value={codeFa(office.code)} />
            <Pair label="نوع دفتر" value={office.typeLabel} />
            <Pair label="دارنده پروانه" value={data.holderName} />
            <Pair label="شهر و استان" value={`${office.city}، استان ${office.province}`} />
            <Pair label="منطقه" value={office.region} />
            <Pair label="وضعیت در زمان ارسال" value={data.statusLabel} />
            <Pair wide label="جدول امتیازدهی" value={`${ruleSet.title}، نسخه ${toPersianDigits(ruleSet.version)}`} />
          </View>
          {ruleSet.isSample && (
            <Text style={[s.rtl, s.note]}>
              نمونه: جدول‌های امتیازدهی این دوره نمونه و غیررسمی‌اند و امتیازها فقط برای نمایش است؛ با ابلاغ جدول‌های رسمی، امتیاز دوباره
              محاسبه می‌شود.
            </Text>
          )}

          <Text style={[s.rtl, s.h2]}>امتیاز معیارها در زمان ارسال</Text>
          <View style={s.table}>
            <View style={[s.tr, s.thRow]}>
              <Text style={[s.rtl, s.td, s.colNo]}>ردیف</Text>
              <Text style={[s.rtl, s.td, s.colTitle]}>معیار</Text>
              <Text style={[s.rtl, s.td, s.colValue]}>مقدار اعلام‌شده</Text>
              <Text style={[s.rtl, s.td, s.colNum]}>امتیاز</Text>
              <Text style={[s.rtl, s.td, s.colNum]}>سقف</Text>
            </View>
            {score.criteria.map((c, i) => (
              <View
                key={c.key}
                style={[s.tr, ...(i % 2 ? [s.zebra] : []), ...(i === score.criteria.length - 1 ? [s.trLast] : [])]}
                wrap={false}
              >
                <Text style={[s.ltr, s.td, s.colNo, { textAlign: "right" }]}>{toPersianDigits(i + 1)}</Text>
                <Bidi style={[s.td, s.colTitle]}>{c.title}</Bidi>
                <Bidi style={[s.td, s.colValue, ...(c.pending ? [s.pending] : [])]}>{criterionValue(c)}</Bidi>
                <Text style={[s.ltr, s.td, s.colNum, { textAlign: "right" }]}>{c.pending ? "—" : formatNumberFa(c.points)}</Text>
                <Text style={[s.ltr, s.td, s.colNum, { textAlign: "right" }]}>{formatNumberFa(c.max)}</Text>
              </View>
            ))}
          </View>

          <Text style={[s.rtl, s.h2]}>تخلفات اعلام‌شده</Text>
          {score.violations.length === 0 ? (
            <Text style={s.rtl}>هیچ تخلفی اعلام نشده است.</Text>
          ) : (
            <View style={s.table}>
              <View style={[s.tr, s.thRow]}>
                <Text style={[s.rtl, s.td, s.colNo]}>ردیف</Text>
                <Text style={[s.rtl, s.td, s.colTitle]}>تخلف</Text>
                <Text style={[s.rtl, s.td, { width: 70 }]}>امتیاز منفی</Text>
              </View>
              {score.violations.map((v, i) => (
                <View key={v.code} style={[s.tr, ...(i === score.violations.length - 1 ? [s.trLast] : [])]} wrap={false}>
                  <Text style={[s.ltr, s.td, s.colNo, { textAlign: "right" }]}>{toPersianDigits(i + 1)}</Text>
                  <Bidi style={[s.td, s.colTitle]}>{v.title}</Bidi>
                  <Text style={[s.ltr, s.td, { width: 70, textAlign: "right" }]}>{formatNumberFa(v.points)}</Text>
                </View>
              ))}
            </View>
          )}

          <View style={s.totals} wrap={false}>
            <TotalBox label="امتیاز مثبت" value={formatNumberFa(score.positive)} />
            <TotalBox label="امتیاز منفی" value={formatNumberFa(score.negative)} />
            <TotalBox label="امتیاز کل" value={formatNumberFa(score.total)} main />
            <TotalBox label="رتبه" value={toPersianDigits(score.rank)} main />
            <TotalBox label="سهم ارائه خدمات" value={`${formatNumberFa(score.serviceSharePercent)} درصد`} />
          </View>
          <Text style={[s.rtl, s.small]}>
            امتیاز و رتبه بالا همان است که در زمان ارسال محاسبه شد و در آن زمان موقت بود: امتیاز رضایت مراجعان و امتیاز انجمن را منطقه وارد
            می‌کند و امتیاز و رتبه پس از بررسی منطقه قطعی می‌شود.
          </Text>

          <HashBlock
            sha256={data.sha256}
            note="این رشته از اطلاعات ارسال‌شده و امتیاز محاسبه‌شده در لحظه ارسال ساخته شده است و هر کس با محاسبه دوباره آن می‌تواند نشان دهد که این اطلاعات پس از ارسال تغییر نکرده است."
          />
          <VerifyBlock link={data.verify} note="با خواندن این کد یا باز کردن نشانی زیر، وضعیت کنونی پرونده را ببینید:" />

          {/* The footer ends the flow, pushed to the bottom: react-pdf 4.9 mis-measures
              several Persian Texts side by side in an absolutely placed box (they overlap or
              vanish), so only the page number is absolute: in the bottom margin, on every page. */}
          <View style={{ flexGrow: 1 }} />
          <View style={s.footer} wrap={false}>
            <Bidi>{`برای پرسش درباره این رسید با منطقه ${office.region} به شماره ${toPersianDigits(office.regionPhone)} تماس بگیرید.`}</Bidi>
          </View>
        </View>
        <PageNumber />
      </Page>
    </Document>
  );
}

/** The receipt as PDF bytes. */
export async function renderReceiptPdf(data: ReceiptData): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<ReceiptDocument data={data} />);
}
