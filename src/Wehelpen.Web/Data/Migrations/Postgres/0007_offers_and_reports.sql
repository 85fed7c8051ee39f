-- 0007: volunteers' offers (hulpaanbod) and reports (meldingen) of requests and people. Generated with 'schema-script', then reviewed.
CREATE TABLE "HelpOffers" (
    "Id" uuid NOT NULL,
    "VolunteerId" text NOT NULL,
    "Category" character varying(16) NOT NULL,
    "Text" character varying(500) NOT NULL,
    "Availability" integer NOT NULL,
    "Pc4" character varying(4) NOT NULL,
    "Latitude" double precision NOT NULL,
    "Longitude" double precision NOT NULL,
    "PublishedAt" timestamp with time zone NOT NULL,
    "WithdrawnAt" timestamp with time zone,
    CONSTRAINT "PK_HelpOffers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_HelpOffers_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Reports" (
    "Id" uuid NOT NULL,
    "ReporterId" text NOT NULL,
    "RequestId" uuid,
    "PersonId" text,
    "Reason" character varying(1000) NOT NULL,
    "Pc4" character varying(4),
    "CreatedAt" timestamp with time zone NOT NULL,
    "HandledAt" timestamp with time zone,
    "HandledById" text,
    "HandledNote" character varying(1000),
    CONSTRAINT "PK_Reports" PRIMARY KEY ("Id"),
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
