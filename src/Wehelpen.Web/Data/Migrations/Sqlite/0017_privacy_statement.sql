-- 0017: which version of the privacy statement a person accepted when they registered, and when
-- (Features/Privacy/Statement). Accounts made before stay without (null).
ALTER TABLE "AspNetUsers" ADD COLUMN "PrivacyStatementVersion" TEXT NULL;
ALTER TABLE "AspNetUsers" ADD COLUMN "PrivacyStatementAcceptedAt" INTEGER NULL;
