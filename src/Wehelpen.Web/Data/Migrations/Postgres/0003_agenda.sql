-- 0003: the agenda: appointments (in Amsterdam wall-clock time), who goes along per occurrence, and each person's
-- private calendar feed token. Generated with 'schema-script', then reviewed.
CREATE TABLE "CalendarFeeds" (
    "UserId" text NOT NULL,
    "Token" character varying(64) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_CalendarFeeds" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_CalendarFeeds_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Appointments" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "Title" character varying(120) NOT NULL,
    "Place" character varying(200),
    "Notes" character varying(2000),
    "StartDate" date NOT NULL,
    "StartTime" time without time zone NOT NULL,
    "EndTime" time without time zone NOT NULL,
    "RepeatsWeekly" boolean NOT NULL,
    "RepeatUntil" date,
    "FirstStartUtc" timestamp with time zone NOT NULL,
    "LastEndUtc" timestamp with time zone,
    "CreatedById" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Appointments" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Appointments_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "AppointmentCompanions" (
    "AppointmentId" uuid NOT NULL,
    "OccurrenceDate" date NOT NULL,
    "UserId" text NOT NULL,
    "OccurrenceStartUtc" timestamp with time zone NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_AppointmentCompanions" PRIMARY KEY ("AppointmentId", "OccurrenceDate", "UserId"),
    CONSTRAINT "FK_AppointmentCompanions_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_AppointmentCompanions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_AppointmentCompanions_UserId_OccurrenceStartUtc" ON "AppointmentCompanions" ("UserId", "OccurrenceStartUtc");

CREATE INDEX "IX_Appointments_CircleId_FirstStartUtc" ON "Appointments" ("CircleId", "FirstStartUtc");

CREATE UNIQUE INDEX "IX_CalendarFeeds_Token" ON "CalendarFeeds" ("Token");
