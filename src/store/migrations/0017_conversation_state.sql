-- Hand-written (issue 13, decision 0015): what a conversation remembers between messages (the
-- agents it was about, the question its last reply asked in words), so a follow-up resolves
-- against data, not against the text of earlier replies. Numbered 0017: 0016 is one-off runs.
ALTER TABLE "conversations" ADD COLUMN "state" jsonb DEFAULT '{}'::jsonb NOT NULL;
