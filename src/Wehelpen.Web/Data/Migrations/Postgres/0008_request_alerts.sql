-- 0008: which volunteers matching asked about which neighbourhood request, in which wave and why; an index for counting a volunteer's claims. Generated with 'schema-script', then reviewed.
CREATE TABLE "RequestAlerts" (
    "Id" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "VolunteerId" text NOT NULL,
    "Wave" integer NOT NULL,
    "AlertedAt" timestamp with time zone NOT NULL,
    "Score" double precision NOT NULL,
    "DistanceMetres" double precision NOT NULL,
    "Widened" boolean NOT NULL,
    CONSTRAINT "PK_RequestAlerts" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_RequestAlerts_AspNetUsers_VolunteerId" FOREIGN KEY ("VolunteerId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_RequestAlerts_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "IX_RequestAlerts_RequestId_VolunteerId" ON "RequestAlerts" ("RequestId", "VolunteerId");

CREATE INDEX "IX_RequestAlerts_VolunteerId_AlertedAt" ON "RequestAlerts" ("VolunteerId", "AlertedAt");

CREATE INDEX "IX_RequestEvents_ActorId_Change" ON "RequestEvents" ("ActorId", "Change");
