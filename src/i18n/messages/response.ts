// Incident response: the brake on destruction, the response policy, bulk requests,
// escalation, the case record, the theft/loss checklist and personal devices.
import type { Catalog } from "../catalog.js";

type Key =
  | "brake.thread.requested"
  | "brake.thread.break_glass"
  | "brake.thread.approval_recorded"
  | "brake.ephemeral.requested"
  | "brake.ephemeral.approval_recorded"
  | "brake.ephemeral.approved"
  | "brake.refused.already_approved"
  | "brake.refused.two_person_command"
  | "brake.button.approve"
  | "brake.button.cancel"
  | "brake.approve.title"
  | "brake.approve.text"
  | "brake.cancel.title"
  | "brake.cancel.text"
  | "brake.thread.approved"
  | "brake.thread.withdrawn"
  | "brake.thread.request_expired"
  | "brake.ephemeral.cancelled"
  | "brake.refused.policy_self"
  | "brake.bulk.unknown"
  | "brake.security.wipe_past_limit"
  | "brake.security.bulk_request"
  | "brake.policy.title"
  | "brake.policy.limit"
  | "brake.policy.second_admin"
  | "brake.policy.none"
  | "brake.policy.pending"
  | "brake.policy.proposed"
  | "brake.policy.applied"
  | "brake.policy.withdrawn"
  | "brake.policy.approve"
  | "brake.policy.withdraw"
  | "brake.policy.change.approval_on"
  | "brake.policy.change.approval_off"
  | "brake.policy.change.wipe_limit"
  | "brake.policy.usage"
  | "brake.policy.proposed_ephemeral"
  | "brake.policy.applied_ephemeral"
  | "brake.bulk.usage"
  | "brake.bulk.result"
  | "brake.bulk.line_ok"
  | "brake.bulk.line_refused"
  | "brake.bulk.lost_message"
  | "brake.bulk.upload_title"
  | "brake.bulk.upload_intro"
  | "mdm.help.brake"
  | "mdm.help.bulk"
  | "mdm.help.case"
  | "response.escalated"
  | "response.escalated.no_group"
  | "response.escalated.business"
  | "response.escalated.off_hours"
  | "response.wipe_question"
  | "response.wipe_question.button"
  | "response.digest.medians";

export const response: Catalog<Key> = {
  en: {
    "brake.thread.requested":
      ":hourglass: {who} asked for *{type}* on {name}. The response policy requires a second administrator. {expiry}",
    "brake.thread.break_glass":
      ":rotating_light: {who} asked to *wipe* {name}, past the company limit of {limit} wipes per rolling hour. *Break-glass*: two administrators other than the requester must approve. {expiry}",
    "brake.thread.approval_recorded":
      ":ballot_box_with_check: {who} approved {type} of {name} ({given} of {required}); one more administrator other than the requester must approve.",
    "brake.ephemeral.requested":
      "{type} of {name} requested. The response policy requires another administrator to approve it.",
    "brake.ephemeral.approval_recorded":
      "Your approval of {type} of {name} is recorded ({given} of {required}). It is past the wipe limit: one more administrator must approve.",
    "brake.ephemeral.approved": "{type} of {name} approved and queued.",
    "brake.refused.already_approved": "you have already approved this; another administrator must approve it too",
    "brake.refused.two_person_command":
      "the response policy requires a second administrator: you requested this, so someone else must approve it",
    "brake.button.approve": "Approve: {type}",
    "brake.button.cancel": "Withdraw request",
    "brake.approve.title": "Approve {type}?",
    "brake.approve.text": "{type} for {name} is sent to the device now.",
    "brake.cancel.title": "Withdraw the request?",
    "brake.cancel.text":
      "The request for {type} on {name} is withdrawn: nobody can approve it any more and nothing is sent.",
    "brake.thread.approved": ":white_check_mark: {type} of {name} approved by {who} ({at}) and queued. {expiry}",
    "brake.thread.withdrawn":
      ":no_entry_sign: Request for *{type}* on {name} withdrawn by {who} ({at}). Nothing was sent.",
    "brake.thread.request_expired":
      ":alarm_clock: Request for *{type}* on {name} expired ({at}): nobody approved it in time. Nothing was sent.",
    "brake.ephemeral.cancelled": "Request for *{type}* on {name} withdrawn.",
    "brake.refused.policy_self":
      "a policy change needs a second administrator: you proposed it, so someone else must approve it",
    "brake.bulk.unknown":
      "no device has the serial number, UDID or IMEI {unknown}. Nothing was requested; check the list and send it again",
    "brake.security.wipe_past_limit":
      ":rotating_light: *Wipe past the limit*: {who} asked to wipe {name} while {limit} or more wipes were already requested or released in the last hour. It waits for two administrators other than the requester.",
    "brake.security.bulk_request":
      ":warning: *Request naming {count} devices*: {who} asked for *{type}* on {devices} (from {source}). Each device goes through the usual approvals and the wipe limit.",
    "brake.policy.title": "*Response policy*",
    "brake.policy.limit": "Wipes per rolling hour before break-glass (two other administrators): *{limit}*",
    "brake.policy.second_admin": "Commands that need a second administrator: wipe (always), {types}",
    "brake.policy.none": "wipe only",
    "brake.policy.pending": "Waiting for a second administrator: {change} — proposed by {who}",
    "brake.policy.proposed":
      ":scales: {who} proposes a response-policy change: *{change}*. Another system administrator must approve it.",
    "brake.policy.applied":
      ":white_check_mark: Response-policy change *{change}* proposed by {proposer} was approved by {who} and applies now.",
    "brake.policy.withdrawn": "Response-policy change *{change}* was withdrawn by {who}.",
    "brake.policy.approve": "Approve change",
    "brake.policy.withdraw": "Withdraw",
    "brake.policy.change.approval_on": "{type} needs a second administrator",
    "brake.policy.change.approval_off": "{type} no longer needs a second administrator",
    "brake.policy.change.wipe_limit": "wipe limit {limit} per rolling hour",
    "brake.policy.usage":
      "Usage: `/mdm brake` shows the policy; `/mdm brake limit 5`; `/mdm brake lostmode on|off`, `lock on|off`, `unlostmode on|off`, `locate on|off`, `sound on|off`. A second system administrator approves each change in the admin channel.",
    "brake.policy.proposed_ephemeral":
      "Proposed: {change}. It applies when another system administrator approves it in the admin channel.",
    "brake.policy.applied_ephemeral": "Applied: {change}.",
    "brake.bulk.usage":
      "Usage: `/mdm bulk wipe|lock|lostmode <serial|UDID|IMEI> …` — or paste CSV lines after the type, the first column being the serial number, UDID or IMEI. Every device goes through the usual approvals and the wipe limit; the request is posted to the security channel.",
    "brake.bulk.result": "*{type}* for {count} devices (request {batch}):",
    "brake.bulk.line_ok": "• {name}: {state}",
    "brake.bulk.line_refused": "• {name}: refused — {reason}",
    "brake.bulk.lost_message": "This device has been reported lost. Please contact the company's IT department.",
    "brake.bulk.upload_title": "Several devices at once",
    "brake.bulk.upload_intro":
      "Upload a CSV: an inventory export (`/mdm export`, the serial number, UDID or IMEI columns are read) or one serial number per line. Every device goes through the usual approvals and the wipe limit; the request is posted to the security channel, and the result comes to you by DM.",
    "mdm.help.brake":
      "brake [limit <n> | lostmode|lock|unlostmode|locate|sound on|off] — the brake on destruction: wipe limit and which commands need a second administrator (two admins change it)",
    "mdm.help.bulk":
      "bulk wipe|lock|lostmode <serial> … — one command for several devices, through the same approvals (posted to the security channel)",
    "mdm.help.case": "case LR-2026-0001 — the report's case record (事故報告書) as PDF and CSV, from the audit log",
    "response.escalated":
      ":bell: {group} nobody has acted on *{reference}* for {minutes} minutes ({when}). Please take it: enable lost mode, or mark it found or dismissed.",
    "response.escalated.no_group": "On-call administrators:",
    "response.escalated.business": "business hours",
    "response.escalated.off_hours": "outside business hours",
    "response.wipe_question":
      ":hourglass_flowing_sand: Lost mode has been on for {hours} hours and {names} has not been found. Google's advice is to wipe a device not recovered within 24 hours. Wipe it? A second administrator approves, as always.",
    "response.wipe_question.button": "Wipe {name}",
    "response.digest.medians":
      ":stopwatch: *This week's response* ({incidents} incidents): median time to the first decision *{first}* ({acted} acted on), to lost mode on the device *{lost}* ({lostOn} in lost mode)",
  },
  ja: {
    "brake.thread.requested":
      ":hourglass: {who} が {name} の *{type}* を依頼しました。対応ポリシーにより 2 人目の管理者の承認が必要です。{expiry}",
    "brake.thread.break_glass":
      ":rotating_light: {who} が {name} の *初期化* を依頼しました。直近 1 時間の初期化が会社の上限 {limit} 件に達しています。*緊急承認*: 依頼者以外の管理者 2 人の承認が必要です。{expiry}",
    "brake.thread.approval_recorded":
      ":ballot_box_with_check: {who} が {name} の{type}を承認しました（{given}/{required}）。依頼者以外の管理者があと 1 人承認する必要があります。",
    "brake.ephemeral.requested": "{name} の{type}を依頼しました。対応ポリシーにより別の管理者の承認が必要です。",
    "brake.ephemeral.approval_recorded":
      "{name} の{type}への承認を記録しました（{given}/{required}）。初期化の上限を超えているため、あと 1 人の管理者の承認が必要です。",
    "brake.ephemeral.approved": "{name} の{type}を承認しました。デバイスが応答すると実行されます。",
    "brake.refused.already_approved": "すでに承認済みです。別の管理者の承認も必要です",
    "brake.refused.two_person_command":
      "対応ポリシーにより 2 人目の管理者が必要です。依頼者本人は承認できません。別の管理者に承認を依頼してください",
    "brake.button.approve": "承認: {type}",
    "brake.button.cancel": "依頼を取り下げ",
    "brake.approve.title": "{type}を承認しますか?",
    "brake.approve.text": "{name} の{type}を今すぐデバイスに送ります。",
    "brake.cancel.title": "依頼を取り下げますか?",
    "brake.cancel.text": "{name} の{type}の依頼を取り下げます。承認できなくなり、デバイスには何も送られません。",
    "brake.thread.approved":
      ":white_check_mark: {who} が {name} の{type}を承認しました（{at}）。送信を待っています。{expiry}",
    "brake.thread.withdrawn":
      ":no_entry_sign: {who} が {name} の *{type}* の依頼を取り下げました（{at}）。何も送られていません。",
    "brake.thread.request_expired":
      ":alarm_clock: {name} の *{type}* の依頼は期限切れになりました（{at}）。承認されなかったため、何も送られていません。",
    "brake.ephemeral.cancelled": "{name} への *{type}* の依頼を取り下げました。",
    "brake.refused.policy_self":
      "ポリシーの変更には 2 人目の管理者が必要です。提案者本人は承認できません。別の管理者に承認を依頼してください",
    "brake.bulk.unknown":
      "シリアル番号・UDID・IMEI が {unknown} のデバイスはありません。何も依頼していません。一覧を確認してもう一度送ってください",
    "brake.security.wipe_past_limit":
      ":rotating_light: *上限を超えた初期化*: 直近 1 時間に {limit} 件以上の初期化が依頼・実行されている中で、{who} が {name} の初期化を依頼しました。依頼者以外の管理者 2 人の承認待ちです。",
    "brake.security.bulk_request":
      ":warning: *{count} 台をまとめた依頼*: {who} が {devices} の *{type}* を依頼しました（{source} から）。各デバイスに通常の承認と初期化の上限が適用されます。",
    "brake.policy.title": "*対応ポリシー*",
    "brake.policy.limit": "緊急承認（他の管理者 2 人）が必要になるまでの初期化件数（直近 1 時間）: *{limit}*",
    "brake.policy.second_admin": "2 人目の管理者が必要なコマンド: 初期化（常に）、{types}",
    "brake.policy.none": "初期化のみ",
    "brake.policy.pending": "2 人目の管理者の承認待ち: {change} — 提案 {who}",
    "brake.policy.proposed":
      ":scales: {who} が対応ポリシーの変更を提案しました: *{change}*。別のシステム管理者の承認が必要です。",
    "brake.policy.applied":
      ":white_check_mark: {proposer} が提案した対応ポリシーの変更 *{change}* を {who} が承認し、適用しました。",
    "brake.policy.withdrawn": "対応ポリシーの変更 *{change}* は {who} が取り下げました。",
    "brake.policy.approve": "変更を承認",
    "brake.policy.withdraw": "取り下げ",
    "brake.policy.change.approval_on": "{type}に 2 人目の管理者を必要とする",
    "brake.policy.change.approval_off": "{type}に 2 人目の管理者を不要とする",
    "brake.policy.change.wipe_limit": "初期化の上限を直近 1 時間 {limit} 件にする",
    "brake.policy.usage":
      "使い方: `/mdm brake` でポリシーを表示。`/mdm brake limit 5`、`/mdm brake lostmode on|off`、`lock on|off`、`unlostmode on|off`、`locate on|off`、`sound on|off`。各変更は管理チャンネルで別のシステム管理者が承認します。",
    "brake.policy.proposed_ephemeral":
      "提案しました: {change}。別のシステム管理者が管理チャンネルで承認すると適用されます。",
    "brake.policy.applied_ephemeral": "適用しました: {change}。",
    "brake.bulk.usage":
      "使い方: `/mdm bulk wipe|lock|lostmode <シリアル|UDID|IMEI> …` — 種類の後に CSV の行を貼り付けることもできます（1 列目がシリアル番号・UDID・IMEI）。各デバイスに通常の承認と初期化の上限が適用され、依頼はセキュリティチャンネルに投稿されます。",
    "brake.bulk.result": "{count} 台の *{type}*（依頼 {batch}）:",
    "brake.bulk.line_ok": "• {name}: {state}",
    "brake.bulk.line_refused": "• {name}: 拒否 — {reason}",
    "brake.bulk.lost_message": "このデバイスは紛失届が出ています。会社の情報システム部門にご連絡ください。",
    "brake.bulk.upload_title": "複数デバイスをまとめて依頼",
    "brake.bulk.upload_intro":
      "CSV をアップロードしてください: デバイス一覧のエクスポート（`/mdm export`、シリアル番号・UDID・IMEI の列を読みます）または 1 行に 1 つのシリアル番号。各デバイスに通常の承認と初期化の上限が適用され、依頼はセキュリティチャンネルに投稿されます。結果は DM でお知らせします。",
    "mdm.help.brake":
      "brake [limit <n> | lostmode|lock|unlostmode|locate|sound on|off] — 破壊的操作の歯止め: 初期化の上限と 2 人目の管理者が必要なコマンド（変更は管理者 2 人で）",
    "mdm.help.bulk":
      "bulk wipe|lock|lostmode <シリアル> … — 複数のデバイスへのまとめた依頼。通常と同じ承認が必要（セキュリティチャンネルに投稿）",
    "mdm.help.case": "case LR-2026-0001 — 報告の事故報告書（監査ログから PDF と CSV）",
    "response.escalated":
      ":bell: {group} *{reference}* に {minutes} 分間だれも対応していません（{when}）。紛失モードの有効化、または発見・対応不要の記録をお願いします。",
    "response.escalated.no_group": "当番の管理者へ:",
    "response.escalated.business": "営業時間内",
    "response.escalated.off_hours": "営業時間外",
    "response.wipe_question":
      ":hourglass_flowing_sand: 紛失モードを有効にして {hours} 時間が経ちましたが、{names} は見つかっていません。Google は 24 時間以内に回収できないデバイスの初期化を推奨しています。初期化しますか？ いつもどおり 2 人目の管理者の承認が必要です。",
    "response.wipe_question.button": "{name} を初期化",
    "response.digest.medians":
      ":stopwatch: *今週の対応*（{incidents} 件）: 最初の判断までの中央値 *{first}*（対応 {acted} 件）、デバイスで紛失モードが有効になるまで *{lost}*（{lostOn} 件）",
  },
};
