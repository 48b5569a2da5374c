/**
 * @jest-environment jsdom
 */
import { act, fireEvent, render, screen, within } from "@testing-library/react";
import { DocumentsStep, type DocumentItem } from "@/components/wizard/documents-step";
import { DOCUMENT_KINDS, MAX_DOCUMENT_BYTES } from "@/lib/documents/kinds";

const refresh = jest.fn();
jest.mock("next/navigation", () => ({ useRouter: () => ({ refresh, push: jest.fn() }) }));
const mockDelete = jest.fn();
jest.mock("@/lib/actions/declaration/delete-document", () => ({
  deleteDocumentAction: (...args: unknown[]) => mockDelete(...args),
}));

/** A stand-in for XMLHttpRequest: records what was sent; the test drives progress and the answer. */
class FakeXhr {
  static last: FakeXhr | null = null;
  static sent: FormData[] = [];
  upload: { onprogress: ((e: { lengthComputable: boolean; loaded: number; total: number }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = "";
  responseURL = "";
  url = "";
  open(_method: string, url: string) {
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    FakeXhr.last = this;
    FakeXhr.sent.push(body);
  }
  respond(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

beforeEach(() => {
  FakeXhr.last = null;
  FakeXhr.sent = [];
  refresh.mockReset();
  mockDelete.mockReset();
  (globalThis as unknown as { XMLHttpRequest: unknown }).XMLHttpRequest = FakeXhr;
});

const flush = () =>
  act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });

function jpegFile(size = 100, name = "a.jpg") {
  return new File([new Uint8Array(size)], name, { type: "image/jpeg" });
}

const signboard = DOCUMENT_KINDS.find((d) => d.kind === "SIGNBOARD")!;
const licence = DOCUMENT_KINDS.find((d) => d.kind === "LICENCE")!;

describe("DocumentsStep", () => {
  test("lists every kind with its label, status and a labelled file input; links the Word template", () => {
    render(<DocumentsStep declarationId="d1" version={3} documents={[]} />);
    expect(screen.getAllByText("بارگذاری نشده")).toHaveLength(DOCUMENT_KINDS.length);
    for (const spec of DOCUMENT_KINDS) {
      const input = screen.getByLabelText(spec.label) as HTMLInputElement;
      expect(input.type).toBe("file");
    }
    expect((screen.getByLabelText(signboard.label) as HTMLInputElement).accept).toContain("image/jpeg");
    expect(screen.getByRole("link", { name: "دریافت فرم فهرست قراردادها (Word)" })).toHaveAttribute(
      "href",
      "/templates/contracts-list.docx",
    );
  });

  test("shows a thumbnail for a JPEG, «مشاهده PDF» for a PDF, and replace/delete buttons", () => {
    const docs: DocumentItem[] = [
      { id: "j1", kind: "SIGNBOARD", fileName: "s.jpg", size: 2048, contentType: "image/jpeg", createdAt: "2026-04-01T08:00:00.000Z" },
      { id: "p1", kind: "LICENCE", fileName: "l.pdf", size: 4096, contentType: "application/pdf", createdAt: "2026-04-01T08:00:00.000Z" },
    ];
    render(<DocumentsStep declarationId="d1" version={3} documents={docs} />);
    expect(screen.getAllByText("بارگذاری شده")).toHaveLength(2);
    expect(screen.getByAltText(`پیش‌نمایش ${signboard.label}`)).toHaveAttribute("src", "/api/documents/j1");
    expect(screen.getByRole("link", { name: /مشاهده PDF/ })).toHaveAttribute("href", "/api/documents/p1");
    expect(screen.getByRole("button", { name: `حذف ${licence.label}` })).toBeInTheDocument();
    expect(screen.getAllByText("جایگزینی")).toHaveLength(2);
    expect(screen.getByText("۲ از ۹ مدرک بارگذاری شده است.")).toBeInTheDocument();
  });

  test("a file over 2 MB is refused in the browser with a Persian alert beside the kind, and nothing is sent", () => {
    render(<DocumentsStep declarationId="d1" version={3} documents={[]} />);
    const input = screen.getByLabelText(signboard.label);
    fireEvent.change(input, { target: { files: [jpegFile(MAX_DOCUMENT_BYTES + 1)] } });
    const alert = screen.getByRole("alert");
    expect(alert).toHaveTextContent("بیش از ۲ مگابایت است");
    expect(alert.id).toBe("doc-signboard-error");
    expect(input.getAttribute("aria-describedby")).toContain("doc-signboard-error");
    expect(input).toHaveAttribute("aria-invalid", "true");
    expect(FakeXhr.sent).toHaveLength(0);
  });

  test("uploads with a progress bar, carries the returned version to the next upload and refreshes the page", async () => {
    const onVersion = jest.fn();
    render(<DocumentsStep declarationId="d1" version={3} documents={[]} onVersion={onVersion} />);
    fireEvent.change(screen.getByLabelText(signboard.label), { target: { files: [jpegFile()] } });
    await flush();
    const xhr = FakeXhr.last!;
    expect(xhr.url).toBe("/api/declarations/d1/documents");
    expect(FakeXhr.sent[0]!.get("version")).toBe("3");
    expect(FakeXhr.sent[0]!.get("kind")).toBe("SIGNBOARD");

    act(() => xhr.upload.onprogress?.({ lengthComputable: true, loaded: 40, total: 100 }));
    const bar = screen.getByRole("progressbar", { name: `پیشرفت بارگذاری ${signboard.label}` });
    expect(bar).toHaveAttribute("aria-valuenow", "40");

    await act(async () =>
      xhr.respond(200, {
        ok: true,
        data: {
          version: 4,
          stepStatus: { "1": "IN_PROGRESS" },
          document: {
            id: "n1",
            kind: "SIGNBOARD",
            fileName: "a.jpg",
            size: 100,
            contentType: "image/jpeg",
            createdAt: "2026-04-01T08:00:00.000Z",
          },
        },
      }),
    );
    await flush();
    expect(onVersion).toHaveBeenCalledWith(4);
    expect(refresh).toHaveBeenCalled();
    expect(screen.getByAltText(`پیش‌نمایش ${signboard.label}`)).toHaveAttribute("src", "/api/documents/n1");

    fireEvent.change(screen.getByLabelText(licence.label), { target: { files: [jpegFile()] } });
    await flush();
    expect(FakeXhr.sent[1]!.get("version")).toBe("4");
  });

  test("the server's refusal is shown beside the kind and read out (role=alert)", async () => {
    render(<DocumentsStep declarationId="d1" version={3} documents={[]} />);
    fireEvent.change(screen.getByLabelText(licence.label), { target: { files: [jpegFile(10, "x.jpg")] } });
    await flush();
    const message = "این فایل JPEG یا PDF نیست؛ نوع فایل از روی محتوای آن بررسی می‌شود، نه از روی نام آن.";
    await act(async () => FakeXhr.last!.respond(422, { ok: false, formError: message, fieldErrors: { file: message } }));
    await flush();
    const item = screen.getByLabelText(licence.label).closest("li")!;
    expect(within(item).getByRole("alert")).toHaveTextContent(message);
    expect(refresh).not.toHaveBeenCalled();
  });

  test("«حذف» asks for confirmation, calls the action with the current version and clears the kind", async () => {
    jest.spyOn(window, "confirm").mockReturnValue(true);
    mockDelete.mockResolvedValue({ ok: true, data: { version: 8, stepStatus: { "1": "IN_PROGRESS" } } });
    const onVersion = jest.fn();
    const docs: DocumentItem[] = [
      { id: "p1", kind: "LICENCE", fileName: "l.pdf", size: 4096, contentType: "application/pdf", createdAt: "2026-04-01T08:00:00.000Z" },
    ];
    render(<DocumentsStep declarationId="d1" version={7} documents={docs} onVersion={onVersion} />);
    fireEvent.click(screen.getByRole("button", { name: `حذف ${licence.label}` }));
    await flush();
    expect(mockDelete).toHaveBeenCalledWith({ declarationId: "d1", documentId: "p1", version: 7 });
    expect(onVersion).toHaveBeenCalledWith(8);
    expect(screen.getAllByText("بارگذاری نشده")).toHaveLength(DOCUMENT_KINDS.length);
  });
});
