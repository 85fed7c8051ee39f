-- 0019: privacy (issue 19). The hoofdpersoon's consents (to a klanthouder, Features/Circles/Consent) with who recorded
-- them, when, and the version of the text agreed to; and who outside the circle was shown a request's address (one row
-- per request, person and day, Features/Requests/AddressView.cs). Generated with 'schema-script', then reviewed.

CREATE TABLE "ConsentRecords" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_ConsentRecords" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "SubjectUserId" TEXT NULL,
    "RecordedById" TEXT NOT NULL,
    "TextVersion" TEXT NOT NULL,
    "GivenAt" INTEGER NOT NULL,
    "WithdrawnAt" INTEGER NULL,
    "WithdrawnById" TEXT NULL,
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_SubjectUserId" FOREIGN KEY ("SubjectUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_WithdrawnById" FOREIGN KEY ("WithdrawnById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AddressViews" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_AddressViews" PRIMARY KEY,
    "RequestId" TEXT NOT NULL,
    "ViewerId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "Day" TEXT NOT NULL,
    "FirstSeenAt" INTEGER NOT NULL,
    "LastSeenAt" INTEGER NOT NULL,
    CONSTRAINT "FK_AddressViews_AspNetUsers_ViewerId" FOREIGN KEY ("ViewerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_AddressViews_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_AddressViews_RequestId_ViewerId_Day" ON "AddressViews" ("RequestId", "ViewerId", "Day");

CREATE INDEX "IX_AddressViews_ViewerId" ON "AddressViews" ("ViewerId");

CREATE INDEX "IX_ConsentRecords_CircleId_GivenAt" ON "ConsentRecords" ("CircleId", "GivenAt");

CREATE INDEX "IX_ConsentRecords_RecordedById" ON "ConsentRecords" ("RecordedById");

CREATE INDEX "IX_ConsentRecords_SubjectUserId" ON "ConsentRecords" ("SubjectUserId");

CREATE INDEX "IX_ConsentRecords_WithdrawnById" ON "ConsentRecords" ("WithdrawnById");

-- Invitations made before consents were recorded: the manager ticked the box of that time (version klanthouder-2026-11)
-- when inviting. Each becomes that consent, with the invitation's id, so that the klanthouder page shows it.
INSERT INTO "ConsentRecords" ("Id", "CircleId", "Kind", "SubjectUserId", "RecordedById", "TextVersion", "GivenAt")
SELECT "Id", "CircleId", 'CaseHolder', "ProfessionalId", "InvitedById", 'klanthouder-2026-11', "InvitedAt" FROM "CaseHolderInvitations";
