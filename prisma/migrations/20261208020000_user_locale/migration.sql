-- The interface language the user chose on the account page; null = from the browser's Accept-Language, else English.
ALTER TABLE "users" ADD COLUMN "locale" TEXT;
