// The case record (incident response) and the theft/loss checklist: labels that appear in the PDF, the
// CSV and Slack, in both languages.
import type { Catalog } from "../catalog.js";

type Key =
  | "case.generated"
  | "case.append_only"
  | "case.button"
  | "case.queued"
  | "case.queued_dm"
  | "case.comment"
  | "case.usage"
  | "case.not_found"
  | "case.field.reference"
  | "case.field.reported_at"
  | "case.field.channel"
  | "case.field.reporter"
  | "case.field.lost_at"
  | "case.field.location"
  | "case.field.circumstances"
  | "case.field.description"
  | "case.field.contact_phone"
  | "case.field.time_to_first_action"
  | "case.field.time_to_lost_mode"
  | "case.field.serial"
  | "case.field.udid"
  | "case.field.imei"
  | "case.field.owner"
  | "case.field.ownership"
  | "case.field.state"
  | "case.field.device"
  | "case.field.requested"
  | "case.field.approvals"
  | "case.field.completed"
  | "case.field.error"
  | "case.field.status"
  | "case.field.closed_at"
  | "case.channel.WEB"
  | "case.channel.GOOGLE_FORM"
  | "case.channel.SLACK"
  | "case.circumstances.LOST"
  | "case.circumstances.STOLEN"
  | "case.circumstances.LEFT_BEHIND"
  | "case.ownership.company"
  | "case.ownership.personal"
  | "case.action.status"
  | "case.action.report.create"
  | "case.action.report.escalated"
  | "case.action.report.wipe_question"
  | "case.action.case.export"
  | "case.action.command.click"
  | "case.action.command.request"
  | "case.action.command.refused"
  | "case.action.command.duplicate"
  | "case.action.command.approve"
  | "case.action.command.approval_recorded"
  | "case.action.command.break_glass"
  | "case.action.command.queued"
  | "case.action.command.sent"
  | "case.action.command.acknowledged"
  | "case.action.command.error"
  | "case.action.command.expired"
  | "case.action.command.cancelled"
  | "case.action.checklist.tick"
  | "case.action.checklist.reminder"
  | "checklist.item.carrier_suspended"
  | "checklist.item.police_report"
  | "checklist.item.personal_data"
  | "checklist.item.encrypted"
  | "checklist.item.people_count"
  | "checklist.item.sensitive"
  | "checklist.item.financial"
  | "checklist.item.wrongful"
  | "checklist.item.ppc_preliminary_filed"
  | "checklist.item.ppc_final_filed"
  | "checklist.yes"
  | "checklist.no"
  | "checklist.police.lost"
  | "checklist.police.theft"
  | "checklist.police.number"
  | "checklist.police.kind_needed"
  | "checklist.count_invalid"
  | "checklist.verdict.unknown"
  | "checklist.verdict.not_required"
  | "checklist.verdict.not_required_encrypted"
  | "checklist.verdict.likely_required"
  | "checklist.reason.sensitive"
  | "checklist.reason.financial"
  | "checklist.reason.wrongful"
  | "checklist.reason.over_1000"
  | "checklist.title"
  | "checklist.button"
  | "checklist.modal_title"
  | "checklist.save"
  | "checklist.modal_note"
  | "checklist.reminder.preliminary"
  | "checklist.reminder.final";

export const caseRecord: Catalog<Key> = {
  en: {
    "case.generated": "Generated",
    "case.append_only":
      "Taken from the append-only audit log: cancelling or withdrawing adds an entry; no entry is ever changed or deleted.",
    "case.button": "Case record (PDF, CSV)",
    "case.queued": "The case record of {reference} (PDF and CSV) is on its way here.",
    "case.queued_dm":
      "The case record of {reference} holds personal data, so it goes to your direct messages with the app.",
    "case.comment": "Case record of *{reference}* for {user}: PDF (事故報告書 / incident report) and CSV.",
    "case.usage": "Usage: `/mdm case LR-2026-0001` — the case record of a report as PDF and CSV.",
    "case.not_found": "No report has the reference {reference}. Check it in `/mdm reports`.",
    "case.field.reference": "Reference",
    "case.field.reported_at": "Reported at",
    "case.field.channel": "Reported through",
    "case.field.reporter": "Reporter",
    "case.field.lost_at": "Lost at",
    "case.field.location": "Where",
    "case.field.circumstances": "Circumstances",
    "case.field.description": "Device as described",
    "case.field.contact_phone": "Contact phone",
    "case.field.time_to_first_action": "Time to first action (h:mm)",
    "case.field.time_to_lost_mode": "Time to lost mode (h:mm)",
    "case.field.serial": "Serial number",
    "case.field.udid": "UDID",
    "case.field.imei": "IMEI",
    "case.field.owner": "Owner",
    "case.field.ownership": "Ownership",
    "case.field.state": "Management state",
    "case.field.device": "Device",
    "case.field.requested": "Requested",
    "case.field.approvals": "Approvals",
    "case.field.completed": "Completed",
    "case.field.error": "Error",
    "case.field.status": "Outcome",
    "case.field.closed_at": "Closed at",
    "case.channel.WEB": "Web form",
    "case.channel.GOOGLE_FORM": "Google Form",
    "case.channel.SLACK": "Slack",
    "case.circumstances.LOST": "Lost",
    "case.circumstances.STOLEN": "Stolen",
    "case.circumstances.LEFT_BEHIND": "Left behind",
    "case.ownership.company": "Company-owned",
    "case.ownership.personal": "Personally owned (BYOD)",
    "case.action.status": "Report status",
    "case.action.report.create": "Report received",
    "case.action.report.escalated": "Escalated to on-call",
    "case.action.report.wipe_question": "Asked whether to wipe (lost mode 24 h)",
    "case.action.case.export": "Case record exported",
    "case.action.command.click": "Button clicked",
    "case.action.command.request": "Command requested",
    "case.action.command.refused": "Refused",
    "case.action.command.duplicate": "Duplicate request",
    "case.action.command.approve": "Approved",
    "case.action.command.approval_recorded": "Approval recorded (more needed)",
    "case.action.command.break_glass": "Break-glass required (wipe limit)",
    "case.action.command.queued": "Queued",
    "case.action.command.sent": "Sent to the device",
    "case.action.command.acknowledged": "Done on the device",
    "case.action.command.error": "Device reported an error",
    "case.action.command.expired": "Expired",
    "case.action.command.cancelled": "Cancelled / withdrawn",
    "case.action.checklist.tick": "Checklist item recorded",
    "case.action.checklist.reminder": "Reminder: report to the Commission",
    "checklist.item.carrier_suspended": "Carrier line suspended",
    "checklist.item.police_report": "Police report (遺失届 / 被害届) and receipt number",
    "checklist.item.personal_data": "Personal data on the device",
    "checklist.item.encrypted": "Protected by strong encryption",
    "checklist.item.people_count": "Number of people whose data it holds",
    "checklist.item.sensitive": "Sensitive data (要配慮個人情報)",
    "checklist.item.financial": "Data that could cause financial damage (card numbers, banking IDs)",
    "checklist.item.wrongful": "Possibly taken for a wrongful purpose (theft)",
    "checklist.item.ppc_preliminary_filed": "Preliminary report (速報) filed with the Commission",
    "checklist.item.ppc_final_filed": "Final report (確報) filed with the Commission",
    "checklist.yes": "yes",
    "checklist.no": "no",
    "checklist.police.lost": "Lost-property report (遺失届)",
    "checklist.police.theft": "Theft report (被害届)",
    "checklist.police.number": "Receipt number (受理番号)",
    "checklist.police.kind_needed": "Choose which report was filed for this receipt number",
    "checklist.count_invalid": "Enter a whole number of people, such as 120",
    "checklist.verdict.unknown":
      ":grey_question: *Report to the Personal Information Protection Commission*: not known yet — record whether the device held personal data, whether it was strongly encrypted, and how many people's data.",
    "checklist.verdict.not_required":
      ":white_check_mark: *Report to the Commission*: likely not required on these answers (no sensitive or financial data, no wrongful purpose, not more than 1,000 people).",
    "checklist.verdict.not_required_encrypted":
      ":lock: *Report to the Commission*: not required — the data was protected by strong encryption (the Guidelines' exception). Keep the evidence of the encryption.",
    "checklist.verdict.likely_required":
      ":rotating_light: *Report to the Commission likely required* ({reasons}). Preliminary report (速報) promptly, about 3–5 days: by *{preliminary}*. Final report (確報) within {days} days: by *{final}*. Also notify the people concerned.",
    "checklist.reason.sensitive": "sensitive data",
    "checklist.reason.financial": "risk of financial damage",
    "checklist.reason.wrongful": "possibly a wrongful purpose (theft)",
    "checklist.reason.over_1000": "more than 1,000 people",
    "checklist.title": "Theft and loss checklist — {reference}",
    "checklist.button": "Record checklist",
    "checklist.modal_title": "Theft / loss checklist",
    "checklist.save": "Save",
    "checklist.modal_note":
      "Leave a field empty to keep what is recorded. Every answer is kept with who and when, and goes into the case record.",
    "checklist.reminder.preliminary":
      ":alarm_clock: *{reference}*: the preliminary report (速報) to the Personal Information Protection Commission is due by *{due}* ({days} day(s) left). Mark it filed in the checklist when done.",
    "checklist.reminder.final":
      ":alarm_clock: *{reference}*: the final report (確報) to the Personal Information Protection Commission is due by *{due}* ({days} day(s) left). Mark it filed in the checklist when done.",
  },
  ja: {
    "case.generated": "作成日時",
    "case.append_only":
      "追記専用の監査ログから作成。取り消し・取り下げは記録が追加されるだけで、記録が変更・削除されることはありません。",
    "case.button": "事故報告書（PDF・CSV）",
    "case.queued": "{reference} の事故報告書（PDF と CSV）をここに送ります。",
    "case.queued_dm": "{reference} の事故報告書には個人情報が含まれるため、アプリとのダイレクトメッセージに送ります。",
    "case.comment": "*{reference}* の事故報告書（{user} の依頼）: PDF と CSV。",
    "case.usage": "使い方: `/mdm case LR-2026-0001` — 報告の事故報告書を PDF と CSV で出力します。",
    "case.not_found": "受付番号 {reference} の報告はありません。`/mdm reports` で確認してください。",
    "case.field.reference": "受付番号",
    "case.field.reported_at": "報告日時",
    "case.field.channel": "報告経路",
    "case.field.reporter": "報告者",
    "case.field.lost_at": "紛失日時",
    "case.field.location": "場所",
    "case.field.circumstances": "状況",
    "case.field.description": "報告されたデバイス",
    "case.field.contact_phone": "連絡先電話番号",
    "case.field.time_to_first_action": "最初の対応までの時間（時:分）",
    "case.field.time_to_lost_mode": "紛失モードまでの時間（時:分）",
    "case.field.serial": "シリアル番号",
    "case.field.udid": "UDID",
    "case.field.imei": "IMEI",
    "case.field.owner": "所有者",
    "case.field.ownership": "所有形態",
    "case.field.state": "管理状態",
    "case.field.device": "デバイス",
    "case.field.requested": "依頼",
    "case.field.approvals": "承認",
    "case.field.completed": "完了",
    "case.field.error": "エラー",
    "case.field.status": "結果",
    "case.field.closed_at": "終了日時",
    "case.channel.WEB": "Web フォーム",
    "case.channel.GOOGLE_FORM": "Google フォーム",
    "case.channel.SLACK": "Slack",
    "case.circumstances.LOST": "紛失",
    "case.circumstances.STOLEN": "盗難",
    "case.circumstances.LEFT_BEHIND": "置き忘れ",
    "case.ownership.company": "会社所有",
    "case.ownership.personal": "個人所有（BYOD）",
    "case.action.status": "報告の状態",
    "case.action.report.create": "報告を受付",
    "case.action.report.escalated": "当番にエスカレーション",
    "case.action.report.wipe_question": "初期化の要否を確認（紛失モード 24 時間）",
    "case.action.case.export": "事故報告書を出力",
    "case.action.command.click": "ボタン操作",
    "case.action.command.request": "コマンドを依頼",
    "case.action.command.refused": "拒否",
    "case.action.command.duplicate": "重複した依頼",
    "case.action.command.approve": "承認",
    "case.action.command.approval_recorded": "承認を記録（追加の承認が必要）",
    "case.action.command.break_glass": "緊急承認が必要（初期化の上限）",
    "case.action.command.queued": "実行待ち",
    "case.action.command.sent": "デバイスに送信",
    "case.action.command.acknowledged": "デバイスで完了",
    "case.action.command.error": "デバイスがエラーを報告",
    "case.action.command.expired": "期限切れ",
    "case.action.command.cancelled": "取り消し・取り下げ",
    "case.action.checklist.tick": "チェックリストを記録",
    "case.action.checklist.reminder": "リマインダー: 個人情報保護委員会への報告",
    "checklist.item.carrier_suspended": "通信回線の停止",
    "checklist.item.police_report": "警察への届出（遺失届 / 被害届）と受理番号",
    "checklist.item.personal_data": "デバイス内の個人データ",
    "checklist.item.encrypted": "高度な暗号化による保護",
    "checklist.item.people_count": "個人データの本人の数",
    "checklist.item.sensitive": "要配慮個人情報",
    "checklist.item.financial": "財産的被害が生じるおそれのある個人データ（カード番号・ネットバンキングの ID 等）",
    "checklist.item.wrongful": "不正の目的をもって行われたおそれ（盗難）",
    "checklist.item.ppc_preliminary_filed": "個人情報保護委員会への速報を提出済み",
    "checklist.item.ppc_final_filed": "個人情報保護委員会への確報を提出済み",
    "checklist.yes": "はい",
    "checklist.no": "いいえ",
    "checklist.police.lost": "遺失届",
    "checklist.police.theft": "被害届",
    "checklist.police.number": "受理番号",
    "checklist.police.kind_needed": "この受理番号がどちらの届出か選んでください",
    "checklist.count_invalid": "人数を整数で入力してください（例: 120）",
    "checklist.verdict.unknown":
      ":grey_question: *個人情報保護委員会への報告*: まだ判断できません。デバイスに個人データがあったか、高度な暗号化がされていたか、何人分のデータかを記録してください。",
    "checklist.verdict.not_required":
      ":white_check_mark: *委員会への報告*: この回答では不要と考えられます（要配慮個人情報・財産的被害のおそれ・不正目的のおそれなし、1,000 人以下）。",
    "checklist.verdict.not_required_encrypted":
      ":lock: *委員会への報告*: 不要です。高度な暗号化により保護されていました（ガイドラインの例外）。暗号化の証跡を保管してください。",
    "checklist.verdict.likely_required":
      ":rotating_light: *委員会への報告が必要と考えられます*（{reasons}）。速報は速やかに（概ね 3〜5 日以内）: *{preliminary}* まで。確報は {days} 日以内: *{final}* まで。本人への通知も必要です。",
    "checklist.reason.sensitive": "要配慮個人情報",
    "checklist.reason.financial": "財産的被害のおそれ",
    "checklist.reason.wrongful": "不正の目的のおそれ（盗難）",
    "checklist.reason.over_1000": "1,000 人超",
    "checklist.title": "盗難・紛失チェックリスト — {reference}",
    "checklist.button": "チェックリストを記録",
    "checklist.modal_title": "盗難・紛失チェックリスト",
    "checklist.save": "保存",
    "checklist.modal_note":
      "空欄の項目は記録済みの内容を変えません。回答はすべて記録者と日時とともに残り、事故報告書に載ります。",
    "checklist.reminder.preliminary":
      ":alarm_clock: *{reference}*: 個人情報保護委員会への速報の期限は *{due}* です（残り {days} 日）。提出したらチェックリストで提出済みにしてください。",
    "checklist.reminder.final":
      ":alarm_clock: *{reference}*: 個人情報保護委員会への確報の期限は *{due}* です（残り {days} 日）。提出したらチェックリストで提出済みにしてください。",
  },
};
