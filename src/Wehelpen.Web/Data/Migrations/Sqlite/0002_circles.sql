-- 0002: care circles, their members, invitations and the history of membership. Generated with 'schema-script', then reviewed.
CREATE TABLE "Circles" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Circles" PRIMARY KEY,
    "Name" TEXT NOT NULL,
    "ResidentName" TEXT NOT NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL
);

CREATE TABLE "CircleInvitations" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_CircleInvitations" PRIMARY KEY,
    "CircleId" TEXT NOT NULL,
    "Token" TEXT NOT NULL,
    "Code" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "MaxUses" INTEGER NOT NULL,
    "Uses" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "RevokedAt" INTEGER NULL,
    "CreatedById" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_CircleInvitations_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CircleMembers" (
    "CircleId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "Role" TEXT NOT NULL,
    "JoinedAt" INTEGER NOT NULL,
    CONSTRAINT "PK_CircleMembers" PRIMARY KEY ("CircleId", "UserId"),
    CONSTRAINT "FK_CircleMembers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CircleMembers_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "MembershipEvents" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_MembershipEvents" PRIMARY KEY AUTOINCREMENT,
    "CircleId" TEXT NOT NULL,
    "Change" TEXT NOT NULL,
    "SubjectUserId" TEXT NULL,
    "SubjectName" TEXT NOT NULL,
    "ActorUserId" TEXT NULL,
    "ActorName" TEXT NOT NULL,
    "Role" TEXT NULL,
    "At" INTEGER NOT NULL,
    CONSTRAINT "FK_MembershipEvents_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CircleInvitations_CircleId" ON "CircleInvitations" ("CircleId");

CREATE UNIQUE INDEX "IX_CircleInvitations_Code" ON "CircleInvitations" ("Code");

CREATE UNIQUE INDEX "IX_CircleInvitations_Token" ON "CircleInvitations" ("Token");

CREATE UNIQUE INDEX "IX_CircleMembers_OneResident" ON "CircleMembers" ("CircleId") WHERE "Role" = 'Resident';

CREATE INDEX "IX_CircleMembers_UserId" ON "CircleMembers" ("UserId");

CREATE INDEX "IX_MembershipEvents_CircleId_At" ON "MembershipEvents" ("CircleId", "At");
