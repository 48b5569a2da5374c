// The registry's CSV reader (lib/registry/csv.ts): RFC 4180 records, encodings, the header.
import { decodeCsvBytes, detectDelimiter, mapHeader, parseCsv, readRegistryFile } from "@/lib/registry/csv";
import { csvText } from "@/lib/export/csv";
import { MAX_DATA_ROWS, MAX_FILE_BYTES, REGISTRY_COLUMNS } from "@/lib/registry/columns";

const utf8 = (s: string) => new TextEncoder().encode(s);
const HEADER = REGISTRY_COLUMNS.map((c) => c.key).join(",");
const EXAMPLE = REGISTRY_COLUMNS.map((c) => c.example).join(",");

describe("parseCsv", () => {
  test("LF and CRLF, a final line break or none, a lone CR", () => {
    expect(parseCsv("a,b\nc,d\n")).toEqual({
      ok: true,
      records: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(parseCsv("a,b\r\nc,d")).toEqual({
      ok: true,
      records: [
        ["a", "b"],
        ["c", "d"],
      ],
    });
    expect(parseCsv("a\rb")).toEqual({ ok: true, records: [["a"], ["b"]] });
    expect(parseCsv("")).toEqual({ ok: true, records: [] });
  });

  test("quoted fields hold commas, line breaks and doubled quotes", () => {
    const text = 'code,address\r\n1,"خیابان آزادی، پلاک ۱۲, واحد ۳"\r\n2,"سطر اول\r\nسطر دوم"\n3,"او گفت ""سلام"""\n4,""\n';
    expect(parseCsv(text)).toEqual({
      ok: true,
      records: [
        ["code", "address"],
        ["1", "خیابان آزادی، پلاک ۱۲, واحد ۳"],
        ["2", "سطر اول\r\nسطر دوم"],
        ["3", 'او گفت "سلام"'],
        ["4", ""],
      ],
    });
  });

  test("empty fields, a trailing delimiter, blank lines and a quote inside an unquoted field", () => {
    expect(parseCsv("a,,c\n\nd,\n")).toEqual({ ok: true, records: [["a", "", "c"], [""], ["d", ""]] });
    expect(parseCsv("a,b,")).toEqual({ ok: true, records: [["a", "b", ""]] });
    expect(parseCsv('5" wide,x')).toEqual({ ok: true, records: [['5" wide', "x"]] });
    expect(parseCsv('"ab"cd,e')).toEqual({ ok: true, records: [["abcd", "e"]] });
  });

  test("a quote that is never closed names the record where it opened", () => {
    expect(parseCsv('a,b\nc,"open\nd,e\n')).toEqual({ ok: false, message: "unterminated", record: 2 });
  });

  test("other delimiters", () => {
    expect(detectDelimiter("a;b;c\n1,2;3")).toBe(";");
    expect(detectDelimiter("a\tb\n")).toBe("\t");
    expect(detectDelimiter("a,b;c\n")).toBe(",");
    expect(parseCsv('a;"b;c"\n', ";")).toEqual({ ok: true, records: [["a", "b;c"]] });
  });
});

describe("decodeCsvBytes", () => {
  test("UTF-8 with or without BOM", () => {
    expect(decodeCsvBytes(utf8("\uFEFFکد,نام"))).toEqual({ ok: true, text: "کد,نام" });
    expect(decodeCsvBytes(utf8("کد,نام"))).toEqual({ ok: true, text: "کد,نام" });
  });

  test("Windows-1256 bytes, UTF-16, xlsx, an empty or oversized file are refused in Persian", () => {
    // «تهران» in Windows-1256.
    const cp1256 = new Uint8Array([0xca, 0xe5, 0xd1, 0xc7, 0xe4, 0x2c, 0x31]);
    const notUtf8 = decodeCsvBytes(cp1256);
    expect(notUtf8).toMatchObject({ ok: false, message: expect.stringContaining("UTF-8") });
    expect(decodeCsvBytes(new Uint8Array([0xff, 0xfe, 0x41, 0x00]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("UTF-16"),
    });
    expect(decodeCsvBytes(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0, 0]))).toMatchObject({
      ok: false,
      message: expect.stringContaining("xlsx"),
    });
    expect(decodeCsvBytes(new Uint8Array())).toEqual({ ok: false, message: "فایل خالی است." });
    expect(decodeCsvBytes(new Uint8Array(MAX_FILE_BYTES + 1))).toMatchObject({ ok: false, message: expect.stringContaining("مگابایت") });
  });
});

describe("mapHeader", () => {
  test("English keys or Persian titles, in any order, case and spacing; unknown columns ignored", () => {
    const r = mapHeader([
      " Office_Code ",
      "نام دفتر",
      "office type",
      "person_type",
      "استان",
      "city",
      "address",
      "licence_number",
      "تاريخ صدور پروانه",
      "licence_expires",
      "کد ملی دارنده",
      "holder_first_name",
      "holder_last_name",
      "ملاحظات",
    ]);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.header.index).toMatchObject({ office_code: 0, office_name: 1, office_type: 2, licence_issued: 8, holder_national_id: 10 });
    expect(r.header.index.postal_code).toBeUndefined();
    expect(r.header.ignored).toEqual(["ملاحظات"]);
  });

  test("missing columns are named; a repeated column is refused; data instead of a header is explained", () => {
    const missing = mapHeader(["office_code", "office_name"]);
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining("«استان» (province)") });
    expect(missing).toMatchObject({ ok: false, message: expect.stringContaining("holder_national_id") });
    expect(mapHeader([...HEADER.split(","), "کد دفتر"])).toMatchObject({ ok: false, message: expect.stringContaining("دو بار") });
    expect(mapHeader(EXAMPLE.split(","))).toMatchObject({ ok: false, message: expect.stringContaining("عنوان ستون‌ها") });
  });
});

describe("readRegistryFile", () => {
  test("rows keep their number in the file (header = 1), blank lines skipped but counted", () => {
    const r = readRegistryFile(utf8(`\uFEFF${HEADER}\r\n${EXAMPLE}\r\n\r\n${EXAMPLE},extra\r\n`));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.rows.map((x) => x.line)).toEqual([2, 4]);
    expect(r.rows[0]!.cells.office_code).toBe("21045");
    expect(r.rows[0]!.extraCells).toBe(false);
    expect(r.rows[1]!.extraCells).toBe(true);
  });

  test("a header alone, too many rows, an unclosed quote", () => {
    expect(readRegistryFile(utf8(`${HEADER}\n`))).toMatchObject({ ok: false, message: expect.stringContaining("ردیفی ندارد") });
    const many = `${HEADER}\n${"x\n".repeat(MAX_DATA_ROWS + 1)}`;
    expect(readRegistryFile(utf8(many))).toMatchObject({ ok: false, message: expect.stringContaining("۵۰٬۰۰۰") });
    expect(readRegistryFile(utf8(`${HEADER}\n${EXAMPLE}\n"oops,${EXAMPLE}\n`))).toMatchObject({
      ok: false,
      message: expect.stringContaining("ردیف ۳"),
    });
  });
});

test("what the app writes as CSV (template, error list) reads back through the import's parser", () => {
  expect(
    csvText([
      ["a", "b,c", 'd"e'],
      ["x\ny", "a;b"],
    ]),
  ).toBe('\uFEFFa,"b,c","d""e"\r\n"x\ny","a;b"\r\n');
  const rows = [
    ["کد", "نشانی"],
    ["1", 'خیابان "آزادی"،\r\nپلاک ۲'],
    ["2", "الف؛ ب; ج"],
  ];
  expect(parseCsv(csvText(rows).slice(1))).toEqual({ ok: true, records: rows });
});
