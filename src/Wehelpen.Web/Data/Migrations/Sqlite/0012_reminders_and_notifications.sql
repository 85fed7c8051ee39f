-- 0012: reminders (one row per reminder and person, unique by key), the notification centre with its mail outbox, each person's notification settings, and the helper's "ja, ik kom" on a claimed request. Generated with 'schema-script', then reviewed.

CREATE TABLE "Notifications" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Notifications" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "Data" TEXT NOT NULL,
    "Link" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "ReadAt" INTEGER NULL,
    "Email" TEXT NOT NULL,
    "EmailAttempts" INTEGER NOT NULL,
    "EmailAt" INTEGER NULL,
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NotificationSettings" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_NotificationSettings" PRIMARY KEY,
    "AppointmentOffsets" TEXT NOT NULL,
    "AppointmentScope" TEXT NOT NULL,
    "TaskReminders" INTEGER NOT NULL,
    "Email" INTEGER NOT NULL,
    "Digest" TEXT NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Reminders" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_Reminders" PRIMARY KEY,
    "Key" TEXT NOT NULL,
    "Kind" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "SubjectId" TEXT NOT NULL,
    "EventAt" INTEGER NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "Status" TEXT NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "HandledAt" INTEGER NULL,
    "Outcome" TEXT NULL,
    CONSTRAINT "FK_Reminders_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Notifications_Email_EmailAt" ON "Notifications" ("Email", "EmailAt");

CREATE UNIQUE INDEX "IX_Notifications_SourceKey" ON "Notifications" ("SourceKey");

CREATE INDEX "IX_Notifications_UserId_CreatedAt" ON "Notifications" ("UserId", "CreatedAt");

CREATE INDEX "IX_Notifications_UserId_ReadAt" ON "Notifications" ("UserId", "ReadAt");

CREATE INDEX "IX_NotificationSettings_Digest" ON "NotificationSettings" ("Digest");

CREATE UNIQUE INDEX "IX_Reminders_Key" ON "Reminders" ("Key");

CREATE INDEX "IX_Reminders_Status_DueAt" ON "Reminders" ("Status", "DueAt");

CREATE INDEX "IX_Reminders_SubjectId_Status" ON "Reminders" ("SubjectId", "Status");

CREATE INDEX "IX_Reminders_UserId" ON "Reminders" ("UserId");

ALTER TABLE "HelpRequests" ADD "ComingConfirmedAt" INTEGER NULL;
