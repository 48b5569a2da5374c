import { PERMISSIONS, can, scopeOf, type Permission, type ResourceAction } from "@/lib/authz/permissions";

describe("can", () => {
  test.each<["HOLDER" | "EXPERT" | "ADMIN", Permission, boolean]>([
    ["HOLDER", "declaration:edit:own", true],
    ["HOLDER", "objection:file:own", true],
    ["HOLDER", "declaration:review:region", false],
    ["HOLDER", "office:view:any", false],
    ["HOLDER", "user:manage:any", false],
    ["EXPERT", "declaration:review:region", true],
    ["EXPERT", "declaration:edit:own", false],
    ["EXPERT", "declaration:view:any", false],
    ["EXPERT", "round:manage:any", false],
    ["EXPERT", "ruleset:approve:any", false],
    ["ADMIN", "round:manage:any", true],
    ["ADMIN", "ruleset:approve:any", true],
    ["ADMIN", "user:manage:any", true],
    ["ADMIN", "declaration:view:any", true],
    ["ADMIN", "declaration:review:region", false],
    ["ADMIN", "declaration:edit:own", false],
  ])("%s may %s: %s", (role, permission, expected) => {
    expect(can(role, permission)).toBe(expected);
  });

  test("a permission held by one role does not leak to the others", () => {
    for (const role of ["HOLDER", "EXPERT", "ADMIN"] as const) {
      for (const other of ["HOLDER", "EXPERT", "ADMIN"] as const) {
        if (role === other) continue;
        for (const p of PERMISSIONS[other]) {
          expect(can(role, p)).toBe((PERMISSIONS[role] as readonly string[]).includes(p));
        }
      }
    }
  });
});

describe("scopeOf", () => {
  test.each([
    ["HOLDER", "office:view", "own"],
    ["HOLDER", "declaration:view", "own"],
    ["HOLDER", "declaration:edit", "own"],
    ["HOLDER", "document:read", "own"],
    ["EXPERT", "office:view", "region"],
    ["EXPERT", "declaration:view", "region"],
    ["EXPERT", "declaration:review", "region"],
    ["EXPERT", "dashboard:view", "region"],
    ["ADMIN", "office:view", "any"],
    ["ADMIN", "declaration:view", "any"],
    ["ADMIN", "declaration:reassign", "any"],
    ["ADMIN", "dashboard:view", "any"],
  ] as const)("%s %s → %s", (role, action, scope) => {
    expect(scopeOf(role, action)).toBe(scope);
  });

  test.each([
    ["HOLDER", "declaration:review"],
    ["HOLDER", "dashboard:view"],
    ["HOLDER", "round:manage"],
    ["EXPERT", "declaration:edit"],
    ["EXPERT", "declaration:reassign"],
    ["EXPERT", "user:manage"],
    ["ADMIN", "declaration:edit"],
    ["ADMIN", "declaration:review"],
    ["ADMIN", "objection:file"],
  ] as const)("%s may not %s at all → null", (role, action) => {
    expect(scopeOf(role, action)).toBeNull();
  });

  // The types refuse these already; the run-time check stays for a string that slipped past them.
  test("unknown actions and a full permission string are not a scope", () => {
    const scopeOfAny = (role: "ADMIN" | "HOLDER" | "EXPERT", action: string) => scopeOf(role, action as ResourceAction);
    expect(scopeOfAny("ADMIN", "declaration:delete")).toBeNull();
    expect(scopeOfAny("ADMIN", "")).toBeNull();
    expect(scopeOfAny("HOLDER", "office:view:own")).toBeNull();
    // A prefix of an action is not the action.
    expect(scopeOfAny("EXPERT", "declaration:vie")).toBeNull();
  });
});

test.each([["office"], ["declaration"], ["office:view:own"], [""], ["office:"]])(
  "a malformed resource:action (%p) never yields a scope, so a typo cannot fail open",
  (action) => {
    for (const role of ["HOLDER", "EXPERT", "ADMIN"] as const) expect(scopeOf(role, action as ResourceAction)).toBeNull();
  },
);
