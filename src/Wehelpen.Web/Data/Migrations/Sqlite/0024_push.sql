-- 0024: pushes to a person's devices (issue 23, Features/Push): the devices with pushes on (PushSubscriptions, one row
-- per browser, its push address unique), their quiet hours (PushSettings), and the push outbox (PushDeliveries: one
-- message per device and cause, unique, claimed by the sender by State and DueAt). Generated with 'schema-script'.
CREATE TABLE "PushSettings" (
    "UserId" TEXT NOT NULL CONSTRAINT "PK_PushSettings" PRIMARY KEY,
    "QuietFromMinute" INTEGER NULL,
    "QuietUntilMinute" INTEGER NULL,
    "ChatPreview" INTEGER NOT NULL,
    "UpdatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PushSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PushSubscriptions" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PushSubscriptions" PRIMARY KEY,
    "UserId" TEXT NOT NULL,
    "Endpoint" TEXT NOT NULL,
    "P256dh" TEXT NOT NULL,
    "Auth" TEXT NOT NULL,
    "Browser" TEXT NULL,
    "System" TEXT NULL,
    "CreatedAt" INTEGER NOT NULL,
    "LastPushedAt" INTEGER NULL,
    CONSTRAINT "FK_PushSubscriptions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PushDeliveries" (
    "Id" TEXT NOT NULL CONSTRAINT "PK_PushDeliveries" PRIMARY KEY,
    "SubscriptionId" TEXT NOT NULL,
    "UserId" TEXT NOT NULL,
    "SourceKey" TEXT NOT NULL,
    "Payload" TEXT NOT NULL,
    "Urgent" INTEGER NOT NULL,
    "State" TEXT NOT NULL,
    "Attempts" INTEGER NOT NULL,
    "DueAt" INTEGER NOT NULL,
    "ExpiresAt" INTEGER NOT NULL,
    "CreatedAt" INTEGER NOT NULL,
    CONSTRAINT "FK_PushDeliveries_PushSubscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "PushSubscriptions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PushDeliveries_State_DueAt" ON "PushDeliveries" ("State", "DueAt");

CREATE UNIQUE INDEX "IX_PushDeliveries_SubscriptionId_SourceKey" ON "PushDeliveries" ("SubscriptionId", "SourceKey");

CREATE INDEX "IX_PushDeliveries_UserId" ON "PushDeliveries" ("UserId");

CREATE UNIQUE INDEX "IX_PushSubscriptions_Endpoint" ON "PushSubscriptions" ("Endpoint");

CREATE INDEX "IX_PushSubscriptions_UserId" ON "PushSubscriptions" ("UserId");
