// The googleapis client for the Android Management API, with service-account auth.
// Retries are off: the core owns retry and backoff (a driver returns `retry`), so a request is
// never silently repeated under us. Only this API's module of googleapis is loaded (the package
// root loads every Google API: 1.8 s and ~90 MB more at start; decision 0131).
import { GoogleAuth } from "google-auth-library";
import { androidmanagement, type androidmanagement_v1 } from "googleapis/build/src/apis/androidmanagement/index.js";

export const ANDROID_SCOPE = "https://www.googleapis.com/auth/androidmanagement";

export type AndroidManagement = androidmanagement_v1.Androidmanagement;
/** Whatever googleapis accepts as `auth`: a GoogleAuth, a JWT or an OAuth2 client. */
export type AndroidAuth = androidmanagement_v1.Options["auth"];

export interface AndroidClientOptions {
  auth: AndroidAuth;
  /** Another API root (a local fake in tests), e.g. http://127.0.0.1:PORT/ */
  rootUrl?: string;
  timeoutMs?: number;
}

export function androidManagementClient(opts: AndroidClientOptions): AndroidManagement {
  return androidmanagement({
    version: "v1",
    auth: opts.auth,
    ...(opts.rootUrl ? { rootUrl: opts.rootUrl.endsWith("/") ? opts.rootUrl : opts.rootUrl + "/" } : {}),
    timeout: opts.timeoutMs ?? 15_000,
    retry: false,
  });
}

/** Service-account credentials from a key file (ANDROID_SERVICE_ACCOUNT_JSON or GOOGLE_APPLICATION_CREDENTIALS). */
export function serviceAccountAuth(keyFile: string): AndroidAuth {
  return new GoogleAuth({ keyFile, scopes: [ANDROID_SCOPE] });
}
