-- 0021: server-side sessions (issue 20, Features/Accounts/Sessions). Every sign-in, by cookie or by app tokens, is a
-- row in AccountSessions, whose id the cookie and the access token carry; ending the row ends the sign-in on every
-- node. Apps' refresh tokens are opaque and kept as their SHA-256 only, each good once. Generated with
-- 'schema-script', then reviewed. Cookies and tokens made before carry no session and are refused: everyone signs in
-- once more after this version starts.

CREATE TABLE "AccountSessions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AccountSessions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Browser" TEXT NULL,
    "System" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    "EndedAt" INTEGER NULL,
    "EndReason" TEXT NULL,
    CONSTRAINT "FK_AccountSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RefreshTokens" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RefreshTokens" PRIMARY KEY,
    "SessionId" TEXT NOT NULL,
    "TokenHash" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "UsedAt" INTEGER NULL,
    CONSTRAINT "FK_RefreshTokens_AccountSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "AccountSessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AccountSessions_UserId" ON "AccountSessions" ("UserId");

CREATE INDEX "IX_RefreshTokens_SessionId" ON "RefreshTokens" ("SessionId");

CREATE UNIQUE INDEX "IX_RefreshTokens_TokenHash" ON "RefreshTokens" ("TokenHash");
