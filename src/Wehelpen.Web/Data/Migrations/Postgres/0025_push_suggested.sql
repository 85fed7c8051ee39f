-- 0025: when the app once suggested turning pushes on, after a person's first claim (issue 23, Features/Push), so it
-- asks only once.
ALTER TABLE "PushSettings" ADD "SuggestedAt" timestamp with time zone;
