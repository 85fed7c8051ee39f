-- 0018: retention (Features/Privacy/Retention). The last sign-in of each account and when it was warned that it will be
-- erased for inactivity (Features/Accounts/InactiveAccounts.cs). Existing accounts start without a last sign-in, and
-- count from when they were made until they next sign in. Old notifications are deleted oldest first, by CreatedAt.
ALTER TABLE "AspNetUsers" ADD "LastSignInAt" timestamp with time zone;
ALTER TABLE "AspNetUsers" ADD "InactivityWarnedAt" timestamp with time zone;
CREATE INDEX "IX_Notifications_CreatedAt" ON "Notifications" ("CreatedAt");
