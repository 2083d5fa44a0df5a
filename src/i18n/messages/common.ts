import type { Catalog } from "../catalog.js";

type Key =
  | "app.name"
  | "error.generic"
  | "error.trigger_expired"
  | "error.not_authorized"
  | "error.invalid_input"
  | "error.not_found"
  | "error.conflict"
  | "error.not_allowed"
  | "error.unauthenticated"
  | "error.reason.policy_mode"
  | "error.reason.policy_lines"
  | "error.reason.file_no_address"
  | "error.reason.file_too_large"
  | "error.reason.file_download"
  | "error.reason.quote_not_closed"
  | "error.reason.malformed"
  | "error.reason.alert_resolved"
  | "error.reason.report_closed"
  | "error.reason.not_reporter"
  | "mdm.help.title"
  | "mdm.help.title_employee"
  | "mdm.help.lost"
  | "mdm.help.help"
  | "mdm.unknown"
  | "outbox.fallback_note";

export const common: Catalog<Key> = {
  en: {
    "app.name": "Lost device desk",
    "error.generic": "Something went wrong on our side. Nothing was changed; please try again.",
    "error.trigger_expired":
      "The form could not open in time: Slack allows 3 seconds and the app was busy. Nothing was changed; click again.",
    "error.not_authorized": "You are not allowed to do this. Ask a system administrator.",
    "error.invalid_input": "Some input was not valid: {reason}",
    "error.not_found": "Not found: {what}",
    "error.conflict": "Someone else already did this: {reason}",
    "error.not_allowed": "Not possible: {reason}",
    "error.unauthenticated": "Not signed in: {reason}",
    // Why the core refused, by its reason code (the core's English message is for logs and API bodies).
    "error.reason.policy_mode": "choose allow or deny",
    "error.reason.policy_lines": "nothing was imported; {count} lines are not valid",
    "error.reason.file_no_address": "Slack did not give a download address for the file",
    "error.reason.file_too_large": "the file is larger than {limit}",
    "error.reason.file_download": "Slack answered {status}",
    "error.reason.quote_not_closed": 'line {line}: a quote (") is never closed',
    "error.reason.malformed": "line {line} is not valid CSV",
    "error.reason.alert_resolved": "this alert is already resolved",
    "error.reason.report_closed": "this report is already closed",
    "error.reason.not_reporter": "only the person who reported it can say it was found",
    "mdm.help.title": "*/mdm* — lost-device operations for administrators:",
    "mdm.help.title_employee": "*/mdm* — your own settings:",
    "mdm.help.lost":
      "*Lost a device?* Type `/lost` (or use the Home tab's button) to report it — IT is told at once and you can follow each step.",
    "mdm.help.help": "help — this list",
    "mdm.unknown": "There is no `/mdm {name}`.",
    "outbox.fallback_note":
      "(Shown as plain text: Slack refused the full message ({reason}). Buttons are missing; open the case in the portal or run npm run outbox -- status.)",
  },
  ja: {
    "app.name": "紛失デバイス窓口",
    "error.generic": "システム側で問題が発生しました。変更は行われていません。もう一度お試しください。",
    "error.trigger_expired":
      "フォームを時間内に開けませんでした(Slack の制限は 3 秒で、アプリが混み合っていました)。変更は行われていません。もう一度クリックしてください。",
    "error.not_authorized": "この操作を行う権限がありません。システム管理者に依頼してください。",
    "error.invalid_input": "入力内容に誤りがあります: {reason}",
    "error.not_found": "見つかりません: {what}",
    "error.conflict": "すでに他の人が操作しました: {reason}",
    "error.not_allowed": "実行できません: {reason}",
    "error.unauthenticated": "認証されていません: {reason}",
    "error.reason.policy_mode": "許可リストか拒否リストかを選んでください",
    "error.reason.policy_lines": "何もインポートしていません。正しくない行が {count} 行あります",
    "error.reason.file_no_address": "Slack からファイルのダウンロード先が返されませんでした",
    "error.reason.file_too_large": "ファイルが {limit} を超えています",
    "error.reason.file_download": "Slack の応答が {status} でした",
    "error.reason.quote_not_closed": '{line} 行目: 引用符(")が閉じられていません',
    "error.reason.malformed": "{line} 行目は CSV として読めません",
    "error.reason.alert_resolved": "このアラートはすでに解決済みです",
    "error.reason.report_closed": "この紛失届はすでに解決済みです",
    "error.reason.not_reporter": "見つかったと伝えられるのは、紛失届を出した報告者本人だけです",
    "mdm.help.title": "*/mdm* — 管理者向けの紛失デバイス操作:",
    "mdm.help.title_employee": "*/mdm* — あなた自身の設定:",
    "mdm.help.lost":
      "*デバイスをなくしたら* `/lost` と入力して報告してください(ホームタブのボタンからも報告できます)。IT 管理者にすぐ通知され、対応の状況をお知らせします。",
    "mdm.help.help": "help — この一覧",
    "mdm.unknown": "`/mdm {name}` というコマンドはありません。",
    "outbox.fallback_note":
      "（Slack が本来のメッセージを受け付けなかったため（{reason}）、テキストのみで表示しています。ボタンはありません。ポータルで案件を開くか、npm run outbox -- status を実行してください。）",
  },
};
