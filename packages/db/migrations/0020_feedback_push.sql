-- Feedback invitations pushed to a person's devices after the invitation commits (services/feedback/push.ts).
SELECT pgboss.create_queue('feedback.push.dead', '{"policy": "standard"}');
--> statement-breakpoint
SELECT pgboss.create_queue('feedback.push', '{"policy": "standard", "deadLetter": "feedback.push.dead"}');
