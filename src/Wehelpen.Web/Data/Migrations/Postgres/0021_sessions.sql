-- 0021: server-side sessions (issue 20, Features/Accounts/Sessions). Every sign-in, by cookie or by app tokens, is a
-- row in AccountSessions, whose id the cookie and the access token carry; ending the row ends the sign-in on every
-- node. Apps' refresh tokens are opaque and kept as their SHA-256 only, each good once. Generated with
-- 'schema-script', then reviewed. Cookies and tokens made before carry no session and are refused: everyone signs in
-- once more after this version starts.

CREATE TABLE "AccountSessions" (
    "Id" uuid NOT NULL,
    "UserId" text NOT NULL,
    "Kind" character varying(8) NOT NULL,
    "Browser" character varying(40),
    "System" character varying(40),
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    "EndedAt" timestamp with time zone,
    "EndReason" character varying(24),
    CONSTRAINT "PK_AccountSessions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_AccountSessions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RefreshTokens" (
    "Id" uuid NOT NULL,
    "SessionId" uuid NOT NULL,
    "TokenHash" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "UsedAt" timestamp with time zone,
    CONSTRAINT "PK_RefreshTokens" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RefreshTokens_AccountSessions_SessionId" FOREIGN KEY ("SessionId") REFERENCES "AccountSessions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AccountSessions_UserId" ON "AccountSessions" ("UserId");

CREATE INDEX "IX_RefreshTokens_SessionId" ON "RefreshTokens" ("SessionId");

CREATE UNIQUE INDEX "IX_RefreshTokens_TokenHash" ON "RefreshTokens" ("TokenHash");
