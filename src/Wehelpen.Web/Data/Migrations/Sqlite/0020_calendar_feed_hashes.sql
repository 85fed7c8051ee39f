-- 0020: a calendar feed's secret is stored as its SHA-256 (lowercase hex), no longer as it is (Features/Agenda/CalendarFeed.cs).
-- Links made before keep working: each stored secret is replaced by its hash, which is what the app looks a link up by.
-- SQLite has no SHA-256 of its own: sha256_hex() is the app's, registered on the connection by SqlMigrator, so the
-- secrets are hashed once, at the start-up that applies this, in this migration's transaction (never a moment with
-- the new column holding an old secret, nor a start that serves a link before it is hashed). Hashing on first use
-- instead would leave the secrets of unused feeds in the clear for good. secure_delete (SqlitePragmas) zeroes the
-- overwritten values in the file, and the migrator truncates the write-ahead log after migrating.
UPDATE "CalendarFeeds" SET "Token" = sha256_hex("Token");
ALTER TABLE "CalendarFeeds" RENAME COLUMN "Token" TO "TokenHash";
DROP INDEX "IX_CalendarFeeds_Token";
CREATE UNIQUE INDEX "IX_CalendarFeeds_TokenHash" ON "CalendarFeeds" ("TokenHash");
