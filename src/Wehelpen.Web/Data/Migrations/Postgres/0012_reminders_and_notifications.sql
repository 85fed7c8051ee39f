-- 0012: reminders (one row per reminder and person, unique by key), the notification centre with its mail outbox, each person's notification settings, and the helper's "ja, ik kom" on a claimed request. Generated with 'schema-script', then reviewed.

CREATE TABLE "Notifications" (
    "Id" uuid NOT NULL,
    "UserId" text NOT NULL,
    "Kind" character varying(32) NOT NULL,
    "Data" character varying(4000) NOT NULL,
    "Link" character varying(300) NOT NULL,
    "SourceKey" character varying(200) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ReadAt" timestamp with time zone,
    "Email" character varying(16) NOT NULL,
    "EmailAttempts" integer NOT NULL,
    "EmailAt" timestamp with time zone,
    CONSTRAINT "PK_Notifications" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notifications_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NotificationSettings" (
    "UserId" text NOT NULL,
    "AppointmentOffsets" character varying(100) NOT NULL,
    "AppointmentScope" character varying(16) NOT NULL,
    "TaskReminders" boolean NOT NULL,
    "Email" boolean NOT NULL,
    "Digest" character varying(16) NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_NotificationSettings" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_NotificationSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "Reminders" (
    "Id" uuid NOT NULL,
    "Key" character varying(200) NOT NULL,
    "Kind" character varying(24) NOT NULL,
    "UserId" text NOT NULL,
    "SubjectId" uuid NOT NULL,
    "EventAt" timestamp with time zone NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "Status" character varying(16) NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "HandledAt" timestamp with time zone,
    "Outcome" character varying(200),
    CONSTRAINT "PK_Reminders" PRIMARY KEY ("Id"),
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

ALTER TABLE "HelpRequests" ADD "ComingConfirmedAt" timestamp with time zone;
