// Why the core refused, by its reason code (`error.reason.<reason>`; the codes are listed in the
// core's reason registry). Each text fills the `{reason}` or `{what}` of its kind's prefix
// (`error.not_found`: 「見つかりません: {what}」), so a not-found text names only the thing.
import type { Catalog } from "../catalog.js";

const en = {
  // Who may act.
  "error.reason.auth.admin": "only an administrator can do this",
  "error.reason.auth.system_admin": "only a system administrator can do this",
  "error.reason.auth.device_admin": "only a system administrator or this device's department administrator can do this",
  "error.reason.auth.report_device_admin":
    "only a system administrator or the department administrator of the report's device can do this",
  // Shared input checks.
  "error.reason.input.not_email": "this is not an email address",
  "error.reason.input.phone": "the phone number may contain digits, spaces, +, -, ( ) only",
  "error.reason.input.not_date": "this is not a date",
  // Things looked up and not there: the text names the thing (「見つかりません: デバイス」).
  "error.reason.not_found.device": "the device",
  "error.reason.not_found.report": "the loss report",
  "error.reason.not_found.command": "the request",
  "error.reason.not_found.wipe": "the wipe",
  "error.reason.not_found.find_my_pin": "the Find My PIN",
  "error.reason.not_found.alert": "the alert",
  "error.reason.not_found.consent": "the question to the owner",
  "error.reason.not_found.enrollment_claim": "the enrolment request",
  "error.reason.not_found.policy_change": "the policy change",
  "error.reason.not_found.renewal": "the renewal",
  "error.reason.not_found.certificate_override":
    "the request for a second administrator (it was already confirmed, or never made)",
  // Devices named by what an administrator typed.
  "error.reason.device.name_one": "name a device: its name, serial number, UDID or IMEI",
  "error.reason.device.several_match": "several devices match; use the serial number or UDID",
  "error.reason.device.search_too_short":
    "type at least two characters: a device name, serial, UDID, IMEI or owner e-mail",
  // Commands, wipes and lost mode.
  "error.reason.command.already_requested": "this is already requested for this device",
  "error.reason.command.already_in_state": "this request is already {state}",
  "error.reason.command.decided_meanwhile": "another administrator decided on this a moment ago",
  "error.reason.command.changed_meanwhile": "the request changed meanwhile; nothing was cancelled",
  "error.reason.command.no_approval_needed": "this request needs no second approval",
  "error.reason.wipe.company_data_no_options": "removing company data has no erase options",
  "error.reason.wipe.option_invalid": "this device has no such erase option, or not that value",
  "error.reason.lost_mode.message_or_phone": "enter a lock-screen message or a phone number (at least one)",
  "error.reason.lost_mode.too_long": "each lost-mode text can be at most {max} characters",
  "error.reason.bulk.no_devices": "name at least one device by serial number, UDID or IMEI",
  "error.reason.bulk.too_many": "at most {max} devices in one request",
  "error.reason.policy_change.already_applied": "this change is already applied",
  "error.reason.policy_change.already_withdrawn": "this change is already withdrawn",
  // Enrolment and the device agent.
  "error.reason.enrollment.platform": "platform must be ios, ipados, macos, android or windows",
  "error.reason.enrollment.code_spent": "enrolment code unknown, already used or expired",
  "error.reason.enrollment.identifiers_taken":
    "these identifiers (serial, UDID or IMEI) belong to another enrolled device, or a second enrolment ran at the same moment: try again",
  "error.reason.enrollment.already_decided": "this enrolment was already decided",
  "error.reason.enrollment.owner_email": "give the owner's e-mail address",
  "error.reason.enrollment.closed": "device enrolment is closed: AGENT_ENROLLMENT_SECRET is not set",
  "error.reason.enrollment.wrong_secret": "wrong enrolment secret",
  "error.reason.agent.token_missing": "missing bearer token",
  "error.reason.agent.token_unknown": "unknown or revoked device token",
  "error.reason.agent.awaiting_approval": "this enrolment waits for an administrator's approval: check in again later",
  "error.reason.agent.enrollment_refused": "this enrolment was refused by an administrator",
  "error.reason.consent.already_answered": "already answered; the first answer stands",
  // Loss reports, checklists, alerts, the digest.
  "error.reason.report.device_missing": "say which device was lost",
  "error.reason.report.reference_format": "this is not a report reference such as LR-2026-0001",
  "error.reason.checklist.invalid": "a checklist answer is not valid",
  "error.reason.alert.batch_too_large": "at most {max} alerts per request; send the rest separately",
  "error.reason.digest.unknown_platform": "unknown platform",
  "error.reason.digest.hours": "hours must be a whole number from 0 (off) to {max}",
  "error.reason.preferences.slack_only": "only a Slack user has preferences here",
  "error.reason.preferences.time_zone": 'unknown time zone "{zone}" (e.g. Asia/Tokyo)',
  "error.reason.preferences.no_email": "Slack did not tell us your e-mail address; ask an administrator to add you",
  // Certificates, renewals, custody and handover.
  "error.reason.certificate.override_waiting": "this is already waiting for a second administrator",
  "error.reason.certificate.override_second_admin": "a second, different administrator must confirm this",
  "error.reason.certificate.override_confirmed_meanwhile": "another administrator confirmed this a moment ago",
  "error.reason.certificate.same_apple_id": "the Apple ID is the certificate's own: run `/mdm cert csr` normally",
  "error.reason.certificate.country": "the country must be a two-letter code such as JP",
  "error.reason.certificate.name": "a name is needed for the request",
  "error.reason.certificate.apple_id_too_long": "an Apple ID is an e-mail address of at most 254 characters",
  "error.reason.certificate.topic_same_again":
    "the topic no longer differs from the current certificate: upload it again normally",
  "error.reason.certificate.vendor_unreadable":
    "the MDM vendor certificate or key (MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH) cannot be read",
  "error.reason.renewal.gmail_by_sign_in": "the Android Enterprise Gmail is recorded by its last sign-in",
  "error.reason.renewal.sign_in_gmail_only": "only the Android Enterprise Gmail is renewed by signing in",
  "error.reason.renewal.ade_encrypted":
    "the ADE server token (.p7m) is encrypted for your MDM server, so its expiry cannot be read here. Enter the expiry date shown in Apple Business Manager (Settings → your MDM server).",
  "error.reason.renewal.token_unreadable":
    "the expiry could not be read from this file. Enter the date shown in Apple Business Manager instead.",
  "error.reason.custody.unknown_role": "unknown account role",
  "error.reason.custody.secret_refused":
    "record who holds the password or 2FA phone and where it is kept — never the password or a code itself. Nothing was saved.",
  "error.reason.handover.unknown_item": "unknown checklist item",
  "error.reason.handover.incomplete": "this item cannot be confirmed yet: some records are missing",
  "error.reason.handover.not_optional":
    "only the push-certificate Apple ID, the ABM/ASM Apple ID and the Android Enterprise Gmail can be marked as not used",
  "error.reason.handover.policy_url": "give the policy document's address, starting with https://",
  "error.reason.secrets.key_missing":
    "SECRET_ENCRYPTION_KEY is not set, so a private key cannot be stored safely. Set it to 32 random bytes (base64 or hex) and try again.",
  "error.reason.secrets.key_invalid": "SECRET_ENCRYPTION_KEY must be 32 bytes written as base64 or hex",
} as const;

type Key = keyof typeof en;

export const refusals: Catalog<Key> = {
  en,
  ja: {
    // Who may act.
    "error.reason.auth.admin": "この操作ができるのは管理者だけです",
    "error.reason.auth.system_admin": "この操作ができるのはシステム管理者だけです",
    "error.reason.auth.device_admin": "この操作ができるのは、システム管理者かこのデバイスの部門管理者だけです",
    "error.reason.auth.report_device_admin":
      "この操作ができるのは、システム管理者か紛失届のデバイスの部門管理者だけです",
    // Shared input checks.
    "error.reason.input.not_email": "メールアドレスの形式ではありません",
    "error.reason.input.phone": "電話番号に使えるのは数字、空白、+、-、( ) だけです",
    "error.reason.input.not_date": "日付として読めません",
    // Things looked up and not there: the text names the thing (「見つかりません: デバイス」).
    "error.reason.not_found.device": "デバイス",
    "error.reason.not_found.report": "紛失届",
    "error.reason.not_found.command": "依頼",
    "error.reason.not_found.wipe": "初期化の依頼",
    "error.reason.not_found.find_my_pin": "「探す」の PIN",
    "error.reason.not_found.alert": "アラート",
    "error.reason.not_found.consent": "所有者への同意の確認",
    "error.reason.not_found.enrollment_claim": "登録の申請",
    "error.reason.not_found.policy_change": "ポリシーの変更",
    "error.reason.not_found.renewal": "更新の項目",
    "error.reason.not_found.certificate_override": "2人目の管理者への確認依頼(すでに確認済みか、依頼されていません)",
    // Devices named by what an administrator typed.
    "error.reason.device.name_one": "デバイスを名前、シリアル番号、UDID または IMEI で指定してください",
    "error.reason.device.several_match": "複数のデバイスが該当します。シリアル番号か UDID で指定してください",
    "error.reason.device.search_too_short":
      "2文字以上入力してください(デバイス名、シリアル番号、UDID、IMEI、所有者のメールアドレス)",
    // Commands, wipes and lost mode.
    "error.reason.command.already_requested": "このデバイスにはすでに同じ依頼が出ています",
    "error.reason.command.already_in_state": "この依頼はすでに「{state}」です",
    "error.reason.command.decided_meanwhile": "直前に別の管理者がこの依頼を処理しました",
    "error.reason.command.changed_meanwhile": "依頼の状態が変わったため、取り消しませんでした",
    "error.reason.command.no_approval_needed": "この依頼に2人目の承認は必要ありません",
    "error.reason.wipe.company_data_no_options": "会社のデータの削除には初期化のオプションがありません",
    "error.reason.wipe.option_invalid": "このデバイスにはその初期化オプション(またはその値)がありません",
    "error.reason.lost_mode.message_or_phone": "ロック画面のメッセージか電話番号のどちらかを入力してください",
    "error.reason.lost_mode.too_long": "紛失モードの各項目は {max} 文字以内で入力してください",
    "error.reason.bulk.no_devices": "シリアル番号、UDID または IMEI でデバイスを1台以上指定してください",
    "error.reason.bulk.too_many": "1回の依頼で指定できるデバイスは {max} 台までです",
    "error.reason.policy_change.already_applied": "この変更はすでに適用されています",
    "error.reason.policy_change.already_withdrawn": "この変更はすでに取り下げられています",
    // Enrolment and the device agent.
    "error.reason.enrollment.platform": "プラットフォームは ios、ipados、macos、android、windows のいずれかです",
    "error.reason.enrollment.code_spent": "登録コードが正しくないか、使用済みか、期限切れです",
    "error.reason.enrollment.identifiers_taken":
      "この識別情報(シリアル番号、UDID、IMEI)は登録済みの別のデバイスのものか、同時に別の登録が行われました。もう一度お試しください",
    "error.reason.enrollment.already_decided": "この登録はすでに判断済みです",
    "error.reason.enrollment.owner_email": "所有者のメールアドレスを入力してください",
    "error.reason.enrollment.closed": "AGENT_ENROLLMENT_SECRET が設定されていないため、デバイスを登録できません",
    "error.reason.enrollment.wrong_secret": "登録用シークレットが違います",
    "error.reason.agent.token_missing": "デバイスのトークンがありません",
    "error.reason.agent.token_unknown": "デバイスのトークンが無効か、取り消されています",
    "error.reason.agent.awaiting_approval": "この登録は管理者の承認待ちです。しばらくしてから再度接続してください",
    "error.reason.agent.enrollment_refused": "この登録は管理者に拒否されました",
    "error.reason.consent.already_answered": "すでに回答済みです。最初の回答が有効です",
    // Loss reports, checklists, alerts, the digest.
    "error.reason.report.device_missing": "紛失したデバイスを入力してください",
    "error.reason.report.reference_format": "LR-2026-0001 のような紛失届の番号を入力してください",
    "error.reason.checklist.invalid": "チェックリストの回答が正しくありません",
    "error.reason.alert.batch_too_large": "1回に送れるアラートは {max} 件までです。残りは分けて送ってください",
    "error.reason.digest.unknown_platform": "プラットフォームが正しくありません",
    "error.reason.digest.hours": "時間は 0(オフ)から {max} までの整数で入力してください",
    "error.reason.preferences.slack_only": "設定を保存できるのは Slack のユーザーだけです",
    "error.reason.preferences.time_zone": "タイムゾーン「{zone}」は使えません(例: Asia/Tokyo)",
    "error.reason.preferences.no_email":
      "Slack からメールアドレスを取得できませんでした。管理者に登録を依頼してください",
    // Certificates, renewals, custody and handover.
    "error.reason.certificate.override_waiting": "すでに2人目の管理者の確認待ちです",
    "error.reason.certificate.override_second_admin": "確認するのは、依頼した人とは別の管理者です",
    "error.reason.certificate.override_confirmed_meanwhile": "直前に別の管理者が確認しました",
    "error.reason.certificate.same_apple_id":
      "この Apple ID は証明書と同じです。通常どおり `/mdm cert csr` を実行してください",
    "error.reason.certificate.country": "国は JP のような2文字のコードで入力してください",
    "error.reason.certificate.name": "証明書の要求には名前が必要です",
    "error.reason.certificate.apple_id_too_long": "Apple ID はメールアドレスで、254 文字以内です",
    "error.reason.certificate.topic_same_again":
      "トピックが現在の証明書と同じになりました。通常どおりもう一度アップロードしてください",
    "error.reason.certificate.vendor_unreadable":
      "MDM ベンダー証明書または鍵(MDM_VENDOR_CERT_PATH / MDM_VENDOR_KEY_PATH)を読み込めません",
    "error.reason.renewal.gmail_by_sign_in": "Android Enterprise の Gmail は最後にログインした日で記録します",
    "error.reason.renewal.sign_in_gmail_only": "ログインで更新できるのは Android Enterprise の Gmail だけです",
    "error.reason.renewal.ade_encrypted":
      "ADE サーバートークン(.p7m)は MDM サーバー向けに暗号化されているため、ここでは有効期限を読み取れません。Apple Business Manager(設定 → MDM サーバー)に表示される有効期限を入力してください",
    "error.reason.renewal.token_unreadable":
      "このファイルから有効期限を読み取れませんでした。Apple Business Manager に表示される日付を入力してください",
    "error.reason.custody.unknown_role": "アカウントの種類が正しくありません",
    "error.reason.custody.secret_refused":
      "記録するのは、パスワードや2要素認証の電話を持つ人と保管場所です。パスワードやコードそのものは記録しないでください。何も保存していません",
    "error.reason.handover.unknown_item": "引き継ぎチェックリストにない項目です",
    "error.reason.handover.incomplete": "まだ確認済みにできません。足りない記録があります",
    "error.reason.handover.not_optional":
      "「使用しない」にできるのは、MDM プッシュ通知証明書の Apple ID、ABM/ASM の Apple ID、Android Enterprise の Gmail だけです",
    "error.reason.handover.policy_url": "規程文書のアドレスを https:// から入力してください",
    "error.reason.secrets.key_missing":
      "SECRET_ENCRYPTION_KEY が設定されていないため、秘密鍵を安全に保存できません。32 バイトのランダムな値(base64 か16進数)を設定してから、もう一度お試しください",
    "error.reason.secrets.key_invalid": "SECRET_ENCRYPTION_KEY は 32 バイトの値を base64 か16進数で書いてください",
  },
};
