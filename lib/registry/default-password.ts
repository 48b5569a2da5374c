// The password hash of a holder created by the registry import: the default password (the
// national ID, docs/decisions/0011), hashed with argon2id at a low cost. The guessing cost
// of a hash protects nothing here: the password is the username, stored in clear in the same
// row. The PHC string carries its parameters, so sign-in verifies it with the same
// verifyPassword; the holder must change it at first sign-in, and the new password gets the
// full cost of lib/auth/password.ts. At full cost 20,000 new holders would keep both cores
// busy for minutes; at this cost they take seconds.
import { hash } from "@node-rs/argon2";

const ARGON2ID = 2; // Algorithm.Argon2id (a const enum, unusable with isolatedModules)
const DEFAULT_PASSWORD_HASH_OPTIONS = { algorithm: ARGON2ID, memoryCost: 1024, timeCost: 1, parallelism: 1 };

export function hashDefaultPassword(nationalId: string): Promise<string> {
  return hash(nationalId, DEFAULT_PASSWORD_HASH_OPTIONS);
}
