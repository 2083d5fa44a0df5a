// Security headers for every response (what helmet would set, minus what we do not serve).
import type { RequestHandler } from "express";

export const securityHeaders: RequestHandler = (_req, res, next) => {
  res.setHeader(
    "Content-Security-Policy",
    "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'; object-src 'none'",
  );
  res.setHeader("X-Content-Type-Options", "nosniff");
  res.setHeader("X-Frame-Options", "DENY");
  res.setHeader("Referrer-Policy", "no-referrer");
  res.setHeader("Cross-Origin-Opener-Policy", "same-origin");
  res.setHeader("Permissions-Policy", "geolocation=(), camera=(), microphone=()");
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
