// The push certificate's lifecycle through Slack, with real certificates: the request and its
// encrypted key, installing Apple's answer, and every refusal the seeds' failures call for.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import forge from "node-forge";
import { parse as parsePlist } from "plist";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SecretBox } from "../../src/core/secrets.js";
import { aPerson } from "../support/builders.js";
import { ADMIN_1, ADMIN_2, ADMIN_CHANNEL, startTestApp, type TestApp } from "../support/harness.js";
import { validateMessage, validateView } from "../support/block-kit.js";
import {
  certificateForCsr,
  certificateForStrangerKey,
  mdm,
  newTopic,
  textOf,
  until,
  uploadThroughModal,
  vendorIdentity,
} from "./support.js";

let t: TestApp;
let dir: string;
const DAY = 86_400_000;
const TOPIC = newTopic();

beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), "vendor-"));
  const vendor = vendorIdentity();
  await writeFile(path.join(dir, "vendor.pem"), vendor.certPem);
  await writeFile(path.join(dir, "vendor.key"), vendor.keyPem);
  t = await startTestApp({
    env: { MDM_VENDOR_CERT_PATH: path.join(dir, "vendor.pem"), MDM_VENDOR_KEY_PATH: path.join(dir, "vendor.key") },
  });
  await aPerson(t.db.prisma, { slackUserId: ADMIN_1, email: "it-lead@corp.example", name: "Hanako Sato" });
});
afterAll(async () => {
  await t.close();
  await rm(dir, { recursive: true, force: true });
});

async function newCsr(user = ADMIN_1, args = "appleid=mdm-push@corp.example") {
  t.clock.advance(60_000); // "the latest request" is by time
  const reply = await mdm(t, user, `cert csr ${args}`);
  const request = await t.db.prisma.pushCertificateRequest.findFirstOrThrow({ orderBy: { createdAt: "desc" } });
  return { reply, request };
}

const uploadPem = (name: string, content: string, user = ADMIN_1) =>
  uploadThroughModal(t, user, "cert_upload", { name, content });

describe("/mdm cert csr", () => {
  it("makes a 2048-bit key and a CSR with the admin's details, stores the key encrypted, and posts the files", async () => {
    t.slack.reset();
    const { reply, request } = await newCsr();
    expect(reply.text).toContain("push-request.b64");
    expect(reply.text).toContain("mdm-push@corp.example");
    expect(reply.text).toContain("https://identity.apple.com/pushcert/");

    const csr = forge.pki.certificationRequestFromPem(request.csrPem);
    expect(csr.verify()).toBe(true);
    expect((csr.publicKey as forge.pki.rsa.PublicKey).n.bitLength()).toBe(2048);
    expect(csr.subject.getField("CN").value).toBe("Hanako Sato");
    expect(csr.subject.getField("E").value).toBe("it-lead@corp.example");
    expect(csr.subject.getField("C").value).toBe("JP");
    expect(request.appleId).toBe("mdm-push@corp.example");

    // Never in clear at rest, and it decrypts back to the CSR's key.
    expect(request.encryptedPrivateKey).not.toContain("PRIVATE KEY");
    const rows = await t.db.prisma.$queryRawUnsafe<{ raw: string }[]>(
      `SELECT "encryptedPrivateKey" AS raw FROM "PushCertificateRequest" WHERE id = $1`,
      request.id,
    );
    const raw = rows[0]!.raw;
    expect(raw).not.toContain("PRIVATE KEY");
    const key = forge.pki.privateKeyFromPem(
      new SecretBox(t.config.SECRET_ENCRYPTION_KEY).decrypt(raw),
    ) as forge.pki.rsa.PrivateKey;
    expect(key.n.toString(16)).toBe((csr.publicKey as forge.pki.rsa.PublicKey).n.toString(16));

    await t.flush();
    const csrFile = t.slack.uploads.find((u) => u.filename === "push-csr.pem")!;
    expect(csrFile.content.toString()).toBe(request.csrPem);
    expect(csrFile.content.toString()).not.toContain("PRIVATE");
    const signed = t.slack.uploads.find((u) => u.filename === "push-request.b64")!;
    const plist = parsePlist(Buffer.from(signed.content.toString(), "base64").toString("utf8")) as Record<
      string,
      string
    >;
    const csrDer = forge.util.decode64(plist.PushCertRequestCSR!);
    expect(forge.asn1.toDer(forge.pki.certificationRequestToAsn1(csr)).getBytes()).toBe(csrDer);
    const vendorCert = forge.pki.certificateFromPem(plist.PushCertCertificateChain!);
    const md = forge.md.sha256.create();
    md.update(csrDer);
    expect(
      (vendorCert.publicKey as forge.pki.rsa.PublicKey).verify(
        md.digest().bytes(),
        forge.util.decode64(plist.PushCertSignature!),
      ),
    ).toBe(true);
    expect(plist.PushCertCertificateChain!.match(/BEGIN CERTIFICATE/g)).toHaveLength(2);
  });

  it("is refused to someone who is not a system administrator", async () => {
    const reply = await mdm(t, "UNOBODY", "cert csr email=x@corp.example name=X");
    expect(reply.text).toContain("not allowed");
  });

  it("refuses clearly, and makes no key, when SECRET_ENCRYPTION_KEY is not configured", async () => {
    const other = await startTestApp({ env: { SECRET_ENCRYPTION_KEY: "" } });
    try {
      const reply = await mdm(other, ADMIN_1, "cert csr email=a@corp.example name=A");
      expect(reply.text).toContain("SECRET_ENCRYPTION_KEY is not set");
      expect(await other.db.prisma.pushCertificateRequest.count()).toBe(0);
    } finally {
      await other.close();
    }
  });
});

describe("/mdm cert upload", () => {
  it("opens a modal with a file input (a slash command cannot carry a file)", async () => {
    await t.requests.slashCommand({ command: "/mdm", text: "cert upload", user: ADMIN_1, triggerId: "trig-cert" });
    const call = await until(() => t.slack.callsTo("views.open").find((c) => c.args.trigger_id === "trig-cert"));
    expect(call.args.view.callback_id).toBe("cert_upload");
    expect(JSON.stringify(call.args.view)).toContain("file_input");
    expect(validateView(call.args.view)).toEqual([]);
  });

  it("refuses a .json file with its own explanation", async () => {
    const reply = await uploadPem("MDM_ Example Corp_Certificate.json", '{"certificate":"..."}');
    expect(reply.text).toContain(".json file, not the .pem");
  });

  it("refuses a file that is not a certificate, and the CSR uploaded back", async () => {
    expect((await uploadPem("cert.pem", "hello, this is not a certificate")).text).toContain("not a certificate");
    const { request } = await newCsr();
    expect((await uploadPem("push.pem", request.csrPem)).text).toContain("certificate request you send TO Apple");
  });

  it("refuses a certificate that does not match the stored private key (initial setup run twice)", async () => {
    const reply = await uploadPem("push.pem", certificateForStrangerKey(TOPIC, t.clock.now()));
    expect(reply.text).toContain("does not match the private key");
    expect(await t.db.prisma.renewal.count({ where: { kind: "PUSH_CERTIFICATE" } })).toBe(0);
  });

  it("refuses an expired certificate", async () => {
    const { request } = await newCsr();
    const pem = certificateForCsr(
      request.csrPem,
      TOPIC,
      new Date(t.clock.now().getTime() - 400 * DAY),
      new Date(t.clock.now().getTime() - DAY),
    );
    expect((await uploadPem("push.pem", pem)).text).toContain("already expired");
  });

  it("installs Apple's certificate: expiry, topic, serial and Apple ID recorded and shown in /mdm certs", async () => {
    t.slack.reset();
    const { request } = await newCsr();
    const notAfter = new Date(t.clock.now().getTime() + 365 * DAY);
    const reply = await uploadPem(
      "MDM_ Example Corp_Certificate.pem",
      certificateForCsr(request.csrPem, TOPIC, t.clock.now(), notAfter),
    );
    expect(reply.text).toContain(`Push certificate installed: topic \`${TOPIC}\``);
    const renewal = await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } });
    expect(renewal).toMatchObject({ topic: TOPIC, expiresAt: notAfter, renewedBy: `slack:${ADMIN_1}` });
    expect(renewal.details).toMatchObject({ appleId: "mdm-push@corp.example" });
    const certs = await mdm(t, ADMIN_1, "certs");
    expect(certs.text).toContain(TOPIC);
    expect(certs.text).toContain(renewal.serial!);
    expect(certs.text).toContain("mdm-push@corp.example");
    await t.flush();
    expect(
      t.slack
        .posts(ADMIN_CHANNEL)
        .map((p) => p.text)
        .join("\n"),
    ).toContain("MDM push certificate installed by <@UADMIN1>");
  });

  it("renews with the same topic next year: the devices stay enrolled", async () => {
    t.clock.advanceDays(330);
    const { request, reply } = await newCsr(ADMIN_1, "");
    expect(reply.text).toContain("mdm-push@corp.example"); // the Apple ID on record, without being told
    const notAfter = new Date(t.clock.now().getTime() + 365 * DAY);
    const result = await uploadPem("push.pem", certificateForCsr(request.csrPem, TOPIC, t.clock.now(), notAfter));
    expect(result.text).toContain("renewed (same topic");
    await t.flush();
    expect(
      t.slack
        .posts(ADMIN_CHANNEL)
        .map((p) => p.text)
        .join("\n"),
    ).toMatch(/MDM push certificate renewed by <@UADMIN1>: next deadline .* \(was /);
    expect(await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } })).toMatchObject({
      topic: TOPIC,
      expiresAt: notAfter,
    });
  });

  it("refuses a certificate for another topic, and takes two different admins to replace it", async () => {
    const other = newTopic();
    const { request } = await newCsr();
    const refusal = await uploadPem("push.pem", certificateForCsr(request.csrPem, other, t.clock.now()));
    expect(refusal.text).toContain("NEW push certificate");
    expect(refusal.text).toContain("re-enroll");
    const requestButton = JSON.stringify(refusal.blocks);
    expect(requestButton).toContain("cert_topic_override_request");
    expect(validateMessage(refusal)).toEqual([]);
    expect((await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } })).topic).toBe(TOPIC);

    t.slack.reset();
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "cert_topic_override_request",
      value: request.id,
      responseId: "ovr-1",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "ovr-1"))).body.text).toContain(
      "second administrator",
    );
    await t.flush();
    const post = t.slack.posts(ADMIN_CHANNEL).find((p) => textOf(p).includes("cert_topic_override_confirm"))!;
    expect(post.text).toContain(other);
    expect(validateMessage(post)).toEqual([]);

    // The same admin cannot confirm their own override.
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "cert_topic_override_confirm",
      value: request.id,
      responseId: "ovr-2",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "ovr-2"))).body.text).toContain(
      "second, different administrator",
    );
    expect((await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } })).topic).toBe(TOPIC);

    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "cert_topic_override_confirm",
      value: request.id,
      responseId: "ovr-3",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "ovr-3"))).body.text).toContain(
      `new topic \`${other}\``,
    );
    expect((await t.db.prisma.renewal.findFirstOrThrow({ where: { kind: "PUSH_CERTIFICATE" } })).topic).toBe(other);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({ where: { action: "pushcert.replace_topic" } });
    expect(audit.details).toMatchObject({
      firstAdmin: `slack:${ADMIN_1}`,
      secondAdmin: `slack:${ADMIN_2}`,
      previousTopic: TOPIC,
    });

    await t.flush();
    const ref = await t.db.prisma.slackMessageRef.findUniqueOrThrow({
      where: { key: `pushcert-override:${request.id}` },
    });
    const update = t.slack.callsTo("chat.update").find((c) => c.args.ts === ref.ts)!;
    expect(textOf(update.args)).not.toContain("cert_topic_override_confirm");
    // Announced as the replacement it is, never as a renewal.
    expect(update.args.text).toContain("REPLACED by <@UADMIN2>");
    expect(update.args.text).toContain("must be re-enrolled");
    expect(update.args.text).not.toContain("renewed");

    // A second confirmation does nothing more.
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "cert_topic_override_confirm",
      value: request.id,
      responseId: "ovr-4",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "ovr-4"))).body.text).toContain(":warning:");
    expect(await t.db.prisma.auditEntry.count({ where: { action: "pushcert.replace_topic" } })).toBe(1);
  });

  it("a request with another Apple ID than the certificate's warns in the seed's words and needs two admins", async () => {
    const before = await t.db.prisma.pushCertificateRequest.count();
    const refused = await mdm(t, ADMIN_1, "cert csr appleid=someone-new@corp.example");
    expect(refused.text).toContain("created with the Apple ID *mdm-push@corp.example*");
    expect(refused.text).toContain("the same Apple ID it was created with");
    expect(refused.text).toContain("NEW certificate");
    expect(refused.text).toContain("re-enrolled");
    expect(JSON.stringify(refused.blocks)).toContain("cert_apple_id_change_request");
    expect(validateMessage(refused as never)).toEqual([]);
    // Nothing was made: no key, no files.
    expect(await t.db.prisma.pushCertificateRequest.count()).toBe(before);
    expect(await t.db.prisma.auditEntry.count({ where: { action: "pushcert.csr_refused_apple_id" } })).toBe(1);
    // The same Apple ID in other capitals is the same account: a renewal request as usual.
    expect((await newCsr(ADMIN_1, "appleid=MDM-Push@corp.example")).reply.text).toContain("push-request.b64");

    // In Japanese, the seed's own words.
    await aPerson(t.db.prisma, { slackUserId: ADMIN_2, email: "second@corp.example", locale: "ja" });
    const ja = await mdm(t, ADMIN_2, "cert csr email=second@corp.example name=Second appleid=someone-new@corp.example");
    expect(ja.text).toContain(
      "証明書取得時と同一の Apple ID で Apple Push Certificates Portal へサインインする必要があります",
    );
    expect(ja.text).toContain("デバイスへの MDM 構成プロファイルの入れ替え作業");

    // The first admin asks; the request goes to the admin channel for a second one.
    const button = (refused.blocks as any[])
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "cert_apple_id_change_request");
    t.slack.reset();
    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "cert_apple_id_change_request",
      value: button.value,
      responseId: "aid-1",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "aid-1"))).body.text).toContain(
      "second administrator",
    );
    await t.flush();
    const post = t.slack.posts(ADMIN_CHANNEL).find((p) => textOf(p).includes("cert_apple_id_change_confirm"))!;
    expect(post.text).toContain("`mdm-push@corp.example` → `someone-new@corp.example`");
    expect(post.text).toContain("re-enrolled");
    expect(validateMessage(post)).toEqual([]);
    const changeId = (post.blocks as any[])
      .flatMap((b) => b.elements ?? [])
      .find((e: any) => e.action_id === "cert_apple_id_change_confirm").value;

    await t.requests.blockAction({
      user: ADMIN_1,
      actionId: "cert_apple_id_change_confirm",
      value: changeId,
      responseId: "aid-2",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "aid-2"))).body.text).toContain(
      "second, different administrator",
    );
    expect(await t.db.prisma.pushCertificateRequest.count({ where: { appleId: "someone-new@corp.example" } })).toBe(0);

    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "cert_apple_id_change_confirm",
      value: changeId,
      responseId: "aid-3",
      messageTs: "1700000099.000001",
    });
    const done = (await until(() => t.slack.responses.find((r) => r.id === "aid-3"))).body.text as string;
    expect(done).toContain("新しい Apple ID *someone-new@corp.example*");
    expect(done).toContain("Create a Certificate");
    await t.flush();
    const made = await t.db.prisma.pushCertificateRequest.findFirstOrThrow({
      where: { appleId: "someone-new@corp.example" },
    });
    // Posted in the thread of the confirmed request.
    const csrFile = t.slack.uploads.filter((u) => u.filename === "push-csr.pem").at(-1)!;
    expect(csrFile.content.toString()).toBe(made.csrPem);
    const audit = await t.db.prisma.auditEntry.findFirstOrThrow({
      where: { action: "pushcert.csr", subject: `pushcert-request:${made.id}` },
    });
    expect(audit.details).toMatchObject({
      appleIdChangedFrom: "mdm-push@corp.example",
      firstAdmin: `slack:${ADMIN_1}`,
      secondAdmin: `slack:${ADMIN_2}`,
    });
    // Once only.
    await t.requests.blockAction({
      user: ADMIN_2,
      actionId: "cert_apple_id_change_confirm",
      value: changeId,
      responseId: "aid-4",
    });
    expect((await until(() => t.slack.responses.find((r) => r.id === "aid-4"))).body.text).toContain(":warning:");
  });
});
