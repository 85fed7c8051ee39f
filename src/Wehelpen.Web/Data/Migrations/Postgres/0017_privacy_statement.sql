-- 0017: which version of the privacy statement a person accepted when they registered, and when
-- (Features/Privacy/Statement). Accounts made before stay without (null).
ALTER TABLE "AspNetUsers" ADD COLUMN "PrivacyStatementVersion" character varying(20);
ALTER TABLE "AspNetUsers" ADD COLUMN "PrivacyStatementAcceptedAt" timestamp with time zone;
