-- 0013: several nodes. The Data Protection key ring (login cookies, bearer tokens, signed links) in the database
-- instead of a folder of the machine, so that it survives a new machine; on PostgreSQL every node shares it (the
-- nodes' bus and presence tables exist only there). Generated with 'schema-script', then reviewed.

CREATE TABLE "DataProtectionKeys" (
    "Id" INTEGER NOT NULL CONSTRAINT "PK_DataProtectionKeys" PRIMARY KEY AUTOINCREMENT,
    "FriendlyName" TEXT NULL,
    "Xml" TEXT NULL
);
