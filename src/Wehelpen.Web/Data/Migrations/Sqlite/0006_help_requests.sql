-- 0006: help requests, their history, the circles' widening policies and blocked volunteers; automatic logbook entries point at their request. Generated with 'schema-script', then reviewed.
CREATE TABLE "VolunteerBlocks" (
    "CircleId" TEXT NOT NULL,
    "VolunteerId" TEXT NOT NULL,
    "BlockedById" TEXT NOT NULL,
    "BlockedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_VolunteerBlocks" PRIMARY KEY ("CircleId", "VolunteerId"),
    CONSTRAINT "FK_VolunteerBlocks_AspNetUsers_BlockedById" FOREIGN KEY ("BlockedById") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VolunteerBlocks_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_VolunteerBlocks_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "WideningPolicies" (
    "CircleId" TEXT NOT NULL CONSTRAINT "PK_WideningPolicies" PRIMARY KEY,
    "PersonHours" INTEGER NOT NULL,
    "CircleHours" INTEGER NOT NULL,
    "NeighbourhoodHours" INTEGER NOT NULL,
    "WidenToNeighbourhood" INTEGER NOT NULL,
    CONSTRAINT "FK_WideningPolicies_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "HelpRequests" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_HelpRequests" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "RequestedById" TEXT NOT NULL,
    "Category" TEXT NOT NULL,
    "Title" TEXT NOT NULL,
    "Description" TEXT NOT NULL,
    "StartsAt" INTEGER NULL,
    "EndsAt" INTEGER NOT NULL,
    "Postcode" TEXT NOT NULL,
    "Pc4" TEXT NOT NULL,
    "Latitude" REAL NOT NULL,
    "Longitude" REAL NOT NULL,
    "Address" TEXT NULL,
    "ContactPhone" TEXT NULL,
    "Audience" TEXT NOT NULL,
    "AddressedToId" TEXT NULL,
    "AudienceSince" INTEGER NOT NULL,
    "WidensAt" INTEGER NULL,
    "EscalatedAt" INTEGER NULL,
    "AppointmentId" TEXT NULL,
    "Status" TEXT NOT NULL,
    "ClaimedById" TEXT NULL,
    "ClaimedAt" INTEGER NULL,
    "ClosedAt" INTEGER NULL,
    "HelperConfirmed" INTEGER NULL,
    "RequesterConfirmed" INTEGER NULL,
    "CreatedAt" INTEGER NOT NULL,
    "Version" INTEGER NOT NULL,
    CONSTRAINT "FK_HelpRequests_Appointments_AppointmentId" FOREIGN KEY ("AppointmentId") REFERENCES "Appointments" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_HelpRequests_AspNetUsers_AddressedToId" FOREIGN KEY ("AddressedToId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_HelpRequests_AspNetUsers_ClaimedById" FOREIGN KEY ("ClaimedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_HelpRequests_AspNetUsers_RequestedById" FOREIGN KEY ("RequestedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_HelpRequests_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "RequestEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_RequestEvents" PRIMARY KEY AUTOINCREMENT,
    "RequestId" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "ActorId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Audience" TEXT NULL,
    "Reason" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_RequestEvents_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_HelpRequests_AddressedToId" ON "HelpRequests" ("AddressedToId");

CREATE INDEX "IX_HelpRequests_AppointmentId" ON "HelpRequests" ("AppointmentId");

CREATE INDEX "IX_HelpRequests_CircleId_CreatedAt" ON "HelpRequests" ("CircleId", "CreatedAt");

CREATE INDEX "IX_HelpRequests_ClaimedById" ON "HelpRequests" ("ClaimedById");

CREATE INDEX "IX_HelpRequests_RequestedById" ON "HelpRequests" ("RequestedById");

CREATE INDEX "IX_HelpRequests_Status_Audience_Latitude" ON "HelpRequests" ("Status", "Audience", "Latitude");

CREATE INDEX "IX_HelpRequests_Status_EndsAt" ON "HelpRequests" ("Status", "EndsAt");

CREATE INDEX "IX_HelpRequests_Status_WidensAt" ON "HelpRequests" ("Status", "WidensAt");

CREATE INDEX "IX_RequestEvents_RequestId" ON "RequestEvents" ("RequestId");

CREATE INDEX "IX_VolunteerBlocks_BlockedById" ON "VolunteerBlocks" ("BlockedById");

CREATE INDEX "IX_VolunteerBlocks_VolunteerId" ON "VolunteerBlocks" ("VolunteerId");

ALTER TABLE "LogbookEntries" ADD COLUMN "RequestId" TEXT NULL CONSTRAINT "FK_LogbookEntries_HelpRequests_RequestId" REFERENCES "HelpRequests" ("Id") ON DELETE SET NULL;

CREATE INDEX "IX_LogbookEntries_RequestId" ON "LogbookEntries" ("RequestId");
