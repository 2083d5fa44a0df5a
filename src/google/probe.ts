// For the doctor: can the service account read the form the poller pulls (forms.get, the
// first call of every poll)? Same client, scopes and API root as GoogleFormPoller.
import type { Config } from "../config.js";
import { FORMS_SCOPES } from "./poller.js";

export type FormProbe = { ok: true; title: string } | { ok: false; status: number | null; reason: string };

export async function probeForm(
  config: Pick<Config, "GOOGLE_FORM_ID" | "GOOGLE_APPLICATION_CREDENTIALS" | "GOOGLE_API_URL">,
  auth?: unknown,
): Promise<FormProbe> {
  const { forms: formsApi } = await import("googleapis/build/src/apis/forms/index.js");
  const { GoogleAuth } = await import("google-auth-library");
  const client = auth ?? new GoogleAuth({ keyFile: config.GOOGLE_APPLICATION_CREDENTIALS, scopes: FORMS_SCOPES });
  const forms = formsApi({
    version: "v1",
    auth: client as never,
    retry: false,
    timeout: 15_000,
    ...(config.GOOGLE_API_URL ? { rootUrl: config.GOOGLE_API_URL } : {}),
  });
  try {
    const { data } = await forms.forms.get({ formId: config.GOOGLE_FORM_ID! });
    return { ok: true, title: data.info?.title ?? data.info?.documentTitle ?? config.GOOGLE_FORM_ID! };
  } catch (err) {
    const e = err as { response?: { status?: number; data?: { error?: { message?: string } } }; message?: string };
    return {
      ok: false,
      status: e.response?.status ?? null,
      reason: e.response?.data?.error?.message ?? e.message ?? "request failed",
    };
  }
}
