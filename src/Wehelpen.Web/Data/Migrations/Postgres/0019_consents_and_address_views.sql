-- 0019: privacy (issue 19). The hoofdpersoon's consents (to a klanthouder, Features/Circles/Consent) with who recorded
-- them, when, and the version of the text agreed to; and who outside the circle was shown a request's address (one row
-- per request, person and day, Features/Requests/AddressView.cs). Generated with 'schema-script', then reviewed.

CREATE TABLE "ConsentRecords" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "Kind" character varying(24) NOT NULL,
    "SubjectUserId" text,
    "RecordedById" text NOT NULL,
    "TextVersion" character varying(40) NOT NULL,
    "GivenAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    "WithdrawnById" text,
    CONSTRAINT "PK_ConsentRecords" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_RecordedById" FOREIGN KEY ("RecordedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_SubjectUserId" FOREIGN KEY ("SubjectUserId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_AspNetUsers_WithdrawnById" FOREIGN KEY ("WithdrawnById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ConsentRecords_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AddressViews" (
    "Id" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "ViewerId" text NOT NULL,
    "Role" character varying(16) NOT NULL,
    "Day" date NOT NULL,
    "FirstSeenAt" timestamp with time zone NOT NULL,
    "LastSeenAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AddressViews" PRIMARY KEY ("Id"),
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
