-- 0015: the social map (sociale kaart). The organisations per stadsdeel (admins edit them; a concurrency version
-- keeps two admins from overwriting each other) and the referrals of escalated requests to them. A referral keeps
-- the organisation's name, so deleting an organisation sets its link to null and loses no history. Generated with
-- 'schema-script', then reviewed; the seed below is written by hand.

CREATE TABLE "Organisations" (
    "Id" uuid NOT NULL,
    "StadsdeelCode" character varying(16) NOT NULL,
    "Name" character varying(120) NOT NULL,
    "Kind" character varying(24) NOT NULL,
    "IsAllianceLead" boolean NOT NULL,
    "WhatTheyDo" character varying(1000) NOT NULL,
    "Phone" character varying(30),
    "Email" character varying(254),
    "Website" character varying(300),
    "Address" character varying(200),
    "OpeningHours" character varying(300),
    "Notes" character varying(1000),
    "UpdatedAt" timestamp with time zone,
    "UpdatedById" text,
    "Version" integer NOT NULL,
    CONSTRAINT "PK_Organisations" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Organisations_AspNetUsers_UpdatedById" FOREIGN KEY ("UpdatedById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL
);

CREATE TABLE "Referrals" (
    "Id" uuid NOT NULL,
    "RequestId" uuid NOT NULL,
    "OrganisationId" uuid,
    "OrganisationName" character varying(120) NOT NULL,
    "ReferredById" text,
    "ReferredByName" character varying(80) NOT NULL,
    "Note" character varying(1000),
    "CreatedAt" timestamp with time zone NOT NULL,
    CONSTRAINT "PK_Referrals" PRIMARY KEY ("Id"),
    CONSTRAINT "FK_Referrals_AspNetUsers_ReferredById" FOREIGN KEY ("ReferredById") REFERENCES "AspNetUsers" ("Id") ON DELETE SET NULL,
    CONSTRAINT "FK_Referrals_HelpRequests_RequestId" FOREIGN KEY ("RequestId") REFERENCES "HelpRequests" ("Id") ON DELETE CASCADE,
    CONSTRAINT "FK_Referrals_Organisations_OrganisationId" FOREIGN KEY ("OrganisationId") REFERENCES "Organisations" ("Id") ON DELETE SET NULL
);

CREATE INDEX "IX_Organisations_StadsdeelCode" ON "Organisations" ("StadsdeelCode");
CREATE INDEX "IX_Organisations_UpdatedById" ON "Organisations" ("UpdatedById");
CREATE INDEX "IX_Referrals_OrganisationId" ON "Referrals" ("OrganisationId");
CREATE INDEX "IX_Referrals_ReferredById" ON "Referrals" ("ReferredById");
CREATE INDEX "IX_Referrals_RequestId_CreatedAt" ON "Referrals" ("RequestId", "CreatedAt");

-- The six wijkzorg alliances of ../shared/seeds/003_82600f19954be80e.txt, the trekker first; fixed ids, so this runs once
-- and what admins change or delete later stands. Only what that text says: no phone numbers, addresses or
-- websites (admins fill them in), and nothing for Nieuw-West and Weesp, which the text does not list.
INSERT INTO "Organisations" ("Id", "StadsdeelCode", "Name", "Kind", "IsAllianceLead", "WhatTheyDo", "Version") VALUES
    ('00150000-0000-4000-8000-000000000101', 'noord', 'Doras', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie Noord.', 0),
    ('00150000-0000-4000-8000-000000000102', 'noord', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Noord; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000103', 'noord', 'Cordaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Noord.', 0),
    ('00150000-0000-4000-8000-000000000104', 'noord', 'HVO-Querido', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Noord.', 0),
    ('00150000-0000-4000-8000-000000000105', 'noord', 'Evean', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Noord.', 0),
    ('00150000-0000-4000-8000-000000000106', 'noord', 'Amstelring', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Noord.', 0),
    ('00150000-0000-4000-8000-000000000201', 'zuid', 'Puur Zuid', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000202', 'zuid', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000203', 'zuid', 'Cordaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000204', 'zuid', 'HVO-Querido', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000205', 'zuid', 'Particura', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000206', 'zuid', 'Philadelphia', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000207', 'zuid', 'Dynamo', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuid.', 0),
    ('00150000-0000-4000-8000-000000000301', 'oost', 'Civic', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000302', 'oost', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000303', 'oost', 'Dynamo', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000304', 'oost', 'ZGAO', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000305', 'oost', 'Philadelphia', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000306', 'oost', 'Zonzorg', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000307', 'oost', 'HVO-Querido', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Oost.', 0),
    ('00150000-0000-4000-8000-000000000401', 'west', 'Combiwel', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000402', 'west', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000403', 'west', 'Amsta', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000404', 'west', 'Amstelring', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000405', 'west', 'Cordaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000406', 'west', 'de Volksbond', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000407', 'west', 'Arkin', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie West.', 0),
    ('00150000-0000-4000-8000-000000000501', 'zuidoost', 'Madizo', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie Zuidoost.', 0),
    ('00150000-0000-4000-8000-000000000502', 'zuidoost', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuidoost; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000503', 'zuidoost', 'Cordaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuidoost.', 0),
    ('00150000-0000-4000-8000-000000000504', 'zuidoost', 'Amstelring', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuidoost.', 0),
    ('00150000-0000-4000-8000-000000000505', 'zuidoost', 'de Volksbond', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuidoost.', 0),
    ('00150000-0000-4000-8000-000000000506', 'zuidoost', 'Amsta', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Zuidoost.', 0),
    ('00150000-0000-4000-8000-000000000601', 'centrum', 'Centram', 'AlliancePartner', TRUE, 'Trekker van de wijkzorgalliantie Centrum.', 0),
    ('00150000-0000-4000-8000-000000000602', 'centrum', 'MEE Amstel en Zaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Centrum; cliëntondersteuning.', 0),
    ('00150000-0000-4000-8000-000000000603', 'centrum', 'Cordaan', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Centrum.', 0),
    ('00150000-0000-4000-8000-000000000604', 'centrum', 'de Regenboog Groep', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Centrum.', 0),
    ('00150000-0000-4000-8000-000000000605', 'centrum', 'de Volksbond', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Centrum.', 0),
    ('00150000-0000-4000-8000-000000000606', 'centrum', 'Arkin', 'AlliancePartner', FALSE, 'Partner in de wijkzorgalliantie Centrum.', 0);
