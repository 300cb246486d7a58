import { prisma } from "@/lib/db/postgres";
import { Prisma } from "@/lib/generated/prisma/client";
import { registrationSchema, type RegistrationInput } from "./credentialsSchema";
import { hashPassword } from "./passwordHash";
import { accountFields, type AccountUser } from "./users";

export type RegistrationResult =
  | { ok: true; user: AccountUser }
  | { ok: false; field?: "email" | "password" | "name"; message: string };

// Serialises registrations so exactly one first user becomes admin.
const REGISTRATION_LOCK = 4_242_001;

export async function registerUser(input: RegistrationInput, options: { registrationOpen: boolean }): Promise<RegistrationResult> {
  const parsed = registrationSchema.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, field: issue.path[0] as "email" | "password" | "name", message: issue.message };
  }
  const { email, name, password } = parsed.data;
  const passwordHash = await hashPassword(password);
  try {
    return await prisma().$transaction(async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${REGISTRATION_LOCK})`;
      const existingUsers = await tx.user.count();
      if (existingUsers > 0 && !options.registrationOpen) {
        return { ok: false, message: "Registration is closed on this Watchdeck. Ask its administrator for an account." };
      }
      if (await tx.user.findUnique({ where: { email }, select: { id: true } })) {
        return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
      }
      const user = await tx.user.create({
        data: { email, name: name ?? null, passwordHash, isAdmin: existingUsers === 0 },
        select: accountFields,
      });
      return { ok: true, user };
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      return { ok: false, field: "email", message: "An account with this email already exists. Sign in instead." };
    }
    throw error;
  }
}
