-- 0020: a calendar feed's secret is stored as its SHA-256 (lowercase hex), no longer as it is (Features/Agenda/CalendarFeed.cs).
-- Links made before keep working: each stored secret is replaced by its hash, which is what the app looks a link up by.
-- The old values stay in dead row versions until VACUUM reclaims them, and in backups made before: see README "Agenda".
UPDATE "CalendarFeeds" SET "Token" = encode(sha256(convert_to("Token", 'UTF8')), 'hex');
ALTER TABLE "CalendarFeeds" RENAME COLUMN "Token" TO "TokenHash";
DROP INDEX "IX_CalendarFeeds_Token";
CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");
