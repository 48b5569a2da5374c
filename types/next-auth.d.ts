import type { Role } from "@/lib/generated/prisma/enums";

declare module "next-auth/jwt" {
  interface JWT {
    uid?: string;
    role?: Role;
    loginAt?: number;
    /** The account's session generation when this session was opened (lib/auth/session-policy.ts). */
    gen?: number;
    expired?: boolean;
  }
}

declare module "next-auth" {
  interface Session {
    uid: string | null;
    role: Role | null;
    loginAt: number | null;
  }
}
