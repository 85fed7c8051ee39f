-- 0004: notes (shared pages of a circle) and every revision of them. Generated with 'schema-script', then reviewed.
CREATE TABLE "Notes" (
    "Id" uuid NOT NULL,
    "CircleId" uuid NOT NULL,
    "Title" character varying(120) NOT NULL,
    "Text" text NOT NULL,
    "Revision" integer NOT NULL,
    "CreatedById" text NOT NULL,
    "CreatedAt" timestamp with time zone NOT NULL,
    "ChangedById" text NOT NULL,
    "ChangedByName" character varying(80) NOT NULL,
    "ChangedAt" timestamp with time zone NOT NULL,
    "DeletedAt" timestamp with time zone,
    "DeletedById" text,
    CONSTRAINT "PK_Notes" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Notes_Circles_CircleId" FOREIGN KEY ("CircleId") REFERENCES "Circles" ("Id") ON DELETE CASCADE
);

CREATE TABLE "NoteRevisions" (
    "NoteId" uuid NOT NULL,
    "Number" integer NOT NULL,
    "Title" character varying(120) NOT NULL,
    "Text" text NOT NULL,
    "AuthorId" text NOT NULL,
    "AuthorName" character varying(80) NOT NULL,
    "SavedAt" timestamp with time zone NOT NULL,
    "RestoredFrom" integer,
    CONSTRAINT "PK_NoteRevisions" PRIMARY KEY ("NoteId", "Number"),
    CONSTRAINT "FK_NoteRevisions_Notes_NoteId" FOREIGN KEY ("NoteId") REFERENCES "Notes" ("Id") ON DELETE CASCADE
);

CREATE INDEX "IX_Notes_CircleId_ChangedAt" ON "Notes" ("CircleId", "ChangedAt");
