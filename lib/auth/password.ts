// Password hashing and policy. argon2id through @node-rs/argon2 (prebuilt binaries in
// npm packages: no compiler and no download at install).
import { hash, verify } from "@node-rs/argon2";
import { PASSWORD_MAX_LENGTH } from "@/lib/auth/password-policy";

// Algorithm.Argon2id is a const enum (unusable with isolatedModules): its value is 2.
// Parameters: OWASP's argon2id minimum (19 MiB, 2 iterations, 1 lane).
const ARGON2ID = 2;
const OPTIONS = { algorithm: ARGON2ID, memoryCost: 19456, timeCost: 2, parallelism: 1 };

export function hashPassword(password: string): Promise<string> {
  return hash(password, OPTIONS);
}

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length === 0 || password.length > PASSWORD_MAX_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

// A real hash of a random string: verifying against it when the account does not exist
// makes a wrong national ID cost as much time as a wrong password.
let dummyHash: Promise<string> | undefined;
export async function spendVerifyTime(password: string): Promise<void> {
  dummyHash ??= hashPassword(`no-such-user-${Math.random()}`);
  await verifyPassword(await dummyHash, password.slice(0, PASSWORD_MAX_LENGTH) || "x");
}

/** Was `passwordHash` made at the full cost above (not a registry import's cheap default hash)? */
export function isFullCostHash(passwordHash: string): boolean {
  const m = /[$,]m=(\d+)/.exec(passwordHash);
  const t = /[$,]t=(\d+)/.exec(passwordHash);
  return !!m && !!t && Number(m[1]) >= OPTIONS.memoryCost && Number(t[1]) >= OPTIONS.timeCost;
}

/** The guide gives both forms of the initial password: the national ID, or Cra@ + national ID. */
export function defaultPasswordCandidates(nationalId: string): string[] {
  return [nationalId, `Cra@${nationalId}`];
}
