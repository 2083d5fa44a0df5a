// "The database is away" as opposed to "this query is wrong": a refused or reset connection, a
// server shutting down, a pool that cannot get a connection. The edges answer these with 503 and
// Retry-After (nothing was stored: every change is one transaction), and the process keeps
// running; the pool reconnects by itself when the server is back.
const CODES = new Set([
  // Prisma: can't reach / timed out / server closed the connection / pool timeout
  "P1001",
  "P1002",
  "P1008",
  "P1017",
  "P2024",
  // Node sockets
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
  // PostgreSQL SQLSTATE: connection exceptions, shutting down, cannot connect now, too many connections
  "08000",
  "08001",
  "08003",
  "08004",
  "08006",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "DatabaseDoesNotExist",
]);
const MESSAGES =
  /Connection terminated|connect ECONNREFUSED|Can't reach database|server closed the connection|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|the database system is (starting up|shutting down)/i;

/** Whether `err` (or what caused it) says the database could not be reached. */
export function isDatabaseUnreachable(err: unknown): boolean {
  for (
    let e = err as Record<string, any> | undefined, depth = 0;
    e && typeof e === "object" && depth < 6;
    e = e.cause, depth++
  ) {
    if (typeof e.code === "string" && CODES.has(e.code)) return true;
    if (typeof e.originalCode === "string" && CODES.has(e.originalCode)) return true;
    if (typeof e.kind === "string" && KINDS.has(e.kind)) return true;
    if (typeof e.message === "string" && MESSAGES.test(e.message)) return true;
  }
  return false;
}

/** Seconds a client is asked to wait before trying again while the database is away. */
export const RETRY_AFTER_S = 5;
