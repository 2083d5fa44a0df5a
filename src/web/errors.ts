// Domain errors → HTTP, in one place. Machines get a 4xx with a reason; nothing leaks a stack.
import type { ErrorRequestHandler, RequestHandler, Response } from "express";
import { DomainError } from "../core/errors.js";
import { isDatabaseUnreachable, RETRY_AFTER_S } from "../db/unreachable.js";
import { log } from "../log.js";

const STATUS: Record<string, number> = {
  invalid_input: 400,
  unauthenticated: 401,
  not_authorized: 403,
  not_found: 404,
  not_allowed: 422,
  conflict: 409,
};

export function httpStatusOf(err: DomainError): number {
  return STATUS[err.code] ?? 400;
}

/**
 * A refusal for a machine: `error` (its kind) and `reason` (the English message) as always, then
 * the facts it names, then `reasonCode`, the stable name of why (the catalog's `error.reason.*`,
 * or the full key of a refusal that names one), for a client that shows its own text.
 */
export function errorBody(err: DomainError): Record<string, unknown> {
  const reasonKey = typeof err.details.reasonKey === "string" ? err.details.reasonKey : undefined;
  const reasonCode = err.reason ?? reasonKey;
  return {
    error: err.code,
    reason: err.message,
    ...err.details,
    ...(reasonCode ? { reasonCode } : {}),
    ...(err.reason && Object.keys(err.params).length ? { reasonParams: err.params } : {}),
  };
}

export const notFound: RequestHandler = (_req, res) => {
  res.status(404).json({ error: "not_found", reason: "no such route" });
};

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  if (res.headersSent) return;
  reply(res, answerFor(err, req.path));
};

function reply(res: Response, answer: ErrorAnswer): void {
  res.status(answer.status);
  if (answer.headers) res.set(answer.headers);
  res.json(answer.body);
}

export interface ErrorAnswer {
  status: number;
  body: Record<string, unknown>;
  headers?: Record<string, string>;
}

/** What any error is answered with, for express and for the check-in's own path (check-in-fast-path.ts). */
export function answerFor(thrown: unknown, path: string): ErrorAnswer {
  if (thrown instanceof DomainError) return { status: httpStatusOf(thrown), body: errorBody(thrown) };
  // body-parser and raw-body errors carry their own 4xx status and a type.
  const err = (thrown ?? {}) as { status?: unknown; statusCode?: unknown; type?: unknown; message?: unknown };
  const status =
    typeof err.status === "number" ? err.status : typeof err.statusCode === "number" ? err.statusCode : 500;
  if (status >= 400 && status < 500) {
    const reason =
      err.type === "entity.too.large"
        ? "request body too large"
        : err.type === "entity.parse.failed"
          ? "malformed body: not valid JSON or form encoding"
          : err.type === "encoding.unsupported"
            ? "unsupported content encoding"
            : err.type === "charset.unsupported"
              ? "unsupported charset"
              : String(err.message ?? "bad request");
    return { status, body: { error: "bad_request", reason } };
  }
  if (isDatabaseUnreachable(thrown)) return databaseAwayAnswer();
  log.error("unhandled error", { path, err: thrown instanceof Error ? thrown.message : String(thrown) });
  return { status: 500, body: { error: "internal", reason: "internal error; nothing was changed" } };
}

/** 503 + Retry-After: the database is away; nothing was stored, the same request later will work. */
export function databaseAway(res: Response): void {
  reply(res, databaseAwayAnswer());
}

function databaseAwayAnswer(): ErrorAnswer {
  log.warn("database unreachable: answered 503", {});
  return {
    status: 503,
    headers: { "Retry-After": String(RETRY_AFTER_S) },
    body: {
      error: "database_unavailable",
      reason: `the database is unreachable; nothing was stored: try again in ${RETRY_AFTER_S} s`,
    },
  };
}
