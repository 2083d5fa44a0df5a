// Renewals, the push certificate, custody and the handover checklist (renewals and custody).
import type { Catalog } from "../catalog.js";

type Key =
  | "mdm.help.cert"
  | "mdm.help.certs"
  | "mdm.help.renewals"
  | "mdm.help.custody"
  | "mdm.help.handover"
  | "renewal.kind.PUSH_CERTIFICATE"
  | "renewal.kind.ADE_TOKEN"
  | "renewal.kind.VPP_TOKEN"
  | "renewal.kind.ANDROID_ENTERPRISE_GMAIL"
  | "renewal.steps.PUSH_CERTIFICATE"
  | "renewal.steps.ADE_TOKEN"
  | "renewal.steps.VPP_TOKEN"
  | "renewal.steps.ANDROID_ENTERPRISE_GMAIL"
  | "renewal.not_recorded"
  | "renewal.field.account"
  | "renewal.field.password_holder"
  | "renewal.field.two_factor"
  | "renewal.reminder.due"
  | "renewal.reminder.overdue"
  | "renewal.button.signed_in"
  | "renewal.button.done"
  | "renewal.renewed.renewed"
  | "renewal.renewed.replaced"
  | "renewal.renewed.installed"
  | "renewal.renewed.signed_in"
  | "renewal.renewed.marked"
  | "renewal.mark.title"
  | "renewal.mark.submit"
  | "renewal.mark.intro"
  | "renewal.mark.intro.gmail"
  | "renewal.mark.date"
  | "renewal.mark.date.gmail"
  | "renewal.mark.confirm"
  | "renewal.mark.not_moved"
  | "renewal.mark.date_past"
  | "renewal.mark.date_future"
  | "renewal.mark.too_far"
  | "renewal.mark.date_required"
  | "renewal.done_usage"
  | "renewal.kind.short.PUSH_CERTIFICATE"
  | "renewal.kind.short.ADE_TOKEN"
  | "renewal.kind.short.VPP_TOKEN"
  | "renewal.kind.short.ANDROID_ENTERPRISE_GMAIL"
  | "renewal.no_deadline"
  | "renewal.state.renewed"
  | "renewal.state.overdue"
  | "renewal.state.left"
  | "renewal.last_sign_in"
  | "renewal.list.title"
  | "renewal.list.empty"
  | "renewal.list.usage"
  | "renewal.bad_date"
  | "renewal.recorded"
  | "renewal.done_ack"
  | "renewal.gmail.signed_in_ack"
  | "cert.usage"
  | "cert.facts"
  | "cert.apple_id"
  | "cert.list.title"
  | "cert.none"
  | "cert.requests"
  | "cert.request.installed"
  | "cert.request.held"
  | "cert.request.waiting"
  | "cert.file.csr"
  | "cert.file.signed"
  | "cert.csr.signed"
  | "cert.csr.unsigned"
  | "cert.upload.title"
  | "cert.upload.intro"
  | "cert.installed.first"
  | "cert.installed.renewed"
  | "cert.refused.json_file"
  | "cert.refused.csr_not_certificate"
  | "cert.refused.not_certificate"
  | "cert.refused.not_push_certificate"
  | "cert.refused.expired"
  | "cert.refused.no_request"
  | "cert.refused.key_mismatch"
  | "cert.refused.topic_changed"
  | "cert.refused.apple_id_changed"
  | "cert.appleid.explain"
  | "cert.appleid.request"
  | "cert.appleid.requested"
  | "cert.appleid.second"
  | "cert.appleid.confirm"
  | "cert.appleid.requested_ack"
  | "cert.appleid.confirmed"
  | "cert.appleid.dialog.request"
  | "cert.appleid.dialog.confirm"
  | "cert.override.explain"
  | "cert.override.request"
  | "cert.override.requested"
  | "cert.override.second"
  | "cert.override.confirm"
  | "cert.override.requested_ack"
  | "cert.override.confirmed"
  | "cert.override.pending"
  | "token.upload.title"
  | "token.upload.intro.ADE_TOKEN"
  | "token.upload.intro.VPP_TOKEN"
  | "upload.submit"
  | "upload.file"
  | "upload.nofile"
  | "custody.title"
  | "custody.empty"
  | "custody.usage"
  | "custody.group"
  | "custody.verified"
  | "custody.never"
  | "custody.saved"
  | "custody.role.PANEL_CONTACT"
  | "custody.role.PANEL_SYSTEM_ADMIN"
  | "custody.role.PUSH_CERT_APPLE_ID"
  | "custody.role.ABM_APPLE_ID"
  | "custody.role.ANDROID_ENTERPRISE_GMAIL"
  | "custody.warning.free_mail"
  | "custody.warning.personal_address"
  | "custody.warning.not_group"
  | "custody.modal.title"
  | "custody.modal.submit"
  | "custody.modal.cancel"
  | "custody.modal.intro"
  | "custody.modal.address"
  | "custody.modal.flags"
  | "custody.modal.group"
  | "custody.modal.verified"
  | "custody.modal.password_holder"
  | "custody.modal.password_location"
  | "custody.modal.two_factor_holder"
  | "handover.title"
  | "handover.summary"
  | "handover.summary.unused"
  | "handover.in_use.push_cert_apple_id"
  | "handover.in_use.abm_apple_id"
  | "handover.in_use.android_gmail"
  | "handover.confirm"
  | "handover.confirmed_by"
  | "handover.missing"
  | "handover.policy_link"
  | "handover.policy_saved"
  | "handover.hint.custody"
  | "handover.hint.policy"
  | "handover.item.panel_contact"
  | "handover.item.system_admin"
  | "handover.item.push_cert_apple_id"
  | "handover.item.abm_apple_id"
  | "handover.item.android_gmail"
  | "handover.item.internal_rules"
  | "handover.state.missing"
  | "handover.state.incomplete"
  | "handover.state.ready"
  | "handover.state.confirmed"
  | "handover.state.not_applicable"
  | "handover.not_used"
  | "handover.missing.password_holder"
  | "handover.missing.password_location"
  | "handover.missing.two_factor_holder"
  | "handover.missing.certificate"
  | "handover.missing.last_sign_in";

export const renewals: Catalog<Key> = {
  en: {
    "mdm.help.cert": "cert csr|upload — make the push-certificate request for Apple / upload the .pem Apple returns",
    "mdm.help.certs": "certs — the push certificate in use: expiry, topic, serial, Apple ID",
    "mdm.help.renewals": "renewals — every renewal deadline; record ADE/VPP tokens and the Android Enterprise Gmail",
    "mdm.help.custody": "custody [contact|admin|push|abm|gmail] — who holds each account (never the password)",
    "mdm.help.handover": "handover [confirm|na <item>] [policy <url>] — the checklist for a change of administrator",
    "renewal.kind.PUSH_CERTIFICATE": "MDM push certificate",
    "renewal.kind.ADE_TOKEN": "ADE (DEP) server token",
    "renewal.kind.VPP_TOKEN": "VPP content token",
    "renewal.kind.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise admin Gmail sign-in",
    "renewal.steps.PUSH_CERTIFICATE":
      "*How:* 1) `/mdm cert csr` 2) sign in to <{link}|Apple Push Certificates Portal> with *{appleId}* — the same Apple ID as last year 3) press *Renew* on the existing certificate (never *Create*: a new certificate forces every device to re-enroll) and upload the request 4) download the .pem and `/mdm cert upload`.",
    "renewal.steps.ADE_TOKEN":
      "*How:* sign in to <{link}|Apple Business Manager> with *{appleId}*, open Preferences → your MDM server, download a new server token, and record its expiry with `/mdm renewals ade <YYYY-MM-DD>`.",
    "renewal.steps.VPP_TOKEN":
      "*How:* sign in to <{link}|Apple Business Manager> with *{appleId}*, open Preferences → Payments and Billing, download the content token, and `/mdm renewals upload vpp`.",
    "renewal.steps.ANDROID_ENTERPRISE_GMAIL":
      "*How:* sign in to <{link}|Google> with *{appleId}* (Google freezes an account unused for a year and Android Enterprise stops), then press *I signed in today*.",
    "renewal.not_recorded": "not recorded — `/mdm custody`",
    "renewal.field.account": "Sign in with",
    "renewal.field.password_holder": "Password held by",
    "renewal.field.two_factor": "2FA phone held by",
    "renewal.reminder.due": "Renew the {what}: {days} day(s) left (deadline {deadline})",
    "renewal.reminder.overdue": "OVERDUE: the {what} passed its deadline {deadline} ({days} day(s) ago)",
    "renewal.button.signed_in": "I signed in today",
    "renewal.button.done": "Renewed — enter the new date",
    "renewal.renewed.renewed": "{what} renewed by {who}: next deadline {deadline} (was {previous}).",
    "renewal.renewed.replaced":
      "{what} REPLACED by {who} (a new certificate for another topic, not a renewal): every enrolled Apple device must be re-enrolled. Valid until {deadline}.",
    "renewal.renewed.installed": "{what} installed by {who}: valid until {deadline}.",
    "renewal.renewed.signed_in": "{what}: {who} confirmed the sign-in; next sign-in due by {deadline}.",
    "renewal.renewed.marked":
      "{what} marked renewed by hand by {who}: next deadline {deadline} (was {previous}). Reminders continue before the new deadline.",
    "renewal.mark.title": "Record a renewal",
    "renewal.mark.submit": "Record renewal",
    "renewal.mark.intro":
      "*{what}* — current deadline *{current}*.\nEnter the NEW expiry date Apple shows for the renewed one. Reminders stop only because the deadline moves; they start again before the new date.",
    "renewal.mark.intro.gmail":
      "*{what}* — current deadline *{current}*.\nEnter the day the account signed in to Google; the next deadline is a year after it.",
    "renewal.mark.date": "New expiry date",
    "renewal.mark.date.gmail": "Signed in on",
    "renewal.mark.confirm":
      "Recording this says the {what} was renewed; it is written to the audit log under your name and announced in the admin channel.",
    "renewal.mark.not_moved":
      "That is not later than the current deadline, so nothing was renewed: the reminders continue. Enter the new expiry date.",
    "renewal.mark.date_past": "That date has already passed: the renewal is not done yet.",
    "renewal.mark.date_future": "The sign-in cannot be in the future.",
    "renewal.mark.too_far":
      "That is more than 400 days away; Apple's certificate and tokens last one year. Check the date.",
    "renewal.mark.date_required": "Choose a date.",
    "renewal.done_usage":
      "`/mdm renewals done push|ade|vpp|gmail` opens a form for the new deadline (or the sign-in day).",
    "renewal.kind.short.PUSH_CERTIFICATE": "Push certificate",
    "renewal.kind.short.ADE_TOKEN": "ADE token",
    "renewal.kind.short.VPP_TOKEN": "VPP token",
    "renewal.kind.short.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise Gmail",
    "renewal.no_deadline": "no deadline recorded",
    "renewal.state.renewed": "last renewed by {who} on {date}",
    "renewal.state.overdue": "overdue by {days} day(s)",
    "renewal.state.left": "{days} day(s) left",
    "renewal.last_sign_in": "last sign-in {date}",
    "renewal.list.title": "*Renewals* — each one missed forces re-enrolling devices:",
    "renewal.list.empty": "Nothing recorded yet.",
    "renewal.list.usage":
      "Record: `/mdm renewals ade|vpp|push <YYYY-MM-DD> [Apple ID]` · `/mdm renewals upload vpp|ade` · `/mdm renewals gmail <address> <last sign-in YYYY-MM-DD|today>` · `/mdm renewals done push|ade|vpp|gmail`",
    "renewal.bad_date": '"{value}" is not a date; write it as YYYY-MM-DD.',
    "renewal.recorded": "Recorded the {what}: {status}",
    "renewal.done_ack":
      "Recorded: the {what} was renewed, next deadline {deadline}. Its reminders start again before that date.",
    "renewal.gmail.signed_in_ack": "Sign-in recorded with your name. Next sign-in due by {deadline}.",
    "cert.usage":
      '`/mdm cert csr [email=…] [name="…"] [country=JP] [appleid=…]` makes the request for Apple · `/mdm cert upload` uploads the .pem Apple returns · `/mdm certs` shows the certificate in use',
    "cert.facts": "topic `{topic}` · serial `{serial}`",
    "cert.apple_id": "Apple ID: {appleId}",
    "cert.list.title": "*MDM push certificate*",
    "cert.none": "No push certificate installed yet.",
    "cert.requests": "Requests:",
    "cert.request.installed": "certificate installed",
    "cert.request.held": "certificate held: topic differs, waiting for two admins",
    "cert.request.waiting": "waiting for Apple's certificate",
    "cert.file.csr": "Certificate request (CSR)",
    "cert.file.signed": "Vendor-signed request for Apple's portal",
    "cert.csr.signed":
      "A new private key was made and stored encrypted. The files are posted here: upload *push-request.b64* to <{link}|Apple Push Certificates Portal> signed in as *{appleId}*, press *Renew* on the existing certificate (not *Create*), download the .pem, then `/mdm cert upload`.",
    "cert.csr.unsigned":
      "A new private key was made and stored encrypted; the CSR (*push-csr.pem*) is posted here. No vendor signing certificate is configured (MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH), so have your MDM vendor sign it, then upload it to <{link}|Apple Push Certificates Portal> signed in as *{appleId}* — press *Renew*, not *Create* — and `/mdm cert upload` the .pem.",
    "cert.upload.title": "Upload push certificate",
    "cert.upload.intro":
      "Choose the *.pem* file downloaded from Apple Push Certificates Portal. It is checked against the stored private key and the current certificate before anything changes.",
    "cert.installed.first":
      ":white_check_mark: Push certificate installed: topic `{topic}`, serial `{serial}`, valid until {deadline}.",
    "cert.installed.renewed":
      ":white_check_mark: Push certificate renewed (same topic `{topic}`, devices stay enrolled): serial `{serial}`, valid until {deadline}.",
    "cert.refused.json_file":
      "That is a .json file, not the .pem certificate — browsers sometimes save Apple's download under that name. Download it again from Apple Push Certificates Portal (another browser helps), make sure the name ends in .pem, and upload that.",
    "cert.refused.csr_not_certificate":
      "That is the certificate request you send TO Apple. Upload the .pem certificate Apple gives back after you press Renew.",
    "cert.refused.not_certificate":
      "That file is not a certificate. Upload the .pem file from Apple Push Certificates Portal.",
    "cert.refused.not_push_certificate":
      "That certificate is not an Apple MDM push certificate (no com.apple.mgmt topic in it). Upload the .pem from Apple Push Certificates Portal.",
    "cert.refused.expired":
      "That certificate has already expired ({notAfter}). Renew it in Apple Push Certificates Portal and upload the new .pem.",
    "cert.refused.no_request":
      "No certificate request was made here, so there is no private key for this certificate. Run `/mdm cert csr` first.",
    "cert.refused.key_mismatch":
      "That certificate does not match the private key stored here: Apple issued it for a different request (for example initial setup was run twice, or the request came from another tool). Upload the certificate issued for the request made with `/mdm cert csr`.",
    "cert.refused.topic_changed":
      "Refused: this is a NEW push certificate (topic `{newTopic}`), not a renewal of the current one (topic `{currentTopic}`). Installing it would cut off every enrolled Apple device and force each one to re-enroll. Renew the existing certificate instead: in Apple Push Certificates Portal, sign in with the SAME Apple ID as before and press *Renew* on it.",
    "cert.refused.apple_id_changed":
      "Not made: the push certificate was created with the Apple ID *{recorded}*. The yearly renewal renews that same certificate, so you must sign in to Apple Push Certificates Portal with the same Apple ID it was created with. With *{typed}* Apple issues a NEW certificate, and the MDM profile must then be replaced on every device (every enrolled Apple device re-enrolled). Run `/mdm cert csr appleid={recorded}` instead.",
    "cert.appleid.explain":
      "Only if the old Apple ID is truly lost and you mean to start a new certificate (every device re-enrolls): ask for it — a second, different administrator must confirm.",
    "cert.appleid.request": "Use the new Apple ID (needs a 2nd admin)",
    "cert.appleid.requested":
      "{who} asks for a push certificate request with ANOTHER Apple ID: `{recorded}` → `{next}`. That is a new certificate, not a renewal: the MDM profile must be replaced on every device (every enrolled Apple device re-enrolled).",
    "cert.appleid.second":
      "A second, different administrator must confirm. If the old Apple ID is known, renew with it instead and ignore this.",
    "cert.appleid.confirm": "Confirm the new Apple ID",
    "cert.appleid.requested_ack": "Asked: a second administrator must confirm it in the admin channel.",
    "cert.appleid.confirmed":
      "Request made for the new Apple ID *{appleId}* (asked by {who}, confirmed by you): the files are in this thread. Sign in to <{link}|Apple Push Certificates Portal> with *{appleId}*, *Create a Certificate* and upload the request. Uploading its .pem will need two administrators again, and every enrolled device must then be re-enrolled.",
    "cert.appleid.dialog.request":
      "A request with another Apple ID makes a new certificate: every enrolled Apple device must be enrolled again. A second administrator must confirm.",
    "cert.appleid.dialog.confirm":
      "The request for the new Apple ID is made now. Installing its certificate later cuts off every enrolled Apple device until it is enrolled again.",
    "cert.override.explain":
      "Only if you really mean to replace it (every device re-enrolls): request an override — a second, different administrator must confirm it.",
    "cert.override.request": "Replace anyway (needs a 2nd admin)",
    "cert.override.requested":
      "{who} asks to REPLACE the push certificate: current topic `{current}` → new topic `{next}`. Every enrolled Apple device will lose contact and must be re-enrolled.",
    "cert.override.second":
      "A second, different administrator must confirm. If this was a mistake, renew the existing certificate instead and ignore this.",
    "cert.override.confirm": "Confirm replacement",
    "cert.override.requested_ack": "Override requested: a second administrator must confirm it in the admin channel.",
    "cert.override.confirmed":
      "Push certificate replaced: new topic `{topic}`, valid until {deadline}. Devices must now be re-enrolled.",
    "cert.override.pending": "A certificate replacement requested by {who} waits for a second administrator.",
    "token.upload.title": "Upload token file",
    "token.upload.intro.ADE_TOKEN":
      "Choose the ADE server token. Note: the .p7m Apple gives is encrypted for your MDM server, so its expiry usually cannot be read; then enter the date with `/mdm renewals ade <YYYY-MM-DD>`.",
    "token.upload.intro.VPP_TOKEN":
      "Choose the *.vpptoken* file downloaded from Apple Business Manager; its expiry is read from it.",
    "upload.submit": "Upload",
    "upload.file": "File",
    "upload.nofile": "Choose a file to upload.",
    "custody.title": "*Account custody* — who holds each account (never the password itself):",
    "custody.empty": "Nothing recorded yet.",
    "custody.usage": "Record or update: `/mdm custody contact|admin|push|abm|gmail`",
    "custody.group": "group address",
    "custody.verified": "last verified {date}",
    "custody.never": "never",
    "custody.saved": "Saved: {role} — {address}",
    "custody.role.PANEL_CONTACT": "MDM panel contact person",
    "custody.role.PANEL_SYSTEM_ADMIN": "MDM panel system admin account",
    "custody.role.PUSH_CERT_APPLE_ID": "Push certificate Apple ID",
    "custody.role.ABM_APPLE_ID": "Apple Business/School Manager Apple ID",
    "custody.role.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise admin Gmail",
    "custody.warning.free_mail":
      "This is a free-mail address: use a company group address that receives outside mail, so the account outlives any one admin.",
    "custody.warning.personal_address":
      "This is a person's own address: when they leave, the account is lost. Use a shared group address.",
    "custody.warning.not_group":
      "Not marked as a shared group address: if it belongs to one person, move the account to a group address.",
    "custody.modal.title": "Account custody",
    "custody.modal.submit": "Save",
    "custody.modal.cancel": "Cancel",
    "custody.modal.intro": "Record WHO holds the password and WHERE it is kept — never the password or a 2FA code.",
    "custody.modal.address": "Account address",
    "custody.modal.flags": "Facts",
    "custody.modal.group": "Shared group address (receives outside mail)",
    "custody.modal.verified": "Sign-in checked today",
    "custody.modal.password_holder": "Who holds the password (a person)",
    "custody.modal.password_location": "Where it is kept (e.g. password manager vault)",
    "custody.modal.two_factor_holder": "Who holds the 2FA phone",
    "handover.title": "Handover checklist — when an administrator changes",
    "handover.summary": "{done} of {total} items confirmed.",
    "handover.summary.unused": "{done} of {total} items confirmed ({unused} not used here).",
    "handover.in_use.push_cert_apple_id":
      "iOS or macOS devices are enrolled, and their push certificate is renewed with this Apple ID, so it is used here.",
    "handover.in_use.abm_apple_id":
      "ADE devices are enrolled (or an ADE/VPP token is on record), and Apple Business Manager is signed in with this Apple ID, so it is used here.",
    "handover.in_use.android_gmail":
      "Android devices are enrolled, and Android Enterprise depends on this Gmail account, so it is used here.",
    "handover.confirm": "Confirm",
    "handover.confirmed_by": "confirmed by {who} on {date}",
    "handover.missing": "Missing: {list}",
    "handover.policy_link": "Internal lost-device policy",
    "handover.policy_saved": "Policy document linked to the handover checklist.",
    "handover.hint.custody": "Nothing recorded: `/mdm custody`",
    "handover.hint.policy":
      "Link the internal lost-device and breakage/replacement rules: `/mdm handover policy <url>`",
    "handover.item.panel_contact": "1. MDM panel contact person",
    "handover.item.system_admin": "2. MDM panel system admin account",
    "handover.item.push_cert_apple_id": "3. Push certificate Apple ID (password holder, 2FA phone holder)",
    "handover.item.abm_apple_id": "4. Apple Business/School Manager Apple ID",
    "handover.item.android_gmail": "5. Android Enterprise admin Gmail",
    "handover.item.internal_rules": "6. Internal rules (lost-device policy, breakage/replacement procedure)",
    "handover.state.missing": "not recorded",
    "handover.state.incomplete": "incomplete",
    "handover.state.ready": "ready to confirm",
    "handover.state.confirmed": "confirmed",
    "handover.state.not_applicable": "not used here",
    "handover.not_used": "Not used here",
    "handover.missing.password_holder": "password holder",
    "handover.missing.password_location": "where the password is kept",
    "handover.missing.two_factor_holder": "2FA phone holder",
    "handover.missing.certificate": "push certificate (expiry)",
    "handover.missing.last_sign_in": "last sign-in date",
  },
  ja: {
    "mdm.help.cert":
      "cert csr|upload — Apple 用のプッシュ通知証明書リクエストを作成 / Apple から返された .pem をアップロード",
    "mdm.help.certs": "certs — 使用中のプッシュ通知証明書(有効期限・トピック・シリアル・Apple ID)",
    "mdm.help.renewals": "renewals — 更新期限の一覧、ADE/VPP トークンと Android Enterprise 用 Gmail の登録",
    "mdm.help.custody":
      "custody [contact|admin|push|abm|gmail] — 各アカウントの管理者(パスワードそのものは記録しません)",
    "mdm.help.handover": "handover [confirm|na <項目>] [policy <url>] — 管理者交代時の引き継ぎチェックリスト",
    "renewal.kind.PUSH_CERTIFICATE": "MDM プッシュ通知証明書",
    "renewal.kind.ADE_TOKEN": "ADE(DEP)サーバトークン",
    "renewal.kind.VPP_TOKEN": "VPP コンテンツトークン",
    "renewal.kind.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise 管理者用 Gmail のログイン",
    "renewal.steps.PUSH_CERTIFICATE":
      "*手順:* 1) `/mdm cert csr` 2) <{link}|Apple Push Certificates Portal> に *{appleId}*(前回と同じ Apple ID)でサインイン 3) 既存の証明書の *Renew*(更新)を押してリクエストをアップロード(*Create* は厳禁:新しい証明書になり全デバイスの再登録が必要になります) 4) .pem をダウンロードして `/mdm cert upload`。",
    "renewal.steps.ADE_TOKEN":
      "*手順:* <{link}|Apple Business Manager> に *{appleId}* でサインインし、環境設定 → MDM サーバから新しいサーバトークンをダウンロードして、有効期限を `/mdm renewals ade <YYYY-MM-DD>` で登録してください。",
    "renewal.steps.VPP_TOKEN":
      "*手順:* <{link}|Apple Business Manager> に *{appleId}* でサインインし、環境設定 → お支払いと請求からコンテンツトークンをダウンロードして `/mdm renewals upload vpp` でアップロードしてください。",
    "renewal.steps.ANDROID_ENTERPRISE_GMAIL":
      "*手順:* <{link}|Google> に *{appleId}* でログインしてください(1 年使われないアカウントは Google により停止され、Android Enterprise が使えなくなります)。ログイン後に「今日ログインした」を押してください。",
    "renewal.not_recorded": "未登録 — `/mdm custody`",
    "renewal.field.account": "サインインするアカウント",
    "renewal.field.password_holder": "パスワード管理者",
    "renewal.field.two_factor": "2 ファクタ認証の電話の所持者",
    "renewal.reminder.due": "{what}を更新してください:残り {days} 日(期限 {deadline})",
    "renewal.reminder.overdue": "期限切れ:{what}の期限 {deadline} を過ぎています({days} 日経過)",
    "renewal.button.signed_in": "今日ログインした",
    "renewal.button.done": "更新済み — 新しい期限を入力",
    "renewal.renewed.renewed": "{what}を {who} が更新しました。次の期限は {deadline} です(以前は {previous})。",
    "renewal.renewed.replaced":
      "{what}を {who} が置き換えました(更新ではなく、別トピックの新しい証明書です)。登録済みの Apple デバイスはすべて再登録が必要です。有効期限 {deadline}。",
    "renewal.renewed.installed": "{what}を {who} が登録しました。有効期限 {deadline}。",
    "renewal.renewed.signed_in": "{what}: {who} がログインを確認しました。次のログイン期限は {deadline} です。",
    "renewal.renewed.marked":
      "{what}を {who} が手動で更新済みにしました。次の期限は {deadline} です(以前は {previous})。新しい期限の前に再びリマインダーが届きます。",
    "renewal.mark.title": "更新の記録",
    "renewal.mark.submit": "更新を記録",
    "renewal.mark.intro":
      "*{what}* — 現在の期限 *{current}*\n更新後に Apple が表示する新しい有効期限を入力してください。リマインダーが止まるのは期限が動いたからで、新しい期限の前にまた届きます。",
    "renewal.mark.intro.gmail":
      "*{what}* — 現在の期限 *{current}*\nアカウントが Google にログインした日を入力してください。次の期限はその 1 年後です。",
    "renewal.mark.date": "新しい有効期限",
    "renewal.mark.date.gmail": "ログインした日",
    "renewal.mark.confirm":
      "記録すると{what}が更新されたことになり、あなたの名前で監査ログに残り、管理者チャンネルに通知されます。",
    "renewal.mark.not_moved":
      "現在の期限より後の日付ではないため、更新は記録されていません。リマインダーは続きます。新しい有効期限を入力してください。",
    "renewal.mark.date_past": "その日付はすでに過ぎています。更新はまだ完了していません。",
    "renewal.mark.date_future": "ログイン日に未来の日付は指定できません。",
    "renewal.mark.too_far":
      "400 日より先の日付です。Apple の証明書とトークンの有効期間は 1 年です。日付を確認してください。",
    "renewal.mark.date_required": "日付を選んでください。",
    "renewal.done_usage":
      "`/mdm renewals done push|ade|vpp|gmail` で新しい期限(またはログイン日)の入力フォームが開きます。",
    "renewal.kind.short.PUSH_CERTIFICATE": "プッシュ通知証明書",
    "renewal.kind.short.ADE_TOKEN": "ADE トークン",
    "renewal.kind.short.VPP_TOKEN": "VPP トークン",
    "renewal.kind.short.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise の Gmail",
    "renewal.no_deadline": "期限未登録",
    "renewal.state.renewed": "最終更新 {date}({who})",
    "renewal.state.overdue": "{days} 日超過",
    "renewal.state.left": "残り {days} 日",
    "renewal.last_sign_in": "最終ログイン {date}",
    "renewal.list.title": "*更新期限* — 1 つでも切れるとデバイスの再登録が必要になります:",
    "renewal.list.empty": "まだ何も登録されていません。",
    "renewal.list.usage":
      "登録: `/mdm renewals ade|vpp|push <YYYY-MM-DD> [Apple ID]` · `/mdm renewals upload vpp|ade` · `/mdm renewals gmail <アドレス> <最終ログイン YYYY-MM-DD|today>` · `/mdm renewals done push|ade|vpp|gmail`",
    "renewal.bad_date": "「{value}」は日付ではありません。YYYY-MM-DD の形で入力してください。",
    "renewal.recorded": "{what}を登録しました: {status}",
    "renewal.done_ack": "{what}の更新を記録しました。次の期限は {deadline} です。その前にまたリマインダーが届きます。",
    "renewal.gmail.signed_in_ack": "ログインをあなたの名前で記録しました。次のログイン期限は {deadline} です。",
    "cert.usage":
      '`/mdm cert csr [email=…] [name="…"] [country=JP] [appleid=…]` で Apple 用のリクエストを作成 · `/mdm cert upload` で Apple から返された .pem をアップロード · `/mdm certs` で使用中の証明書を表示',
    "cert.facts": "トピック `{topic}` · シリアル `{serial}`",
    "cert.apple_id": "Apple ID: {appleId}",
    "cert.list.title": "*MDM プッシュ通知証明書*",
    "cert.none": "プッシュ通知証明書はまだ登録されていません。",
    "cert.requests": "リクエスト:",
    "cert.request.installed": "証明書登録済み",
    "cert.request.held": "保留中:トピックが異なるため 2 人の管理者の承認待ち",
    "cert.request.waiting": "Apple の証明書待ち",
    "cert.file.csr": "証明書署名要求(CSR)",
    "cert.file.signed": "Apple ポータル用のベンダー署名済みリクエスト",
    "cert.csr.signed":
      "新しい秘密鍵を作成し、暗号化して保存しました。ファイルをここに投稿します: *push-request.b64* を <{link}|Apple Push Certificates Portal> に *{appleId}* でサインインしてアップロードし、既存の証明書の *Renew*(*Create* ではなく)を押して .pem をダウンロードしたら `/mdm cert upload` してください。",
    "cert.csr.unsigned":
      "新しい秘密鍵を作成し、暗号化して保存しました。CSR(*push-csr.pem*)をここに投稿します。ベンダー署名用の証明書(MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH)が未設定のため、MDM ベンダーに署名を依頼してから <{link}|Apple Push Certificates Portal> に *{appleId}* でサインインしてアップロードし(*Create* ではなく *Renew*)、.pem を `/mdm cert upload` してください。",
    "cert.upload.title": "プッシュ通知証明書のアップロード",
    "cert.upload.intro":
      "Apple Push Certificates Portal からダウンロードした *.pem* ファイルを選んでください。保存済みの秘密鍵と現在の証明書で確認してから登録します。",
    "cert.installed.first":
      ":white_check_mark: プッシュ通知証明書を登録しました: トピック `{topic}`、シリアル `{serial}`、有効期限 {deadline}。",
    "cert.installed.renewed":
      ":white_check_mark: プッシュ通知証明書を更新しました(同じトピック `{topic}` のためデバイスの再登録は不要です): シリアル `{serial}`、有効期限 {deadline}。",
    "cert.refused.json_file":
      "これは .pem 証明書ではなく .json ファイルです。ブラウザによっては Apple のダウンロードをこの名前で保存します。Apple Push Certificates Portal から(別のブラウザで)ダウンロードし直し、ファイル名が .pem であることを確認してアップロードしてください。",
    "cert.refused.csr_not_certificate":
      "これは Apple に送る証明書署名要求です。Renew(更新)後に Apple から返される .pem 証明書をアップロードしてください。",
    "cert.refused.not_certificate":
      "このファイルは証明書ではありません。Apple Push Certificates Portal の .pem ファイルをアップロードしてください。",
    "cert.refused.not_push_certificate":
      "この証明書は Apple の MDM プッシュ通知証明書ではありません(com.apple.mgmt のトピックがありません)。Apple Push Certificates Portal の .pem をアップロードしてください。",
    "cert.refused.expired":
      "この証明書はすでに期限切れです({notAfter})。Apple Push Certificates Portal で更新し、新しい .pem をアップロードしてください。",
    "cert.refused.no_request":
      "ここで証明書リクエストが作成されていないため、この証明書の秘密鍵がありません。先に `/mdm cert csr` を実行してください。",
    "cert.refused.key_mismatch":
      "この証明書は保存されている秘密鍵と一致しません。別のリクエストに対して発行されたものです(初期設定を 2 回実行した、別のツールでリクエストを作成した、など)。`/mdm cert csr` で作成したリクエストに対して発行された証明書をアップロードしてください。",
    "cert.refused.topic_changed":
      "登録を拒否しました: これは現在の証明書(トピック `{currentTopic}`)の更新ではなく、新しいプッシュ通知証明書(トピック `{newTopic}`)です。登録すると登録済みの全 Apple デバイスとの通信が切れ、すべて再登録が必要になります。Apple Push Certificates Portal に前回と同じ Apple ID でサインインし、既存の証明書を *Renew*(更新)してください。",
    "cert.refused.apple_id_changed":
      "作成しませんでした: プッシュ通知証明書は Apple ID *{recorded}* で作成されています。年次更新作業では同一の証明書を更新するため、証明書取得時と同一の Apple ID で Apple Push Certificates Portal へサインインする必要があります。*{typed}* では新しい証明書の発行になり、デバイスへの MDM 構成プロファイルの入れ替え作業(登録済みの全 Apple デバイスの再登録)が必要になります。`/mdm cert csr appleid={recorded}` を実行してください。",
    "cert.appleid.explain":
      "以前の Apple ID が本当に不明で、新しい証明書で始め直す場合のみ(全デバイスの再登録が必要): 申請してください。別の管理者 1 名の承認が必要です。",
    "cert.appleid.request": "新しい Apple ID で申請(2 人目の承認が必要)",
    "cert.appleid.requested":
      "{who} が別の Apple ID でのプッシュ通知証明書リクエストを申請しました: `{recorded}` → `{next}`。これは更新ではなく新しい証明書の発行です。デバイスへの MDM 構成プロファイルの入れ替え作業(登録済みの全 Apple デバイスの再登録)が必要になります。",
    "cert.appleid.second":
      "申請者とは別の管理者の承認が必要です。以前の Apple ID がわかる場合はその Apple ID で更新し、この申請は無視してください。",
    "cert.appleid.confirm": "新しい Apple ID を承認",
    "cert.appleid.requested_ack": "申請しました。管理者チャンネルで別の管理者が承認する必要があります。",
    "cert.appleid.confirmed":
      "新しい Apple ID *{appleId}* でリクエストを作成しました(申請: {who}、承認: あなた)。ファイルはこのスレッドにあります。<{link}|Apple Push Certificates Portal> に *{appleId}* でサインインし、*Create a Certificate* でリクエストをアップロードしてください。返された .pem のアップロードには再度 2 人の管理者が必要で、その後は登録済みの全デバイスの再登録が必要です。",
    "cert.appleid.dialog.request":
      "別の Apple ID でのリクエストは新しい証明書になり、登録済みのすべての Apple デバイスを登録し直すことになります。別の管理者の確認が必要です。",
    "cert.appleid.dialog.confirm":
      "新しい Apple ID でリクエストを今すぐ作成します。その証明書を適用すると、登録し直すまで登録済みのすべての Apple デバイスと通信できなくなります。",
    "cert.override.explain":
      "本当に置き換える場合のみ(全デバイスの再登録が必要): 置き換えを申請してください。別の管理者 1 名の承認が必要です。",
    "cert.override.request": "置き換えを申請(2 人目の承認が必要)",
    "cert.override.requested":
      "{who} がプッシュ通知証明書の置き換えを申請しました: 現在のトピック `{current}` → 新しいトピック `{next}`。登録済みの全 Apple デバイスとの通信が切れ、再登録が必要になります。",
    "cert.override.second":
      "申請者とは別の管理者の承認が必要です。誤りの場合は既存の証明書を更新し、この申請は無視してください。",
    "cert.override.confirm": "置き換えを承認",
    "cert.override.requested_ack": "置き換えを申請しました。管理者チャンネルで別の管理者が承認する必要があります。",
    "cert.override.confirmed":
      "プッシュ通知証明書を置き換えました: 新しいトピック `{topic}`、有効期限 {deadline}。デバイスの再登録が必要です。",
    "cert.override.pending": "{who} が申請した証明書の置き換えが 2 人目の管理者の承認を待っています。",
    "token.upload.title": "トークンファイルのアップロード",
    "token.upload.intro.ADE_TOKEN":
      "ADE サーバトークンを選んでください。注意: Apple の .p7m は MDM サーバ向けに暗号化されているため、通常は有効期限を読み取れません。その場合は `/mdm renewals ade <YYYY-MM-DD>` で日付を入力してください。",
    "token.upload.intro.VPP_TOKEN":
      "Apple Business Manager からダウンロードした *.vpptoken* ファイルを選んでください。有効期限をファイルから読み取ります。",
    "upload.submit": "アップロード",
    "upload.file": "ファイル",
    "upload.nofile": "アップロードするファイルを選んでください。",
    "custody.title": "*アカウントの管理状況* — 各アカウントを誰が管理しているか(パスワードそのものは記録しません):",
    "custody.empty": "まだ何も登録されていません。",
    "custody.usage": "登録・更新: `/mdm custody contact|admin|push|abm|gmail`",
    "custody.group": "グループアドレス",
    "custody.verified": "最終確認 {date}",
    "custody.never": "未確認",
    "custody.saved": "保存しました: {role} — {address}",
    "custody.role.PANEL_CONTACT": "MDM 管理パネルの担当者",
    "custody.role.PANEL_SYSTEM_ADMIN": "MDM 管理パネルのシステム管理者アカウント",
    "custody.role.PUSH_CERT_APPLE_ID": "プッシュ通知証明書の Apple ID",
    "custody.role.ABM_APPLE_ID": "Apple Business/School Manager の Apple ID",
    "custody.role.ANDROID_ENTERPRISE_GMAIL": "Android Enterprise 管理者用 Gmail",
    "custody.warning.free_mail":
      "フリーメールのアドレスです。担当者が替わってもアカウントが残るよう、社外からのメールを受信できる会社のグループアドレスを使ってください。",
    "custody.warning.personal_address":
      "個人のアドレスです。その人が退職するとアカウントを失います。共有のグループアドレスを使ってください。",
    "custody.warning.not_group":
      "共有グループアドレスとして登録されていません。個人のものであればグループアドレスに移してください。",
    "custody.modal.title": "アカウントの管理状況",
    "custody.modal.submit": "保存",
    "custody.modal.cancel": "キャンセル",
    "custody.modal.intro":
      "パスワードを「誰が」持ち「どこに」保管しているかを記録します。パスワードや認証コードそのものは絶対に入力しないでください。",
    "custody.modal.address": "アカウントのアドレス",
    "custody.modal.flags": "状態",
    "custody.modal.group": "共有グループアドレス(社外からのメールを受信可)",
    "custody.modal.verified": "今日サインインを確認した",
    "custody.modal.password_holder": "パスワードの管理者(人)",
    "custody.modal.password_location": "保管場所(例: パスワード管理ツールの保管庫)",
    "custody.modal.two_factor_holder": "2 ファクタ認証の電話の所持者",
    "handover.title": "引き継ぎチェックリスト — 管理者の交代時",
    "handover.summary": "{total} 項目中 {done} 項目確認済み。",
    "handover.summary.unused": "{total} 項目中 {done} 項目確認済み(ほか {unused} 項目は利用なし)。",
    "handover.in_use.push_cert_apple_id":
      "iOS / macOS デバイスが登録されており、そのプッシュ通知証明書はこの Apple ID で更新するため、「利用なし」にはできません。",
    "handover.in_use.abm_apple_id":
      "ADE デバイスが登録されている(または ADE / VPP トークンが記録されている)ため、Apple Business Manager の管理用 Apple ID は利用中です。「利用なし」にはできません。",
    "handover.in_use.android_gmail":
      "Android デバイスが登録されており、Android Enterprise はこの Gmail アカウントに依存するため、「利用なし」にはできません。",
    "handover.confirm": "確認済みにする",
    "handover.confirmed_by": "{date} に {who} が確認",
    "handover.missing": "不足: {list}",
    "handover.policy_link": "社内の紛失時対応方針",
    "handover.policy_saved": "方針のドキュメントを引き継ぎチェックリストにリンクしました。",
    "handover.hint.custody": "未登録: `/mdm custody`",
    "handover.hint.policy": "紛失時の対応方針・故障/交換時の手順をリンクしてください: `/mdm handover policy <url>`",
    "handover.item.panel_contact": "1. MDM 管理パネルの担当者情報",
    "handover.item.system_admin": "2. MDM 管理パネルのシステム管理者アカウント情報",
    "handover.item.push_cert_apple_id":
      "3. プッシュ通知証明書取得時の Apple ID(パスワード管理者、2 ファクタ認証の電話の所持者)",
    "handover.item.abm_apple_id": "4. Apple Business Manager / School Manager の管理用 Apple ID",
    "handover.item.android_gmail": "5. Android Enterprise 管理者用 Gmail アカウント",
    "handover.item.internal_rules": "6. 社内ルール(紛失時の対応方針・故障/交換時の対応手順)",
    "handover.state.missing": "未登録",
    "handover.state.incomplete": "不足あり",
    "handover.state.ready": "確認待ち",
    "handover.state.confirmed": "確認済み",
    "handover.state.not_applicable": "利用していない",
    "handover.not_used": "利用していない",
    "handover.missing.password_holder": "パスワード管理者",
    "handover.missing.password_location": "パスワードの保管場所",
    "handover.missing.two_factor_holder": "2 ファクタ認証の電話の所持者",
    "handover.missing.certificate": "プッシュ通知証明書(有効期限)",
    "handover.missing.last_sign_in": "最終ログイン日",
  },
};
