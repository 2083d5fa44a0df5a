// Security headers for every response (what helmet would set, minus what we do not serve).
import type { ServerResponse } from "node:http";
import type { RequestHandler } from "express";

const HEADERS: [string, string][] = [
  [
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  ],
  ["X-Content-Type-Options", "nosniff"],
  ["X-Frame-Options", "DENY"],
  ["Referrer-Policy", "no-referrer"],
  ["Cross-Origin-Opener-Policy", "same-origin"],
  ["Permissions-Policy", "geolocation=(), camera=(), microphone=()"],
];

/** For node:http's own responses too (the check-in's fast path), not only express's. */
export function setSecurityHeaders(res: Pick<ServerResponse, "setHeader">): void {
  for (const [name, value] of HEADERS) res.setHeader(name, value);
}

export const securityHeaders: RequestHandler = (_req, res, next) => {
  setSecurityHeaders(res);
  res.removeHeader("X-Powered-By");
  next();
};

/**
 * An encoded NUL in the path or query reaches no route: PostgreSQL cannot compare it, so a
 * lookup by it would be a 500. (Node refuses a raw NUL in the request line itself.)
 */
export const refuseNulInUrl: RequestHandler = (req, res, next) => {
  if (!/%00/.test(req.url)) return next();
  res
    .status(400)
    .json({ error: "invalid_input", reason: "the URL contains an encoded NUL character (%00): remove it" });
};
