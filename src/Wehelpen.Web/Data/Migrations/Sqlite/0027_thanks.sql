-- 0027: thanks (issue 24, Features/Thanks): the circle's one thank-you note per done request (RequestThanks, unique per
-- request; the volunteer copied in for their list), and what a circle allows in its volunteers' yearly overview
-- (CircleThanksSettings, no row: names no one). Generated with 'schema-script'.
CREATE TABLE "CircleThanksSettings" (
    "CircleId" TEXT NOT NULL CONSTRAINT "PK_CircleThanksSettings" PRIMARY KEY,
    "NameInOverview" INTEGER NOT NULL,
    "ChangedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CircleThanksSettings_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RequestThanks" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RequestThanks" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "CircleId" TEXT NOT NULL,
    "WrittenById" TEXT NOT NULL,
    "VolunteerId" TEXT NOT NULL,
    "Note" TEXT NOT NULL,
    "WrittenAt" INTEGER NOT NULL,
    "ChangedAt" INTEGER NULL,
    CONSTRAINT "FK_RequestThanks_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestThanks_AspNetUsers_WrittenById" FOREIGN KEY ("WrittenById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestThanks_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RequestThanks_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RequestThanks_CircleId" ON "RequestThanks" ("CircleId");

CREATE UNIQUE INDEX "IX_RequestThanks_RequestId" ON "RequestThanks" ("RequestId");

CREATE INDEX "IX_RequestThanks_VolunteerId_WrittenAt" ON "RequestThanks" ("VolunteerId", "WrittenAt");

CREATE INDEX "IX_RequestThanks_WrittenById" ON "RequestThanks" ("WrittenById");

