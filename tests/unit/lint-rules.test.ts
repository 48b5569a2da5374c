// The project's structural rules, as `npm run lint` enforces them: shared code (components/,
// lib/) never reaches into a route folder, and code is formatted by Prettier.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(__dirname, "../..");
const bin = (name: string) => path.join(root, "node_modules", ".bin", name);

function eslint(code: string, file: string) {
  const r = spawnSync(bin("eslint"), ["--stdin", "--stdin-filename", file, "--format", "json"], {
    cwd: root,
    input: code,
    encoding: "utf8",
  });
  return (JSON.parse(r.stdout) as { messages: { ruleId: string | null; message: string }[] }[])[0]!.messages;
}

const IMPORT_FROM_APP =
  'import { saveStepAction } from "@/app/(holder)/declarations/[declarationId]/steps/[step]/save-step-action";\nexport const x = saveStepAction;\n';

test.each(["components/wizard/example.tsx", "lib/declaration/example.ts"])("%s may not import from app/", (file) => {
  const messages = eslint(IMPORT_FROM_APP, file);
  expect(messages).toEqual([
    expect.objectContaining({ ruleId: "no-restricted-imports", message: expect.stringContaining("must not import from app/") }),
  ]);
});

test("a route may import from lib/ and components/", () => {
  const code = 'import { saveStepAction } from "@/lib/actions/declaration/save-step";\nexport const x = saveStepAction;\n';
  expect(eslint(code, "app/(holder)/example/page.tsx")).toEqual([]);
});

test("unformatted code is reported by Prettier", () => {
  const check = (code: string) =>
    spawnSync(bin("prettier"), ["--check", "--stdin-filepath", "lib/example.ts"], { cwd: root, input: code, encoding: "utf8" }).status;
  expect(check("export const x   =  {a:1}\n")).not.toBe(0);
  expect(check("export const x = { a: 1 };\n")).toBe(0);
});
