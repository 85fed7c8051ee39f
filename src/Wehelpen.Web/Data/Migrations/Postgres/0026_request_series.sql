-- 0026: requests that repeat (issue 24, Features/Requests/Series): the series with its template and rule; each
-- occurrence is a help request that names its series and its date, made once per date (the unique index).
CREATE TABLE "RequestSeries" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "RequestedById" text NOT NULL,
    "Category" character varying(16) NOT NULL,
    "Title" character varying(120) NOT NULL,
    "Description" character varying(2000) NOT NULL,
    "Flexible" boolean NOT NULL,
    "StartTime" time without time zone,
    "EndTime" time without time zone,
    "Postcode" character varying(7) NOT NULL,
    "Address" character varying(200),
    "ContactPhone" character varying(30),
    "Audience" character varying(16) NOT NULL,
    "AddressedToId" text,
    "Frequency" character varying(16) NOT NULL,
    "Weekdays" integer NOT NULL,
    "DayOfMonth" integer,
    "FirstDate" date NOT NULL,
    "UntilDate" date,
    "Times" integer,
    "StoppedFrom" date,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_RequestSeries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RequestSeries_AspNetUsers_AddressedToId" FOREIGN KEY ("AddressedToId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestSeries_AspNetUsers_RequestedById" FOREIGN KEY ("RequestedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestSeries_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RequestSeries_AddressedToId" ON "RequestSeries" ("AddressedToId");

CREATE INDEX "IX_RequestSeries_CircleId" ON "RequestSeries" ("CircleId");

CREATE INDEX "IX_RequestSeries_RequestedById" ON "RequestSeries" ("RequestedById");

ALTER TABLE "HelpRequests" ADD "SeriesId" uuid;

ALTER TABLE "HelpRequests" ADD "OccurrenceOn" date;

ALTER TABLE "HelpRequests" ADD CONSTRAINT "FK_HelpRequests_RequestSeries_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "RequestSeries" ("Id") ON DELETE SET NULL;

CREATE UNIQUE INDEX "IX_HelpRequests_SeriesId_OccurrenceOn" ON "HelpRequests" ("SeriesId", "OccurrenceOn");
