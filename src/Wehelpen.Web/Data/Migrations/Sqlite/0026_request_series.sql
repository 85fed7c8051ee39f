-- 0026: requests that repeat (issue 24, Features/Requests/Series): the series with its template and rule; each
-- occurrence is a help request that names its series and its date, made once per date (the unique index).
CREATE TABLE "RequestSeries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RequestSeries" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "Flexible" INTEGER NOT NULL,
    "StartTime" TEXT NULL,
    "EndTime" TEXT NULL,
    "Postcode" TEXT NOT NULL,
    "Address" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "Audience" TEXT NOT NULL,
    "AddressedToId" TEXT NULL,
    "Frequency" TEXT NOT NULL,
    "Weekdays" INTEGER NOT NULL,
    "DayOfMonth" INTEGER NULL,
    "FirstDate" TEXT NOT NULL,
    "UntilDate" TEXT NULL,
    "Times" INTEGER NULL,
    "StoppedFrom" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_RequestSeries_AspNetUsers_AddressedToId" FOREIGN KEY ("AddressedToId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestSeries_AspNetUsers_RequestedById" FOREIGN KEY ("RequestedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestSeries_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RequestSeries_AddressedToId" ON "RequestSeries" ("AddressedToId");

CREATE INDEX "IX_RequestSeries_CircleId" ON "RequestSeries" ("CircleId");

CREATE INDEX "IX_RequestSeries_RequestedById" ON "RequestSeries" ("RequestedById");

ALTER TABLE "HelpRequests" ADD COLUMN "SeriesId" TEXT NULL CONSTRAINT "FK_HelpRequests_RequestSeries_SeriesId" REFERENCES "RequestSeries" ("Id") ON DELETE SET NULL;

ALTER TABLE "HelpRequests" ADD COLUMN "OccurrenceOn" TEXT NULL;

CREATE UNIQUE INDEX "IX_HelpRequests_SeriesId_OccurrenceOn" ON "HelpRequests" ("SeriesId", "OccurrenceOn");
