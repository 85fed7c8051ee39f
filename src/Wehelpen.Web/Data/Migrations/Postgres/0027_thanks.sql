-- 0027: thanks (issue 24, Features/Thanks): the circle's one thank-you note per done request (RequestThanks, unique per
-- request; the volunteer copied in for their list), and what a circle allows in its volunteers' yearly overview
-- (CircleThanksSettings, no row: names no one). Generated with 'schema-script'.
CREATE TABLE "CircleThanksSettings" (
    "CircleId" uuid NOT NULL,
    "NameInOverview" boolean NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CircleThanksSettings" PRIMARY KEY ("CircleId"),
    CONSTRAINT "FK_CircleThanksSettings_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RequestThanks" (
    "Id" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "WrittenById" text NOT NULL,
    "VolunteerId" text NOT NULL,
    "Note" character varying(500) NOT NULL,
    "WrittenAt" timestamp with time zone NOT NULL,
    "ChangedAt" timestamp with time zone,
    CONSTRAINT "PK_RequestThanks" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RequestThanks_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestThanks_AspNetUsers_WrittenById" FOREIGN KEY ("WrittenById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestThanks_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RequestThanks_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RequestThanks_CircleId" ON "RequestThanks" ("CircleId");

CREATE UNIQUE INDEX "IX_RequestThanks_RequestId" ON "RequestThanks" ("RequestId");

CREATE INDEX "IX_RequestThanks_VolunteerId_WrittenAt" ON "RequestThanks" ("VolunteerId", "WrittenAt");

CREATE INDEX "IX_RequestThanks_WrittenById" ON "RequestThanks" ("WrittenById");

