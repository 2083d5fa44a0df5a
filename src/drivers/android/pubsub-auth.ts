// Who may push Android Management notifications to us: Google Cloud Pub/Sub, proved by the OIDC
// token its push subscription attaches (Authorization: Bearer <JWT>, signed by Google). Following
// Pub/Sub's "Authentication for push subscriptions": the signature must verify against Google's
// published certificates, `aud` must be the audience set on the subscription (by default our
// endpoint's URL), and `email` must be the subscription's service account, verified. The library
// (google-auth-library's OAuth2Client.verifyIdToken) also checks the issuer and the token's
// issue/expiry times. The certificates' URL is configurable so a local fake can publish its key.
import { OAuth2Client } from "google-auth-library";

/** Google's signing certificates for ID tokens, PEM by key id (what verifyIdToken reads in Node). */
export const GOOGLE_OIDC_CERTS_URL = "https://www.googleapis.com/oauth2/v1/certs";

export interface PubSubOidcOptions {
  /** The subscription's audience: our push endpoint URL unless the subscription names another. */
  audience: string;
  /** The push subscription's service account (its --push-auth-service-account). */
  serviceAccount: string;
  certsUrl?: string;
}

/** `unavailable`: Google's certificates could not be fetched — nothing is wrong with the push. */
export type PubSubAuthResult = { ok: true } | { ok: false; reason: string; unavailable?: boolean };

export class PubSubOidcVerifier {
  private readonly client: OAuth2Client;

  constructor(private readonly o: PubSubOidcOptions) {
    // One client for the process: it caches the certificates for as long as Google's
    // Cache-Control allows, so a push costs no extra request.
    this.client = new OAuth2Client({
      endpoints: { oauth2FederatedSignonPemCertsUrl: o.certsUrl ?? GOOGLE_OIDC_CERTS_URL },
    });
  }

  /** The Authorization header of a push request. Reasons never repeat the token itself. */
  async verify(authorization: string | undefined): Promise<PubSubAuthResult> {
    const m = /^Bearer\s+(\S+)$/i.exec(authorization ?? "");
    if (!m) return { ok: false, reason: "no OIDC bearer token (turn on authentication on the push subscription)" };
    let payload: { email?: string; email_verified?: boolean } | undefined;
    try {
      const ticket = await this.client.verifyIdToken({ idToken: m[1]!, audience: this.o.audience });
      payload = ticket.getPayload();
    } catch (err) {
      const reason = describe(err);
      if (reason === CERTS_UNAVAILABLE) return { ok: false, reason, unavailable: true };
      return { ok: false, reason: `OIDC token refused: ${reason}` };
    }
    if (payload?.email !== this.o.serviceAccount || payload.email_verified !== true)
      return {
        ok: false,
        reason: "OIDC token is not from the configured push service account (ANDROID_PUBSUB_SERVICE_ACCOUNT)",
      };
    return { ok: true };
  }
}

const CERTS_UNAVAILABLE = "Google's certificates for OIDC tokens could not be fetched; Pub/Sub will deliver again";

/** The library's message without the token or its claims (it quotes both). */
function describe(err: unknown): string {
  const msg = err instanceof Error ? err.message : String(err);
  if (/Wrong recipient|audience/i.test(msg))
    return "wrong audience (ANDROID_PUBSUB_AUDIENCE must equal the subscription's)";
  if (/Invalid token signature|No pem found/i.test(msg))
    return "signature does not verify against Google's certificates";
  if (/too late/i.test(msg)) return "token expired";
  if (/too early|too far in future/i.test(msg)) return "token not valid yet (check the server clock)";
  if (/issuer/i.test(msg)) return "not issued by Google";
  if (/retrieve verification certificates/i.test(msg)) return CERTS_UNAVAILABLE;
  return "malformed token";
}
