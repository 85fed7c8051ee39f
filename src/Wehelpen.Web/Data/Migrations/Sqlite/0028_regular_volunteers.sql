-- 0028: regular volunteers (issue 24, Features/Requests/Series/Regulars): a volunteer's offer to take a series (or
-- some of its weekdays) on, the circle's answer, and its end. Generated with 'schema-script'.
CREATE TABLE "RegularVolunteers" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_RegularVolunteers" PRIMARY KEY,
    "SeriesId" TEXT NOT NULL,
    "CircleId" TEXT NOT NULL,
    "VolunteerId" TEXT NOT NULL,
    "Weekdays" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "OfferedAt" INTEGER NOT NULL,
    "AnsweredAt" INTEGER NULL,
    "EndedAt" INTEGER NULL,
    "EndedBy" TEXT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_RegularVolunteers_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RegularVolunteers_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_RegularVolunteers_RequestSeries_SeriesId" FOREIGN KEY ("SeriesId") REFERENCES "RequestSeries" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_RegularVolunteers_CircleId" ON "RegularVolunteers" ("CircleId");

CREATE INDEX "IX_RegularVolunteers_SeriesId_Status" ON "RegularVolunteers" ("SeriesId", "Status");

CREATE INDEX "IX_RegularVolunteers_VolunteerId_Status" ON "RegularVolunteers" ("VolunteerId", "Status");

