-- 0003: the agenda: appointments (in Amsterdam wall-clock time), who goes along per occurrence, and each person's
-- private calendar feed token. Generated with 'schema-script', then reviewed.
CREATE TABLE "CalendarFeeds" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY,
    "Token" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Appointments" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Appointments" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Place" TEXT NULL,
    "Notes" TEXT NULL,
    "StartDate" TEXT NOT NULL,
    "StartTime" TEXT NOT NULL,
    "EndTime" TEXT NOT NULL,
    "RepeatsWeekly" INTEGER NOT NULL,
    "RepeatUntil" TEXT NULL,
    "FirstStartUtc" INTEGER NOT NULL,
    "LastEndUtc" INTEGER NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_Appointments_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppointmentCompanions" (
    "AppointmentId" TEXT NOT NULL,
    "OccurrenceDate" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "OccurrenceStartUtc" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_AppointmentCompanions" PRIMARY KEY ("AppointmentId", "OccurrenceDate", "UserId"),
    CONSTRAINT "FK_AppointmentCompanions_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AppointmentCompanions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppointmentCompanions_UserId_OccurrenceStartUtc" ON "AppointmentCompanions" ("UserId", "OccurrenceStartUtc");

CREATE INDEX "IX_Appointments_CircleId_FirstStartUtc" ON "Appointments" ("CircleId", "FirstStartUtc");

CREATE UNIQUE INDEX "IX_CalendarFeeds_Token" ON "CalendarFeeds" ("Token");
