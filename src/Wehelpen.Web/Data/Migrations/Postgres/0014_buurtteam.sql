-- 0014: the buurtteam. Professionals' gebieden (asked for, approved by an admin) and work details, and a circle's
-- invitations of a klanthouder (the record of consent), who then is the circle's one CaseHolder member. Generated with
-- 'schema-script', then reviewed.

CREATE TABLE "ProfessionalAreas" (
    "UserId" text NOT NULL,
    "AreaCode" character varying(48) NOT NULL,
    "RequestedAt" timestamp with time zone NOT NULL,
    "ApprovedAt" timestamp with time zone,
    "ApprovedById" text,
    CONSTRAINT "PK_ProfessionalAreas" PRIMARY KEY ("UserId", "AreaCode"),
    CONSTRAINT "FK_ProfessionalAreas_AspNetUsers_ApprovedById" FOREIGN KEY ("ApprovedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_ProfessionalAreas_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ProfessionalProfiles" (
    "UserId" text NOT NULL,
    "Organisation" character varying(120) NOT NULL,
    "WorkPhone" character varying(30),
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ProfessionalProfiles" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_ProfessionalProfiles_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "CaseHolderInvitations" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "ProfessionalId" text NOT NULL,
    "InvitedById" text NOT NULL,
    "Message" character varying(500),
    "InvitedAt" timestamp with time zone NOT NULL,
    "AcceptedAt" timestamp with time zone,
    "DeclinedAt" timestamp with time zone,
    "EndedAt" timestamp with time zone,
    "EndedById" text,
    CONSTRAINT "PK_CaseHolderInvitations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_CaseHolderInvitations_AspNetUsers_EndedById" FOREIGN KEY ("EndedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_CaseHolderInvitations_AspNetUsers_InvitedById" FOREIGN KEY ("InvitedById") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_CaseHolderInvitations_AspNetUsers_ProfessionalId" FOREIGN KEY ("ProfessionalId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_CaseHolderInvitations_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_CaseHolderInvitations_CircleId_InvitedAt" ON "CaseHolderInvitations" ("CircleId", "InvitedAt");

CREATE INDEX "IX_CaseHolderInvitations_EndedById" ON "CaseHolderInvitations" ("EndedById");

CREATE INDEX "IX_CaseHolderInvitations_InvitedById" ON "CaseHolderInvitations" ("InvitedById");

CREATE INDEX "IX_CaseHolderInvitations_ProfessionalId_AcceptedAt" ON "CaseHolderInvitations" ("ProfessionalId", "AcceptedAt");

CREATE INDEX "IX_ProfessionalAreas_ApprovedAt" ON "ProfessionalAreas" ("ApprovedAt");

CREATE INDEX "IX_ProfessionalAreas_ApprovedById" ON "ProfessionalAreas" ("ApprovedById");

CREATE UNIQUE INDEX "IX_CircleMembers_OneCaseHolder" ON "CircleMembers" ("CircleId") WHERE "Role" = 'CaseHolder';
