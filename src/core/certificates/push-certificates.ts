// The push certificate's lifecycle: generate the key and CSR (key encrypted at rest), take back
// Apple's .pem and install it as a renewal — or refuse it plainly. Replacing the certificate
// with one for another topic disconnects every enrolled device (the administrator handover column and the supervised-mode note), so that takes
// two different administrators.
import { randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Db, Prisma } from "../../db/client.js";
import type { Actor, Actors } from "../actors.js";
import { audit, type Tx } from "../audit.js";
import type { Clock } from "../clock.js";
import { ConflictError, InvalidInputError, NotAllowedError, NotFoundError } from "../errors.js";
import type { EventSink } from "../events.js";
import { notAnEmail } from "../refusals.js";
import { parseEncryptionKey, SecretBox } from "../secrets.js";
import type { RenewalSettings } from "../renewals/settings.js";
import { RENEWAL_LABELS } from "../renewals/renewals.js";
import {
  generateKeyAndCsr,
  publicModulusOfCsr,
  publicModulusOfKey,
  readPushCertificate,
  vendorSignedRequest,
  type PushCertificateFacts,
} from "./forge.js";
import { CertificateRefusedError } from "./refusal.js";

export interface PushCertificatesDeps {
  db: Db;
  clock: Clock;
  events: EventSink;
  actors: Actors;
  settings: RenewalSettings;
}

export interface CsrInput {
  email: string;
  name: string;
  country: string;
  /** The Apple ID the certificate will be created with (it must be the same every year). */
  appleId?: string | null;
}

export interface CsrResult {
  requestId: string;
  csrPem: string;
  /** Base64 plist for Apple's portal, when a vendor certificate and key are configured. */
  signedRequest: string | null;
  appleId: string | null;
}

/** how: "renewed" (same topic, devices stay enrolled), "replaced" (another topic, two admins), "installed" (the first here). */
export type UploadResult = {
  renewalId: string;
  topic: string;
  serial: string;
  expiresAt: Date;
  renewed: boolean;
  how: "renewed" | "replaced" | "installed";
};

const overrideKey = (requestId: string) => `pushcert-override:${requestId}`;
const appleIdChangeKey = (changeId: string) => `pushcert-appleid:${changeId}`;

/** What a two-admin override remembers: who asked first, and for the Apple ID change what to make. */
interface PendingOverride {
  by: string;
  at: string;
  input?: CsrInput;
  recorded?: string;
}

/** The first administrator's half of a two-admin decision; refused while one is already waiting. */
async function openOverride(tx: Tx, key: string, value: PendingOverride): Promise<void> {
  const existing = await tx.setting.findUnique({ where: { key } });
  if (existing)
    throw new ConflictError(
      "This is already waiting for a second administrator.",
      {},
      { reason: "certificate.override_waiting" },
    );
  await tx.setting.create({ data: { key, value: value as unknown as Prisma.InputJsonValue } });
}

/** The second administrator's half: a different person, exactly once. */
async function takeOverride(tx: Tx, key: string, actor: Actor, what: string): Promise<PendingOverride> {
  const pending = await tx.setting.findUnique({ where: { key } });
  if (!pending)
    throw new NotFoundError(
      "override request (it was already confirmed, or never requested)",
      {},
      { reason: "not_found.certificate_override" },
    );
  const value = pending.value as unknown as PendingOverride;
  if (value.by === actor.id)
    throw new NotAllowedError(
      `A second, different administrator must confirm ${what}.`,
      {},
      { reason: "certificate.override_second_admin" },
    );
  const { count } = await tx.setting.deleteMany({ where: { key } });
  if (count !== 1)
    throw new ConflictError(
      "Another administrator confirmed this a moment ago.",
      {},
      { reason: "certificate.override_confirmed_meanwhile" },
    );
  return value;
}

/** Apple IDs are e-mail addresses: the same one in other capitals is the same account. */
const sameAppleId = (a: string, b: string) => a.trim().toLowerCase() === b.trim().toLowerCase();

export class PushCertificates {
  private readonly secrets: SecretBox;
  constructor(private readonly deps: PushCertificatesDeps) {
    this.secrets = new SecretBox(deps.settings.encryptionKey);
  }

  /**
   * The key and the request for Apple. An Apple ID other than the current certificate's is
   * refused: the certificate can only be renewed by the Apple ID it was made with, and another
   * one makes a new certificate that every enrolled device must be re-enrolled for (the vendor's
   * setup guide). Only two administrators together can go ahead (requestAppleIdChange).
   */
  async createRequest(actor: Actor, input: CsrInput): Promise<CsrResult> {
    this.deps.actors.requireSystemAdmin(actor);
    this.checkCsrInput(input);
    const recorded = await this.currentAppleId();
    const typed = input.appleId?.trim();
    if (typed && recorded && !sameAppleId(typed, recorded) && (await this.currentRenewal(this.deps.db))) {
      await audit(this.deps.db, {
        actor: actor.id,
        action: "pushcert.csr_refused_apple_id",
        details: { recorded, typed },
        at: this.deps.clock.now(),
      });
      throw new CertificateRefusedError(
        "apple_id_changed",
        `The push certificate was made with the Apple ID ${recorded}. The yearly renewal must sign in with that same Apple ID; with ${typed} Apple issues a NEW certificate, and every enrolled device has to be re-enrolled (the MDM profile replaced on each). Use ${recorded}, or have a second administrator confirm the change.`,
        { recorded, typed },
      );
    }
    return this.makeRequest(actor, input);
  }

  /** First administrator: a request with another Apple ID anyway; a second must confirm it. */
  async requestAppleIdChange(actor: Actor, input: CsrInput): Promise<{ changeId: string }> {
    this.deps.actors.requireSystemAdmin(actor);
    this.checkCsrInput(input);
    const recorded = await this.currentAppleId();
    const next = input.appleId?.trim();
    if (!next || !recorded || sameAppleId(next, recorded))
      throw new ConflictError(
        "The Apple ID is the certificate's own: run `/mdm cert csr` normally.",
        {},
        { reason: "certificate.same_apple_id" },
      );
    const changeId = randomUUID();
    const now = this.deps.clock.now();
    await this.deps.db.$transaction(async (tx) => {
      await openOverride(tx, appleIdChangeKey(changeId), { by: actor.id, at: now.toISOString(), input, recorded });
      await audit(tx, {
        actor: actor.id,
        action: "pushcert.apple_id_change_request",
        subject: `pushcert-appleid:${changeId}`,
        details: { recorded, next },
        at: now,
      });
      await this.deps.events.publish(tx, {
        type: "pushcert.apple_id_change_requested",
        changeId,
        actor: actor.id,
        recorded,
        next,
      });
    });
    return { changeId };
  }

  /** Second, different administrator: the request is made with the new Apple ID. */
  async confirmAppleIdChange(actor: Actor, changeId: string): Promise<CsrResult & { firstAdmin: string }> {
    this.deps.actors.requireSystemAdmin(actor);
    const pending = await this.deps.db.$transaction((tx) =>
      takeOverride(tx, appleIdChangeKey(changeId), actor, "a push certificate request with another Apple ID"),
    );
    const result = await this.makeRequest(actor, pending.input!, {
      recorded: pending.recorded ?? null,
      firstAdmin: pending.by,
    });
    return { ...result, firstAdmin: pending.by };
  }

  private checkCsrInput(input: CsrInput): void {
    const email = input.email.trim();
    const country = input.country.trim().toUpperCase();
    if (!/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) throw notAnEmail(email, "email");
    if (!/^[A-Z]{2}$/.test(country))
      throw new InvalidInputError(
        "The country must be a two-letter code such as JP.",
        { field: "country" },
        { reason: "certificate.country" },
      );
    if (!input.name.trim())
      throw new InvalidInputError(
        "A name is needed for the request.",
        { field: "name" },
        { reason: "certificate.name" },
      );
    // An Apple ID is an e-mail address (at most 254 characters); the request carrying it rides
    // in a Slack button's value, which holds 2,000.
    if ((input.appleId?.trim().length ?? 0) > 254)
      throw new InvalidInputError(
        "An Apple ID is an e-mail address of at most 254 characters.",
        { field: "appleId" },
        { reason: "certificate.apple_id_too_long" },
      );
  }

  private async makeRequest(
    actor: Actor,
    input: CsrInput,
    change?: { recorded: string | null; firstAdmin: string },
  ): Promise<CsrResult> {
    const email = input.email.trim();
    const country = input.country.trim().toUpperCase();
    // Refuse before generating anything: a key we cannot protect is never made.
    parseEncryptionKey(this.deps.settings.encryptionKey);
    const appleId = input.appleId?.trim() || (await this.currentAppleId());
    const { privateKeyPem, csrPem } = generateKeyAndCsr({ email, name: input.name.trim(), country });
    const signedRequest = await this.signForVendor(csrPem);
    const request = await this.deps.db.$transaction(async (tx) => {
      const row = await tx.pushCertificateRequest.create({
        data: {
          appleId,
          requestedBy: actor.id,
          encryptedPrivateKey: this.secrets.encrypt(privateKeyPem),
          csrPem,
          createdAt: this.deps.clock.now(),
        },
      });
      await audit(tx, {
        actor: actor.id,
        action: "pushcert.csr",
        subject: `pushcert-request:${row.id}`,
        details: {
          vendorSigned: Boolean(signedRequest),
          appleIdRecorded: Boolean(appleId),
          ...(change
            ? { appleIdChangedFrom: change.recorded, firstAdmin: change.firstAdmin, secondAdmin: actor.id }
            : {}),
        },
        at: this.deps.clock.now(),
      });
      return row;
    });
    return { requestId: request.id, csrPem, signedRequest, appleId };
  }

  /** Installs Apple's certificate, or refuses with a CertificateRefusedError saying why. */
  async upload(actor: Actor, file: { filename: string; content: Buffer }): Promise<UploadResult> {
    this.deps.actors.requireSystemAdmin(actor);
    const now = this.deps.clock.now();
    const facts = readPushCertificate(file.filename, file.content, now);
    const request = await this.matchingRequest(facts);
    const current = await this.currentRenewal(this.deps.db);
    if (current?.topic && current.topic !== facts.topic) {
      // Kept (it is public) so a two-admin override can install exactly this certificate.
      await this.deps.db.$transaction(async (tx) => {
        await tx.pushCertificateRequest.update({ where: { id: request.id }, data: { certificatePem: facts.pem } });
        await audit(tx, {
          actor: actor.id,
          action: "pushcert.refused_topic_change",
          subject: `pushcert-request:${request.id}`,
          details: { currentTopic: current.topic, newTopic: facts.topic, serial: facts.serial },
          at: now,
        });
      });
      throw new CertificateRefusedError(
        "topic_changed",
        `This is a NEW push certificate (topic ${facts.topic}), not a renewal of the current one (topic ${current.topic}). Installing it would force every enrolled Apple device to re-enroll. Renew the existing certificate in the Push Certificates Portal with the same Apple ID instead.`,
        { requestId: request.id, currentTopic: current.topic, newTopic: facts.topic },
      );
    }
    return this.deps.db.$transaction((tx) => this.install(tx, actor, request.id, request.appleId, facts, false));
  }

  /** First administrator: asks to install a certificate for another topic anyway. */
  async requestTopicOverride(actor: Actor, requestId: string): Promise<void> {
    this.deps.actors.requireSystemAdmin(actor);
    const now = this.deps.clock.now();
    const { facts, current } = await this.pendingTopicChange(requestId);
    await this.deps.db.$transaction(async (tx) => {
      await openOverride(tx, overrideKey(requestId), { by: actor.id, at: now.toISOString() });
      await audit(tx, {
        actor: actor.id,
        action: "pushcert.override_request",
        subject: `pushcert-request:${requestId}`,
        details: { currentTopic: current, newTopic: facts.topic },
        at: now,
      });
      await this.deps.events.publish(tx, {
        type: "pushcert.override_requested",
        requestId,
        actor: actor.id,
        currentTopic: current,
        newTopic: facts.topic,
      });
    });
  }

  /** Second administrator: confirms, and the new certificate replaces the current one. */
  async confirmTopicOverride(actor: Actor, requestId: string): Promise<UploadResult> {
    this.deps.actors.requireSystemAdmin(actor);
    const { facts, appleId } = await this.pendingTopicChange(requestId);
    return this.deps.db.$transaction(async (tx) => {
      const { by } = await takeOverride(tx, overrideKey(requestId), actor, "replacing the push certificate");
      return this.install(tx, actor, requestId, appleId, facts, true, by);
    });
  }

  /** What /mdm certs shows: the current certificate and the requests made. */
  async overview() {
    const db = this.deps.db;
    const current = await this.currentRenewal(db);
    const requests = await db.pushCertificateRequest.findMany({
      orderBy: { createdAt: "desc" },
      take: 5,
      select: { id: true, appleId: true, requestedBy: true, createdAt: true, uploadedAt: true, certificatePem: true },
    });
    const pendingOverrides = await db.setting.findMany({ where: { key: { startsWith: "pushcert-override:" } } });
    return {
      current,
      requests: requests.map((r) => ({ ...r, certificatePem: undefined, hasCertificate: Boolean(r.certificatePem) })),
      pendingOverrides: pendingOverrides.map((s) => ({
        requestId: s.key.slice("pushcert-override:".length),
        by: (s.value as { by?: string }).by ?? "",
      })),
    };
  }

  /** Decrypts a stored key (used to check a certificate against it; never shown). */
  privateKeyOf(sealed: string): string {
    return this.secrets.decrypt(sealed);
  }

  private async install(
    tx: Tx,
    actor: Actor,
    requestId: string,
    appleId: string | null,
    facts: PushCertificateFacts,
    override: boolean,
    firstAdmin?: string,
  ): Promise<UploadResult> {
    const now = this.deps.clock.now();
    await tx.pushCertificateRequest.update({
      where: { id: requestId },
      data: { certificatePem: facts.pem, uploadedAt: now },
    });
    const current = await this.currentRenewal(tx);
    const account = appleId
      ? await tx.custodyAccount.findFirst({ where: { role: "PUSH_CERT_APPLE_ID", address: appleId.toLowerCase() } })
      : await tx.custodyAccount.findFirst({ where: { role: "PUSH_CERT_APPLE_ID" }, orderBy: { createdAt: "asc" } });
    const data = {
      label: RENEWAL_LABELS.PUSH_CERTIFICATE,
      expiresAt: facts.notAfter,
      topic: facts.topic,
      serial: facts.serial,
      details: {
        appleId,
        notBefore: facts.notBefore.toISOString(),
        subject: facts.subject,
        requestId,
      } as Prisma.InputJsonValue,
      renewedAt: now,
      renewedBy: actor.id,
      accountId: account?.id ?? current?.accountId ?? null,
    };
    const renewal = current
      ? await tx.renewal.update({ where: { id: current.id }, data })
      : await tx.renewal.create({ data: { kind: "PUSH_CERTIFICATE", ...data, createdAt: now } });
    // Reminders are keyed by deadline, so next year's go out again without deleting this year's.
    const how = override ? "replaced" : current?.topic === facts.topic ? "renewed" : "installed";
    await audit(tx, {
      actor: actor.id,
      action: override ? "pushcert.replace_topic" : "pushcert.install",
      subject: `renewal:${renewal.id}`,
      details: {
        topic: facts.topic,
        serial: facts.serial,
        expiresAt: facts.notAfter.toISOString(),
        previousTopic: current?.topic ?? null,
        ...(override ? { firstAdmin, secondAdmin: actor.id } : {}),
      },
      at: now,
    });
    await this.deps.events.publish(tx, {
      type: "renewal.renewed",
      renewalId: renewal.id,
      actor: actor.id,
      how,
      previous: current?.expiresAt?.toISOString() ?? null,
    });
    return {
      renewalId: renewal.id,
      topic: facts.topic,
      serial: facts.serial,
      expiresAt: facts.notAfter,
      renewed: how === "renewed",
      how,
    };
  }

  private async matchingRequest(facts: PushCertificateFacts) {
    const requests = await this.deps.db.pushCertificateRequest.findMany({ orderBy: { createdAt: "desc" } });
    if (!requests.length) {
      throw new CertificateRefusedError(
        "no_request",
        "No certificate request was made here, so there is no private key for this certificate. Run `/mdm cert csr` first, upload that request to Apple, then upload Apple's answer.",
      );
    }
    const request = requests.find((r) => publicModulusOfCsr(r.csrPem) === facts.modulus);
    // The CSR says which key; the stored key must really be its pair (and still decrypt).
    if (!request || publicModulusOfKey(this.secrets.decrypt(request.encryptedPrivateKey)) !== facts.modulus) {
      throw new CertificateRefusedError(
        "key_mismatch",
        "This certificate does not match the private key stored here: it was made from another certificate request (for example initial setup run twice, or a request made by another tool). Upload the certificate Apple issued for the request generated by `/mdm cert csr`.",
      );
    }
    return request;
  }

  private async pendingTopicChange(requestId: string) {
    const request = await this.deps.db.pushCertificateRequest.findUnique({ where: { id: requestId } });
    if (!request?.certificatePem || request.uploadedAt)
      throw new NotFoundError("certificate waiting for an override", {}, { reason: "not_found.certificate_override" });
    const facts = readPushCertificate("pending.pem", Buffer.from(request.certificatePem), this.deps.clock.now());
    const current = (await this.currentRenewal(this.deps.db))?.topic ?? null;
    if (!current || current === facts.topic)
      throw new ConflictError(
        "The topic no longer differs from the current certificate: upload it again normally.",
        {},
        { reason: "certificate.topic_same_again" },
      );
    return { facts, current, appleId: request.appleId };
  }

  private currentRenewal(tx: Tx) {
    return tx.renewal.findFirst({
      where: { kind: "PUSH_CERTIFICATE" },
      orderBy: { createdAt: "asc" },
      include: { account: true },
    });
  }

  /** The Apple ID to use again: the one on record, so a renewal is never made with another. */
  private async currentAppleId(): Promise<string | null> {
    const current = await this.currentRenewal(this.deps.db);
    const recorded = (current?.details as { appleId?: string } | null)?.appleId;
    if (recorded) return recorded;
    if (current?.account) return current.account.address;
    const account = await this.deps.db.custodyAccount.findFirst({
      where: { role: "PUSH_CERT_APPLE_ID" },
      orderBy: { createdAt: "asc" },
    });
    return account?.address ?? null;
  }

  private async signForVendor(csrPem: string): Promise<string | null> {
    const { vendorCertPath, vendorKeyPath } = this.deps.settings;
    if (!vendorCertPath || !vendorKeyPath) return null;
    const [cert, key] = await Promise.all([readFile(vendorCertPath, "utf8"), readFile(vendorKeyPath, "utf8")]).catch(
      () => {
        throw new NotAllowedError(
          "The MDM vendor certificate or key configured in MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH cannot be read.",
          {},
          { reason: "certificate.vendor_unreadable" },
        );
      },
    );
    return vendorSignedRequest(csrPem, cert, key);
  }
}
