-- Volunteers may choose postcode areas to help in instead of a radius around home (issue 5).
ALTER TABLE "VolunteerProfiles" ADD COLUMN "ServiceAreas" TEXT NULL;
