import "server-only";
// The result certificate (گواهی نتیجه) as a PDF: the same CertificateData as its page, in
// the receipt's style and with its pieces (receipt-pdf.tsx, where the bidi rules are
// explained): the final score of every criterion, the rank and its share of services, the
// date the rank became final, the objection's outcome, the SHA-256 of the region's score
// snapshot and the QR code of the public verification page.
import { Document, Page, Text, View, renderToBuffer } from "@react-pdf/renderer";
import type { CertificateData } from "@/lib/declaration/result-certificate";
import { formatNumberFa, toPersianDigits } from "@/lib/format/digits";
import { formatJalaliDate, formatJalaliDateTime } from "@/lib/format/jalali";
import {
  Bidi,
  HashBlock,
  PageNumber,
  Pair,
  SYSTEM_NAME,
  TotalBox,
  TrackingBox,
  VerifyBlock,
  codeFa,
  criterionValue,
  registerFonts,
  s,
} from "@/lib/pdf/receipt-pdf";

export const CERTIFICATE_TITLE = "گواهی نتیجه ارزیابی";

function CertificateDocument({ data }: { data: CertificateData }) {
  const { office, score, ruleSet } = data;
  return (
    <Document
      title={`${CERTIFICATE_TITLE} ${toPersianDigits(data.trackingCode)}`}
      author={SYSTEM_NAME}
      creator={SYSTEM_NAME}
      producer={SYSTEM_NAME}
      language="fa"
    >
      <Page size="A4" style={s.page}>
        <View style={s.body}>
          <View style={s.header}>
            <View style={{ alignItems: "flex-end" }}>
              <Text style={[s.rtl, s.title]}>{CERTIFICATE_TITLE}</Text>
              <Text style={[s.rtl, s.system]}>{SYSTEM_NAME}</Text>
            </View>
            <TrackingBox code={data.trackingCode} />
          </View>

          <View style={s.grid}>
            <Pair label="دوره" value={data.roundTitle} />
            <Pair label="تاریخ قطعی شدن" value={formatJalaliDate(data.finalizedAt)} />
            <Pair label="نام دفتر" value={office.name} />
            <Pair label="کد دفتر" value={codeFa(office.code)} />
            <Pair label="نوع دفتر" value={office.typeLabel} />
            <Pair label="دارنده پروانه" value={data.holderName} />
            <Pair label="شهر و استان" value={`${office.city}، استان ${office.province}`} />
            <Pair label="منطقه" value={office.region} />
            <Pair label="وضعیت پرونده" value={data.statusLabel} />
            <Pair label="زمان ارسال" value={`${formatJalaliDateTime(data.submittedAt)} به وقت تهران`} />
            <Pair
              wide
              label="اعتراض"
              value={data.objection ? `${data.objection.label} (${formatJalaliDate(data.objection.decidedAt)})` : "اعتراضی ثبت نشد"}
            />
            <Pair wide label="جدول امتیازدهی" value={`${ruleSet.title}، نسخه ${toPersianDigits(ruleSet.version)}`} />
          </View>
          {ruleSet.isSample && (
            <Text style={[s.rtl, s.note]}>
              نمونه: جدول‌های امتیازدهی این دوره نمونه و غیررسمی‌اند و امتیازها فقط برای نمایش است؛ با ابلاغ جدول‌های رسمی، امتیاز دوباره
              محاسبه می‌شود.
            </Text>
          )}

          <View style={s.totals} wrap={false}>
            <TotalBox label="امتیاز نهایی" value={formatNumberFa(score.total)} main />
            <TotalBox label="رتبه نهایی" value={toPersianDigits(score.rank)} main />
            <TotalBox label="سهم ارائه خدمات" value={`${formatNumberFa(score.serviceSharePercent)} درصد`} />
          </View>

          <Text style={[s.rtl, s.h2]}>امتیاز نهایی معیارها</Text>
          <View style={s.table}>
            <View style={[s.tr, s.thRow]}>
              <Text style={[s.rtl, s.td, s.colNo]}>ردیف</Text>
              <Text style={[s.rtl, s.td, s.colTitle]}>معیار</Text>
              <Text style={[s.rtl, s.td, s.colValue]}>مقدار</Text>
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
                <Bidi style={[s.td, s.colValue]}>{criterionValue(c)}</Bidi>
                <Text style={[s.ltr, s.td, s.colNum, { textAlign: "right" }]}>{c.pending ? "—" : formatNumberFa(c.points)}</Text>
                <Text style={[s.ltr, s.td, s.colNum, { textAlign: "right" }]}>{formatNumberFa(c.max)}</Text>
              </View>
            ))}
          </View>

          <Text style={[s.rtl, s.h2]}>تخلفات</Text>
          {score.violations.length === 0 ? (
            <Text style={s.rtl}>تخلفی ثبت نشده است.</Text>
          ) : (
            <View style={s.table}>
              {score.violations.map((v, i) => (
                <View key={v.code} style={[s.tr, ...(i === score.violations.length - 1 ? [s.trLast] : [])]} wrap={false}>
                  <Text style={[s.ltr, s.td, s.colNo, { textAlign: "right" }]}>{toPersianDigits(i + 1)}</Text>
                  <Bidi style={[s.td, s.colTitle]}>{v.title}</Bidi>
                  <Text style={[s.ltr, s.td, { width: 70, textAlign: "right" }]}>{formatNumberFa(v.points)}</Text>
                </View>
              ))}
            </View>
          )}
          <View style={[s.totals, { marginTop: 6 }]} wrap={false}>
            <TotalBox label="امتیاز مثبت" value={formatNumberFa(score.positive)} />
            <TotalBox label="امتیاز منفی" value={formatNumberFa(score.negative)} />
          </View>

          <HashBlock
            sha256={data.sha256}
            note="این رشته از امتیاز نهایی ثبت‌شده منطقه ساخته شده است و همان است که صفحه بررسی اعتبار نشان می‌دهد."
          />
          <VerifyBlock link={data.verify} note="با خواندن این کد یا باز کردن نشانی زیر، اعتبار این گواهی را بررسی کنید:" />

          <View style={{ flexGrow: 1 }} />
          <View style={s.footer} wrap={false}>
            <Bidi>{`برای پرسش درباره این گواهی با منطقه ${office.region} به شماره ${toPersianDigits(office.regionPhone)} تماس بگیرید.`}</Bidi>
          </View>
        </View>
        <PageNumber />
      </Page>
    </Document>
  );
}

/** The certificate as PDF bytes. */
export async function renderCertificatePdf(data: CertificateData): Promise<Buffer> {
  registerFonts();
  return renderToBuffer(<CertificateDocument data={data} />);
}
