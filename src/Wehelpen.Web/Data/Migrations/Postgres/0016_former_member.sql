-- 0016: the former member (Platform/PersonalData/FormerMember.cs). What an erased person wrote in someone else's
-- circle stays for that circle and is attributed to this one row: no name, no address, no password, never able to
-- sign in (locked out for good), shared by every erased person.
INSERT INTO "AspNetUsers" ("Id", "DisplayName", "PreferredLanguage", "CreatedAt", "EmailConfirmed", "SecurityStamp",
    "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnd", "LockoutEnabled", "AccessFailedCount")
VALUES ('former-member', '', 'nl', '0001-01-01 00:00:00+00', false, 'former-member-never-signs-in', 'former-member', false, false,
    '9999-12-31 00:00:00+00', true, 0);
