-- 0022: sign-in is throttled per address and client network (Features/Accounts/SignInThrottle.cs) instead of Identity's
-- lockout. Failed tries are kept here, hashed, for as long as the throttle looks back (an hour by default), so that every
-- node counts them all. Lockouts from before end now (the password step no longer reads or sets them); the former
-- member (migration 0016) keeps its own, with no password to sign in with anyway.
CREATE TABLE "SignInFailures" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_SignInFailures" PRIMARY KEY AUTOINCREMENT,
    "AccountHash" TEXT NOT NULL,
    "ClientHash" TEXT NOT NULL,
    "FailedAt" INTEGER NOT NULL
);
CREATE INDEX "IX_SignInFailures_AccountHash_FailedAt" ON "SignInFailures" ("AccountHash", "FailedAt");
CREATE INDEX "IX_SignInFailures_ClientHash_FailedAt" ON "SignInFailures" ("ClientHash", "FailedAt");
CREATE INDEX "IX_SignInFailures_FailedAt" ON "SignInFailures" ("FailedAt");
UPDATE "AspNetUsers" SET "LockoutEnd" = NULL, "AccessFailedCount" = 0 WHERE "Id" <> 'former-member';
