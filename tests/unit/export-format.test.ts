// The export's file formats without a database: CSV fields, XML text, column and sheet
// names, and the streaming ZIP writer read back with node:zlib's inflate and CRC-32.
import { csvField, csvLine } from "@/lib/export/csv";
import { columnName, sheetName, xmlText, xlsxEncoder } from "@/lib/export/xlsx";
import { ZipWriter } from "@/lib/export/zip";
import { readSheet, readZip } from "../helpers/xlsx-reader";

describe("CSV fields", () => {
  test.each([
    [null, ""],
    [12.5, "12.5"],
    [-5, "-5"],
    ["ساده", "ساده"],
    ["a,b", '"a,b"'],
    ['گفت "سلام"', '"گفت ""سلام"""'],
    ["دو\nخط", '"دو\nخط"'],
    ["=1+1", "'=1+1"],
    ["+98912", "'+98912"],
    ["-سلام", "'-سلام"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\tمخفی", "'\tمخفی"],
    ["-12.5", "-12.5"],
    ['=HYPERLINK("x")', '"\'=HYPERLINK(""x"")"'],
  ])("%j → %j", (value, expected) => {
    expect(csvField(value)).toBe(expected);
  });

  test("a line ends with CRLF", () => {
    expect(csvLine(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("XLSX pieces", () => {
  test("column names", () => {
    expect([0, 1, 25, 26, 27, 51, 52, 701, 702].map(columnName)).toEqual(["A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]);
  });

  test("XML text: escaped, characters XML forbids removed, Persian and emoji kept", () => {
    expect(xmlText('<a href="x">&</a>')).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&lt;/a&gt;");
    expect(xmlText("a\u0000b\u0008c\u000Bd\uFFFEe\uD800f\tg\n")).toBe("abcdef\tg\n");
    expect(xmlText("دفتر 😀 ۱")).toBe("دفتر 😀 ۱");
  });

  test("sheet names: at most 31 characters, none of []:*?/\\", () => {
    expect(sheetName("نیمه دوم ۱۴۰۵")).toBe("نیمه دوم ۱۴۰۵");
    expect(sheetName("a/b:c*d?e[f]g\\h")).toBe("a b c d e f g h");
    expect(sheetName("x".repeat(40))).toHaveLength(31);
    expect(sheetName("[]")).toBe("Sheet1");
  });

  test("a sheet written in three pieces reads back whole", () => {
    const enc = xlsxEncoder(
      [
        { header: "نام", width: 10 },
        { header: "امتیاز", width: 8 },
      ],
      "آزمون",
      new Date("2026-11-10T08:00:00Z"),
    );
    const file = Buffer.concat([
      enc.start(),
      enc.rows([
        ["الف", 1.5],
        [" فاصله ", null],
      ]),
      enc.rows([]),
      enc.rows([["ب", -2]]),
      enc.finish(),
    ]);
    expect(readSheet(new Uint8Array(file)).rows).toEqual([["نام", "امتیاز"], ["الف", 1.5], [" فاصله "], ["ب", -2]]);
  });
});

describe("ZIP writer", () => {
  test("whole and streamed parts read back, with the streamed part's data descriptor", () => {
    const zip = new ZipWriter({ year: 2026, month: 11, day: 10, hour: 11, minute: 30, second: 0 });
    const big = "ردیف,".repeat(20_000);
    const pieces = [
      zip.file("a.txt", "سلام"),
      zip.begin("big.txt"),
      zip.write(big.slice(0, 33_333)),
      zip.write(""),
      zip.write(big.slice(33_333)),
      zip.end(),
      zip.finish(),
    ];
    const parts = readZip(Buffer.concat(pieces));
    expect(parts.get("a.txt")!.data.toString()).toBe("سلام");
    expect(parts.get("big.txt")!.data.toString()).toBe(big);
    expect(parts.get("big.txt")!.flags & 0x0008).toBe(0x0008);
    expect(parts.get("a.txt")!.flags & 0x0008).toBe(0);
  });

  test("parts cannot interleave", () => {
    const zip = new ZipWriter({ year: 2026, month: 1, day: 1, hour: 0, minute: 0, second: 0 });
    expect(() => zip.write("x")).toThrow();
    zip.begin("a");
    expect(() => zip.file("b", "x")).toThrow();
    expect(() => zip.finish()).toThrow();
  });
});
