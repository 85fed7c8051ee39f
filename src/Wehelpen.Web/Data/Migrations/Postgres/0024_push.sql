-- 0024: pushes to a person's devices (issue 23, Features/Push): the devices with pushes on (PushSubscriptions, one row
-- per browser, its push address unique), their quiet hours (PushSettings), and the push outbox (PushDeliveries: one
-- message per device and cause, unique, claimed by the sender by State and DueAt). Generated with 'schema-script'.
CREATE TABLE "PushSettings" (
    "UserId" text NOT NULL,
    "QuietFromMinute" integer,
    "QuietUntilMinute" integer,
    "ChatPreview" boolean NOT NULL,
    "UpdatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PushSettings" PRIMARY KEY ("UserId"),
    CONSTRAINT "FK_PushSettings_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PushSubscriptions" (
    "Id" uuid NOT NULL,
    "UserId" text NOT NULL,
    "Endpoint" character varying(1000) NOT NULL,
    "P256dh" character varying(100) NOT NULL,
    "Auth" character varying(50) NOT NULL,
    "Browser" character varying(40),
    "System" character varying(40),
    "CreatedAt" timestamp with time zone NOT NULL,
    "LastPushedAt" timestamp with time zone,
    CONSTRAINT "PK_PushSubscriptions" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PushSubscriptions_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE
);

CREATE TABLE "PushDeliveries" (
    "Id" uuid NOT NULL,
    "SubscriptionId" uuid NOT NULL,
    "UserId" text NOT NULL,
    "SourceKey" character varying(200) NOT NULL,
    "Payload" character varying(3000) NOT NULL,
    "Urgent" boolean NOT NULL,
    "State" character varying(16) NOT NULL,
    "Attempts" integer NOT NULL,
    "DueAt" timestamp with time zone NOT NULL,
    "ExpiresAt" timestamp with time zone NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_PushDeliveries" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_PushDeliveries_PushSubscriptions_SubscriptionId" FOREIGN KEY ("SubscriptionId") REFERENCES "PushSubscriptions" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_PushDeliveries_State_DueAt" ON "PushDeliveries" ("State", "DueAt");

CREATE UNIQUE INDEX "IX_PushDeliveries_SubscriptionId_SourceKey" ON "PushDeliveries" ("SubscriptionId", "SourceKey");

CREATE INDEX "IX_PushDeliveries_UserId" ON "PushDeliveries" ("UserId");

CREATE UNIQUE INDEX "IX_PushSubscriptions_Endpoint" ON "PushSubscriptions" ("Endpoint");

CREATE INDEX "IX_PushSubscriptions_UserId" ON "PushSubscriptions" ("UserId");
