-- 0007: volunteers' offers (hulpaanbod) and reports (meldingen) of requests and people. Generated with 'schema-script', then reviewed.
CREATE TABLE "HelpOffers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HelpOffers" PRIMARY KEY,
    "VolunteerId" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Text" TEXT NOT NULL,
    "Availability" INTEGER NOT NULL,
    "Pc4" TEXT NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "PublishedAt" INTEGER NOT NULL,
    "WithdrawnAt" INTEGER NULL,
    CONSTRAINT "FK_HelpOffers_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Reports" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Reports" PRIMARY KEY,
    "ReporterId" TEXT NOT NULL,
    "RequestId" TEXT NULL,
    "PersonId" TEXT NULL,
    "Reason" TEXT NOT NULL,
    "Pc4" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "HandledAt" INTEGER NULL,
    "HandledById" TEXT NULL,
    "HandledNote" TEXT NULL,
    CONSTRAINT "FK_Reports_AspNetUsers_HandledById" FOREIGN KEY ("HandledById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Reports_AspNetUsers_PersonId" FOREIGN KEY ("PersonId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Reports_AspNetUsers_ReporterId" FOREIGN KEY ("ReporterId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Reports_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HelpOffers_VolunteerId_PublishedAt" ON "HelpOffers" ("VolunteerId", "PublishedAt");

CREATE INDEX "IX_HelpOffers_WithdrawnAt_Latitude" ON "HelpOffers" ("WithdrawnAt", "Latitude");

CREATE INDEX "IX_Reports_HandledAt_CreatedAt" ON "Reports" ("HandledAt", "CreatedAt");

CREATE INDEX "IX_Reports_HandledById" ON "Reports" ("HandledById");

CREATE INDEX "IX_Reports_Pc4" ON "Reports" ("Pc4");

CREATE INDEX "IX_Reports_PersonId" ON "Reports" ("PersonId");

CREATE INDEX "IX_Reports_ReporterId" ON "Reports" ("ReporterId");

CREATE INDEX "IX_Reports_RequestId" ON "Reports" ("RequestId");
