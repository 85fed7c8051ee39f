-- 0010: chat: a circle's own conversation and the thread of each claimed request, numbered per thread without gaps; how far each person has read; every existing circle gets its chat. Generated with 'schema-script', then reviewed.
CREATE TABLE "ChatThreads" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "RequestId" uuid,
    "HelperId" text,
    "LastSeq" bigint NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ChatThreads" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_ChatThreads_AspNetUsers_HelperId" FOREIGN KEY ("HelperId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChatThreads_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ChatThreads_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChatMessages" (
    "ThreadId" uuid NOT NULL,
    "Seq" bigint NOT NULL,
    "AuthorId" text NOT NULL,
    "Text" character varying(2000) NOT NULL,
    "ClientMessageId" character varying(64) NOT NULL,
    "SentAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_ChatMessages" PRIMARY KEY ("ThreadId", "Seq"),
    CONSTRAINT "FK_ChatMessages_AspNetUsers_AuthorId" FOREIGN KEY ("AuthorId") REFERENCES "AspNetUsers" ("Id") ON DELETE RESTRICT,
    CONSTRAINT "FK_ChatMessages_ChatThreads_ThreadId" FOREIGN KEY ("ThreadId") REFERENCES "ChatThreads" ("Id") ON DELETE CASCADE
);

CREATE TABLE "ChatReadMarkers" (
    "ThreadId" uuid NOT NULL,
    "UserId" text NOT NULL,
    "LastReadSeq" bigint NOT NULL,
    CONSTRAINT "PK_ChatReadMarkers" PRIMARY KEY ("ThreadId", "UserId"),
    CONSTRAINT "FK_ChatReadMarkers_AspNetUsers_UserId" FOREIGN KEY ("UserId") REFERENCES "AspNetUsers" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_ChatReadMarkers_ChatThreads_ThreadId" FOREIGN KEY ("ThreadId") REFERENCES "ChatThreads" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_ChatMessages_AuthorId" ON "ChatMessages" ("AuthorId");

CREATE UNIQUE INDEX "IX_ChatMessages_ThreadId_AuthorId_ClientMessageId" ON "ChatMessages" ("ThreadId", "AuthorId", "ClientMessageId");

CREATE INDEX "IX_ChatReadMarkers_UserId" ON "ChatReadMarkers" ("UserId");

CREATE INDEX "IX_ChatThreads_CircleId" ON "ChatThreads" ("CircleId");

CREATE INDEX "IX_ChatThreads_HelperId" ON "ChatThreads" ("HelperId");

CREATE UNIQUE INDEX "IX_ChatThreads_RequestId_HelperId" ON "ChatThreads" ("RequestId", "HelperId");

-- A circle's chat is made with the circle; the circles made before this migration get theirs here.
INSERT INTO "ChatThreads" ("Id", "CircleId", "RequestId", "HelperId", "LastSeq", "CreatedAt")
SELECT "Id", "Id", NULL, NULL, 0, "CreatedAt" FROM "Circles";
