import type { Metadata } from "next";
import { REGIONS } from "@/lib/geo/regions";
import { toPersianDigits } from "@/lib/format/digits";

export const metadata: Metadata = { title: "تماس با مناطق" };

export default function ContactsPage() {
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-bold">شماره تماس مناطق</h1>
      <p className="text-slate-700">برای پرسش درباره پروانه، ورود به سامانه یا پرونده ارزیابی با منطقه خود تماس بگیرید.</p>
      <table className="card w-full">
        <thead>
          <tr className="border-b">
            <th scope="col" className="py-2 text-start">
              منطقه
            </th>
            <th scope="col" className="py-2 text-start">
              استان‌ها
            </th>
            <th scope="col" className="py-2 text-start">
              تلفن
            </th>
          </tr>
        </thead>
        <tbody>
          {REGIONS.map((r) => (
            <tr key={r.id} className="border-b last:border-0 align-top">
              <td className="py-2 font-medium">{r.name}</td>
              <td className="py-2">{r.provinces.join("، ")}</td>
              <td className="py-2">
                <a href={`tel:${r.phone}`} dir="ltr" className="text-brand-700 underline">
                  {toPersianDigits(r.phone)}
                </a>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
