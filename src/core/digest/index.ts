export { DigestService, dayIn } from "./service.js";
export type { Digest, AlertCount, PersonalAlert, PersonalSummary } from "./build.js";
export { isNoResponse } from "./no-response.js";
export type { DigestSettings } from "./settings.js";
export { isPersonalDigestPayload } from "./personal.js";
export type { PersonalDigestPayload, PersonalDigestRef, PersonalKind } from "./personal.js";
