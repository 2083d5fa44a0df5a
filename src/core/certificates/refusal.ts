// Why an uploaded push certificate was refused, as a stable reason the edges translate into a
// plain explanation (the English message is the fallback).
import { NotAllowedError } from "../errors.js";

export type RefusalReason =
  | "json_file" // the browser saved Apple's download as .json (a known pitfall)
  | "csr_not_certificate" // the request was uploaded back instead of Apple's answer
  | "not_certificate"
  | "not_push_certificate" // a certificate, but not an MDM push certificate (no UID topic)
  | "expired"
  | "no_request" // no CSR was ever generated here
  | "key_mismatch" // made from another CSR: initial setup run twice, or another tool's CSR
  | "topic_changed" // a new certificate, not a renewal: every device would have to re-enroll
  | "apple_id_changed"; // a request for another Apple ID than the certificate's: a new certificate too

export class CertificateRefusedError extends NotAllowedError {
  // Its own catalog family (the certificate pages explain each at length), so the edges render it themselves.
  constructor(
    override readonly reason: RefusalReason,
    message: string,
    details: Record<string, unknown> = {},
  ) {
    super(message, { reason, ...details });
  }
}
