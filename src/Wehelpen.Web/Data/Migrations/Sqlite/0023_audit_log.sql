-- 0023: the audit log (issue 20, Platform/Audit): who did which administrative action (approving a professional's
-- gebied, running a job, editing the social map, handling a report, the buurtteam's actions on requests and circles),
-- on what, when, and from which client address. Codes and ids only, no texts. Newest first a page at a time (At, Id),
-- filtered by action or by person on indexes of their own. Generated with 'schema-script', then reviewed.

CREATE TABLE "AuditLog" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_AuditLog" PRIMARY KEY AUTOINCREMENT,
    "ActorId" TEXT NOT NULL,
    "Action" TEXT NOT NULL,
    "TargetKind" TEXT NOT NULL,
    "TargetId" TEXT NOT NULL,
    "SubjectId" TEXT NULL,
    "At" INTEGER NOT NULL,
    "ClientAddress" TEXT NULL
);

CREATE INDEX "IX_AuditLog_Action_At_Id" ON "AuditLog" ("Action", "At", "Id");

CREATE INDEX "IX_AuditLog_ActorId_At_Id" ON "AuditLog" ("ActorId", "At", "Id");

CREATE INDEX "IX_AuditLog_At_Id" ON "AuditLog" ("At", "Id");

CREATE INDEX "IX_AuditLog_SubjectId" ON "AuditLog" ("SubjectId");
