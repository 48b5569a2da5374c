-- Sessions end with their generation; staff second factor.
ALTER TABLE "User" ADD COLUMN "sessionGeneration" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "totpSecret" TEXT,
ADD COLUMN "totpEnabledAt" TIMESTAMP(3);

-- One table for every one-time code (password reset, first sign-in, activation, mobile).
CREATE TYPE "CodePurpose" AS ENUM ('PASSWORD_RESET', 'FIRST_SIGN_IN', 'ACTIVATION', 'MOBILE_CONFIRM');

ALTER TABLE "PasswordResetCode" RENAME TO "OneTimeCode";
ALTER TABLE "OneTimeCode" RENAME CONSTRAINT "PasswordResetCode_pkey" TO "OneTimeCode_pkey";
ALTER TABLE "OneTimeCode" RENAME CONSTRAINT "PasswordResetCode_userId_fkey" TO "OneTimeCode_userId_fkey";
DROP INDEX "PasswordResetCode_userId_createdAt_idx";
ALTER TABLE "OneTimeCode" ADD COLUMN "purpose" "CodePurpose" NOT NULL DEFAULT 'PASSWORD_RESET',
ADD COLUMN "sentTo" TEXT;
CREATE INDEX "OneTimeCode_userId_purpose_createdAt_idx" ON "OneTimeCode"("userId", "purpose", "createdAt");

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" TEXT NOT NULL,
    "userId" TEXT NOT NULL,
    "codeHash" TEXT NOT NULL,
    "usedAt" TIMESTAMP(3),
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);
CREATE INDEX "RecoveryCode_userId_idx" ON "RecoveryCode"("userId");
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_userId_fkey" FOREIGN KEY ("userId") REFERENCES "User"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- CreateTable
CREATE TABLE "RateCounter" (
    "key" TEXT NOT NULL,
    "windowStart" TIMESTAMP(3) NOT NULL,
    "count" INTEGER NOT NULL DEFAULT 0,

    CONSTRAINT "RateCounter_pkey" PRIMARY KEY ("key","windowStart")
);
CREATE INDEX "RateCounter_windowStart_idx" ON "RateCounter"("windowStart");
