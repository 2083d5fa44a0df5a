// Prisma's unique-violation code: how the database tells us another click got there first.
import { Prisma } from "../../db/client.js";

export function isUniqueViolation(err: unknown): boolean {
  return err instanceof Prisma.PrismaClientKnownRequestError && err.code === "P2002";
}
