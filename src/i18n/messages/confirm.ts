// What each state-changing button's Slack confirmation says will happen (decision 162).
import type { Catalog } from "../catalog.js";

type Key =
  | "confirm.back"
  | "confirm.found.title"
  | "confirm.found.text"
  | "confirm.found.text_report"
  | "confirm.found.go"
  | "confirm.dismiss.title"
  | "confirm.dismiss.text"
  | "confirm.dismiss.text_lost_mode"
  | "confirm.dismiss.text_report"
  | "confirm.dismiss.go"
  | "confirm.reporter_found.title"
  | "confirm.reporter_found.text"
  | "confirm.reporter_found.go"
  | "confirm.close_wiped.title"
  | "confirm.close_wiped.text"
  | "confirm.close_wiped.go"
  | "confirm.wipe_cancel.title"
  | "confirm.wipe_cancel.text"
  | "confirm.wipe_cancel.go"
  | "confirm.locate.title"
  | "confirm.locate.text"
  | "confirm.locate.go"
  | "confirm.sound.title"
  | "confirm.sound.text"
  | "confirm.sound.go"
  | "confirm.alert_resolve.title"
  | "confirm.alert_resolve.text"
  | "confirm.alert_resolve.go"
  | "confirm.cert_override_request.title"
  | "confirm.cert_override_request.text"
  | "confirm.cert_override_request.go"
  | "confirm.cert_override_confirm.title"
  | "confirm.cert_override_confirm.text"
  | "confirm.cert_override_confirm.go"
  | "confirm.handover_confirm.title"
  | "confirm.handover_confirm.text"
  | "confirm.handover_confirm.go"
  | "confirm.handover_not_used.title"
  | "confirm.handover_not_used.text"
  | "confirm.handover_not_used.go";

export const confirm: Catalog<Key> = {
  en: {
    "confirm.back": "Back",
    "confirm.found.title": "Close as found?",
    "confirm.found.text":
      "The report closes as found and the employee is told. Commands {name} has not received yet are withdrawn, so a queued wipe never runs. If it is in lost mode you can end it in the next step.",
    "confirm.found.text_report": "The report closes as found and the employee is told.",
    "confirm.found.go": "Close as found",
    "confirm.dismiss.title": "Dismiss this report?",
    "confirm.dismiss.text":
      "The report closes as needing no action and commands {name} has not received yet are withdrawn.",
    "confirm.dismiss.text_lost_mode":
      "The report closes as needing no action and commands {name} has not received yet are withdrawn. {name} is in lost mode: the next step offers to end it.",
    "confirm.dismiss.text_report": "The report closes as needing no action.",
    "confirm.dismiss.go": "Dismiss",
    "confirm.reporter_found.title": "Did you find it?",
    "confirm.reporter_found.text":
      "IT is told you found your device. They close the report and end lost mode; until then it stays locked.",
    "confirm.reporter_found.go": "Yes, I found it",
    "confirm.close_wiped.title": "Close as wiped?",
    "confirm.close_wiped.text":
      "The report closes as wiped. The employee is told {name} was erased and what that means for their data.",
    "confirm.close_wiped.go": "Close as wiped",
    "confirm.wipe_cancel.title": "Withdraw the wipe?",
    "confirm.wipe_cancel.text":
      "The wipe request for {name} is withdrawn: nobody can approve it any more and the device is not erased.",
    "confirm.wipe_cancel.go": "Withdraw",
    "confirm.locate.title": "Request the location?",
    "confirm.locate.text":
      "{name} is asked for its location the next time it checks in; the answer appears in the thread.",
    "confirm.locate.go": "Request",
    "confirm.sound.title": "Play a sound?",
    "confirm.sound.text": "{name} plays a loud sound the next time it checks in, even when muted.",
    "confirm.sound.go": "Play sound",
    "confirm.alert_resolve.title": "Mark as resolved?",
    "confirm.alert_resolve.text":
      "The alert leaves the open alerts and the digest. It is raised again if the device reports the problem again.",
    "confirm.alert_resolve.go": "Resolve",
    "confirm.cert_override_request.title": "Replace the push certificate?",
    "confirm.cert_override_request.text":
      "A certificate with another topic breaks contact with every enrolled Apple device: each one must be enrolled again. A second administrator must confirm.",
    "confirm.cert_override_request.go": "Ask to replace",
    "confirm.cert_override_confirm.title": "Confirm the replacement?",
    "confirm.cert_override_confirm.text":
      "The new certificate is installed now. Every enrolled Apple device loses contact and must be enrolled again.",
    "confirm.cert_override_confirm.go": "Replace",
    "confirm.handover_confirm.title": "Confirm this item?",
    "confirm.handover_confirm.text": "It is recorded as checked by you, now.",
    "confirm.handover_confirm.go": "Confirm",
    "confirm.handover_not_used.title": "Not used here?",
    "confirm.handover_not_used.text":
      "This item is recorded as not used by the company and leaves the handover checklist.",
    "confirm.handover_not_used.go": "Not used here",
  },
  ja: {
    "confirm.back": "戻る",
    "confirm.found.title": "発見済みとして閉じますか?",
    "confirm.found.text":
      "この報告を発見済みとして閉じ、報告者に知らせます。{name} がまだ受け取っていないコマンドは取り消されるため、待機中の初期化は実行されません。紛失モード中の場合は、次の画面で解除できます。",
    "confirm.found.text_report": "この報告を発見済みとして閉じ、報告者に知らせます。",
    "confirm.found.go": "発見済みにする",
    "confirm.dismiss.title": "この報告を却下しますか?",
    "confirm.dismiss.text": "対応不要として報告を閉じ、{name} がまだ受け取っていないコマンドを取り消します。",
    "confirm.dismiss.text_lost_mode":
      "対応不要として報告を閉じ、{name} がまだ受け取っていないコマンドを取り消します。{name} は紛失モード中です。次の画面で解除できます。",
    "confirm.dismiss.text_report": "対応不要として報告を閉じます。",
    "confirm.dismiss.go": "却下する",
    "confirm.reporter_found.title": "見つかりましたか?",
    "confirm.reporter_found.text":
      "デバイスが見つかったことを IT 管理者に知らせます。管理者が報告を閉じて紛失モードを解除するまで、ロックされたままです。",
    "confirm.reporter_found.go": "はい、見つかりました",
    "confirm.close_wiped.title": "初期化済みとして閉じますか?",
    "confirm.close_wiped.text":
      "報告を初期化済みとして閉じます。報告者には {name} が初期化されたことと、データへの影響を知らせます。",
    "confirm.close_wiped.go": "初期化済みで閉じる",
    "confirm.wipe_cancel.title": "初期化の依頼を取り下げますか?",
    "confirm.wipe_cancel.text": "{name} の初期化依頼を取り下げます。承認できなくなり、デバイスは初期化されません。",
    "confirm.wipe_cancel.go": "取り下げる",
    "confirm.locate.title": "位置情報を要求しますか?",
    "confirm.locate.text": "{name} が次に応答したときに位置情報を要求します。結果はスレッドに表示されます。",
    "confirm.locate.go": "要求する",
    "confirm.sound.title": "サウンドを鳴らしますか?",
    "confirm.sound.text": "{name} が次に応答したときに、消音中でも大きな音を鳴らします。",
    "confirm.sound.go": "鳴らす",
    "confirm.alert_resolve.title": "解決済みにしますか?",
    "confirm.alert_resolve.text":
      "このアラートを未解決の一覧と日次サマリーから外します。デバイスが同じ問題を再び報告すると、もう一度通知されます。",
    "confirm.alert_resolve.go": "解決済みにする",
    "confirm.cert_override_request.title": "プッシュ通知証明書を置き換えますか?",
    "confirm.cert_override_request.text":
      "トピックの異なる証明書に置き換えると、登録済みのすべての Apple デバイスと通信できなくなり、すべて登録し直しになります。別の管理者の確認が必要です。",
    "confirm.cert_override_request.go": "置き換えを依頼",
    "confirm.cert_override_confirm.title": "置き換えを確定しますか?",
    "confirm.cert_override_confirm.text":
      "新しい証明書を今すぐ適用します。登録済みのすべての Apple デバイスと通信できなくなり、登録し直しになります。",
    "confirm.cert_override_confirm.go": "置き換える",
    "confirm.handover_confirm.title": "この項目を確認済みにしますか?",
    "confirm.handover_confirm.text": "あなたが今確認したものとして記録します。",
    "confirm.handover_confirm.go": "確認済みにする",
    "confirm.handover_not_used.title": "この会社では使っていませんか?",
    "confirm.handover_not_used.text": "この項目を「使用していない」と記録し、引き継ぎチェックリストから外します。",
    "confirm.handover_not_used.go": "使用していない",
  },
};
