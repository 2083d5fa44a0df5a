// Re-enrolment claims of known devices, asked in the admin channel (issue 17).
import type { Catalog } from "../catalog.js";

const en = {
  "enroll.claim.text":
    "A device already enrolled enrolled again without its current token: {device} ({ids}). Nothing changes until an administrator approves.",
  "enroll.claim.now": "Now",
  "enroll.claim.claimed": "After approval",
  "enroll.claim.platform": "Platform",
  "enroll.claim.supervised": "Supervised",
  "enroll.claim.owner": "Owner",
  "enroll.claim.department": "Department",
  "enroll.claim.yes": "yes",
  "enroll.claim.no": "no",
  "enroll.claim.help":
    "Approve only if this really is the same device (a reinstall, a replacement agent). Approving gives it a new token and cancels the commands still waiting for the old one; refusing leaves the device as it is.",
  "enroll.claim.approve": "Approve re-enrolment",
  "enroll.claim.reject": "Refuse",
  "enroll.claim.approved": "Approved: the device is enrolled again under its new token (recorded in the audit log).",
  "enroll.claim.rejected": "Refused: the device stays as it was, and the new token does not work.",
  "enroll.claim.decided.approved": ":white_check_mark: Re-enrolment approved by {who} on {at}.",
  "enroll.claim.decided.rejected": ":no_entry_sign: Re-enrolment refused by {who} on {at}.",
  "mdm.help.enroll": "enroll <owner e-mail> — a one-time enrolment code for that person's device",
  "enroll.code.issued":
    "One-time enrolment code for {owner}'s device: `{code}` — valid until {until}, once. The agent sends it as enrollmentCode instead of the shared secret; the device is enrolled for {owner}. Shown only now.",
};

export const enrollment: Catalog<keyof typeof en> = {
  en,
  ja: {
    "enroll.claim.text":
      "登録済みのデバイスが、現在のトークンなしで再登録しようとしています: {device}（{ids}）。管理者が承認するまで何も変わりません。",
    "enroll.claim.now": "現在",
    "enroll.claim.claimed": "承認後",
    "enroll.claim.platform": "プラットフォーム",
    "enroll.claim.supervised": "監視対象",
    "enroll.claim.owner": "所有者",
    "enroll.claim.department": "部署",
    "enroll.claim.yes": "はい",
    "enroll.claim.no": "いいえ",
    "enroll.claim.help":
      "本当に同じデバイス（再インストール、エージェントの入れ直し）の場合のみ承認してください。承認すると新しいトークンが発行され、古いトークン宛てに待機中のコマンドは取り消されます。拒否するとデバイスはそのままです。",
    "enroll.claim.approve": "再登録を承認",
    "enroll.claim.reject": "拒否",
    "enroll.claim.approved": "承認しました。デバイスは新しいトークンで再登録されました（監査ログに記録）。",
    "enroll.claim.rejected": "拒否しました。デバイスはそのままで、新しいトークンは使えません。",
    "enroll.claim.decided.approved": ":white_check_mark: {who} さんが {at} に再登録を承認しました。",
    "enroll.claim.decided.rejected": ":no_entry_sign: {who} さんが {at} に再登録を拒否しました。",
    "mdm.help.enroll": "enroll <所有者のメールアドレス> — その人のデバイス用の使い捨て登録コードを発行",
    "enroll.code.issued":
      "{owner} さんのデバイス用の使い捨て登録コード: `{code}` — {until} まで、1 回だけ有効です。エージェントは共有シークレットの代わりに enrollmentCode として送ります。デバイスは {owner} さんの所有として登録されます。表示はこの一度だけです。",
  },
};
