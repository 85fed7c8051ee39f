-- 0028: regular volunteers (issue 24, Features/Requests/Series/Regulars): a volunteer's offer to take a series (or
-- some of its weekdays) on, the circle's answer, and its end. Generated with 'schema-script'.
CREATE TABLE "RegularVolunteers" (
    "Id" uuid NOT NULL,
    "SeriesId" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "VolunteerId" text NOT NULL,
    "Weekdays" integer NOT NULL,
    "Status" character varying(16) NOT NULL,
    "OfferedAt" timestamp with time zone NOT NULL,
    "AnsweredAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "EndedBy" character varying(16),
    "Version" integer NOT NULL,
    CONSTRAINT "PK_RegularVolunteers" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RegularVolunteers_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegularVolunteers_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegularVolunteers_RequestSeries_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "RequestSeries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RegularVolunteers_CircleId" ON "RegularVolunteers" ("CircleId");

CREATE INDEX "IX_RegularVolunteers_SeriesId_Status" ON "RegularVolunteers" ("SeriesId", "Status");

CREATE INDEX "IX_RegularVolunteers_VolunteerId_Status" ON "RegularVolunteers" ("VolunteerId", "Status");

