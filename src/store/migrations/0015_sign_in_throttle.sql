-- Hand-written (issue 11, item 8 and 10): addresses each account has signed in from, so that a
-- stranger's failed guesses elsewhere do not slow its owner down there; and sign-up attempts per
-- client address, for the sign-up rate limit. Neither has a policy: only system-scope code (sign-in
-- and sign-up) may read or write them.
CREATE TABLE "known_sign_in_addresses" (
	"user_id" uuid NOT NULL,
	"address" text NOT NULL,
	"last_signed_in_at" timestamp with time zone DEFAULT now() NOT NULL,
	CONSTRAINT "known_sign_in_addresses_user_id_address_pk" PRIMARY KEY("user_id","address")
);
--> statement-breakpoint
ALTER TABLE "known_sign_in_addresses" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
ALTER TABLE "known_sign_in_addresses" ADD CONSTRAINT "known_sign_in_addresses_user_id_users_id_fk" FOREIGN KEY ("user_id") REFERENCES "public"."users"("id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE TABLE "sign_up_attempts" (
	"id" bigserial PRIMARY KEY NOT NULL,
	"address" text NOT NULL,
	"attempted_at" timestamp with time zone DEFAULT now() NOT NULL
);
--> statement-breakpoint
ALTER TABLE "sign_up_attempts" ENABLE ROW LEVEL SECURITY;--> statement-breakpoint
CREATE INDEX "sign_up_attempts_address_time" ON "sign_up_attempts" USING btree ("address","attempted_at");--> statement-breakpoint
CREATE INDEX "login_attempts_email_address_time" ON "login_attempts" USING btree ("email","address","attempted_at");
