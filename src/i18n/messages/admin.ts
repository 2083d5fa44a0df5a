// The administrator's Slack surfaces (App Home, /mdm device|reports|export|import|lang, the device
// card) and the inventory spreadsheet's headers, in Japanese and English. Report statuses and
// command names come from the report catalog (report.ts), so every surface says them the same way.
import type { Catalog } from "../catalog.js";

type Key =
  | "mdm.help.device"
  | "mdm.help.reports"
  | "mdm.help.export"
  | "mdm.help.import"
  | "mdm.help.lang"
  | "mdm.help.footer"
  | "mdm.badArgs"
  | "admin.age.now"
  | "admin.age.hours"
  | "admin.age.days"
  | "admin.button.show"
  | "admin.card.owner"
  | "admin.card.platform"
  | "admin.card.state"
  | "admin.card.lastCheckIn"
  | "admin.card.supervisedAde"
  | "admin.card.security"
  | "admin.card.passcode.yes"
  | "admin.card.passcode.no"
  | "admin.card.passcode.unknown"
  | "admin.card.activationLock"
  | "admin.card.os"
  | "admin.card.openAlerts"
  | "admin.card.identifiers"
  | "admin.card.noOwner"
  | "admin.card.openReport"
  | "admin.card.commands"
  | "admin.card.noCommands"
  | "admin.device.none"
  | "admin.device.many"
  | "admin.device.more"
  | "admin.device.cardText"
  | "admin.reports.title"
  | "admin.reports.none"
  | "admin.export.title"
  | "admin.export.comment"
  | "admin.export.queued"
  | "admin.export.toDm"
  | "admin.import.modalTitle"
  | "admin.import.submit"
  | "admin.import.cancel"
  | "admin.import.close"
  | "admin.import.intro"
  | "admin.import.label"
  | "admin.import.fileLabel"
  | "admin.import.nothing"
  | "admin.import.download"
  | "admin.import.line"
  | "admin.import.failed"
  | "admin.import.more"
  | "admin.import.done"
  | "admin.lang.done"
  | "admin.lang.badZone"
  | "admin.lang.ja"
  | "admin.lang.en"
  | "admin.home.title"
  | "admin.home.updated"
  | "admin.home.refresh"
  | "admin.home.portal"
  | "admin.home.hint"
  | "admin.home.reportLost"
  | "admin.home.incidents"
  | "admin.home.approvals"
  | "admin.home.approvalLine"
  | "admin.home.renewals"
  | "admin.home.daysLeft"
  | "admin.home.overdue"
  | "admin.home.silent"
  | "admin.home.lastSeen"
  | "admin.home.none"
  | "admin.home.employeeTitle"
  | "admin.home.employeeIntro"
  | "admin.home.myDevices"
  | "admin.home.myReports"
  | "admin.home.noDevices"
  | "admin.home.noReports"
  | "admin.home.incidentsMore"
  | "admin.home.myReportsMore"
  | "csv.col.deviceName"
  | "csv.col.platform"
  | "csv.col.model"
  | "csv.col.serial"
  | "csv.col.udid"
  | "csv.col.imei"
  | "csv.col.phoneNumber"
  | "csv.col.ownerName"
  | "csv.col.ownerEmail"
  | "csv.col.ownerSlackId"
  | "csv.col.department"
  | "csv.col.supervised"
  | "csv.col.ade"
  | "csv.col.byod"
  | "csv.col.state"
  | "csv.col.lastCheckIn"
  | "csv.col.openAlerts"
  | "import.error.empty_file"
  | "import.error.header_missing"
  | "import.error.too_many_rows"
  | "import.error.email_invalid"
  | "import.error.slack_id_invalid"
  | "import.error.owner_email_missing"
  | "import.error.device_name_missing"
  | "import.error.platform_invalid"
  | "import.error.identifier_missing"
  | "import.error.yes_no_invalid"
  | "import.error.duplicate_in_file"
  | "import.error.row_empty"
  | "import.error.identifiers_conflict"
  | "import.error.slack_id_taken"
  | "import.error.quote_not_closed"
  | "import.error.malformed";

export const admin: Catalog<Key> = {
  en: {
    "mdm.help.device":
      "device <name|serial|UDID|IMEI|email> — a device's card: owner, state, last check-in, commands, and the action buttons",
    "mdm.help.reports": "reports — the loss reports still open",
    "mdm.help.export": "export — the device inventory as a CSV file (opens in Excel)",
    "mdm.help.import": "import [CSV] — load people and devices from CSV (without text: a form to paste it into)",
    "mdm.help.lang": "lang ja|en|auto [time zone] — the language (and time zone) the bot uses with you",
    "mdm.help.footer": "The Home tab of this app shows open incidents, approvals, renewals and silent devices.",
    "mdm.badArgs": "That did not look right. Usage:",
    "admin.age.now": "just now",
    "admin.age.hours": "{n} h ago",
    "admin.age.days": "{n} days ago",
    "admin.button.show": "Show",
    "admin.card.owner": "Owner",
    "admin.card.platform": "Platform",
    "admin.card.state": "State",
    "admin.card.lastCheckIn": "Last check-in",
    "admin.card.supervisedAde": "Supervised / ADE",
    "admin.card.security": "Passcode / Activation Lock",
    "admin.card.passcode.yes": "set",
    "admin.card.passcode.no": "*none* (a lock protects nothing)",
    "admin.card.passcode.unknown": "unknown (the device has not said)",
    "admin.card.activationLock": "Activation Lock",
    "admin.card.os": "OS",
    "admin.card.openAlerts": "Open alerts",
    "admin.card.identifiers": "Identifiers",
    "admin.card.noOwner": "_no owner recorded_",
    "admin.card.openReport": ":rotating_light: Open loss report *{reference}* — {status}, {age}",
    "admin.card.commands": "Recent commands",
    "admin.card.noCommands": "_none yet_",
    "admin.device.none":
      "No device matches “{query}”. Try a serial number, UDID, IMEI, the owner's e-mail, or part of the device name.",
    "admin.device.many": "{n} devices match “{query}”:",
    "admin.device.more": "More match: type more of the name, or the serial number.",
    "admin.device.cardText": "Device {name}",
    "admin.reports.title": "Open loss reports: {n}",
    "admin.reports.none": "Nothing open. :tada:",
    "admin.export.title": "Device inventory, {at}",
    "admin.export.comment": "Device inventory ({n} devices), exported by {user}.",
    "admin.export.queued": "Uploading the inventory ({n} devices) here.",
    "admin.export.toDm":
      "The inventory ({n} devices) holds phone numbers and e-mail addresses, so it goes to your direct messages with the app rather than this channel. (In the admin channel it is posted there.)",
    "admin.import.modalTitle": "Import inventory",
    "admin.import.submit": "Import",
    "admin.import.cancel": "Cancel",
    "admin.import.close": "Close",
    "admin.import.intro":
      "Choose a CSV file, or paste up to 3,000 characters (first line: the headers). One line per device with its owner, or per person without a device. Nothing is imported unless every line is valid.",
    "admin.import.label": "…or paste the CSV",
    "admin.import.fileLabel": "CSV file",
    "admin.import.nothing": "Choose a CSV file or paste the CSV.",
    "admin.import.download": ":x: Nothing was imported: the file could not be read from Slack ({reason}).",
    "admin.import.line": "line {line}: {problem}",
    "admin.import.failed": ":x: Nothing was imported: {n} problem(s). Fix these lines and try again:",
    "admin.import.more": "…and {n} more.",
    "admin.import.done":
      "Imported {lines} line(s): people {peopleCreated} new, {peopleUpdated} updated; devices {devicesCreated} new, {devicesUpdated} updated; {departments} new department(s).",
    "admin.lang.done": "Done: I will write to you in {language}, with times in {zone}.",
    "admin.lang.badZone": "“{zone}” is not a time zone. Use a name such as Asia/Tokyo or Europe/London.",
    "admin.lang.ja": "Japanese",
    "admin.lang.en": "English",
    "admin.home.title": "Lost-device operations",
    "admin.home.updated": "As of {at}",
    "admin.home.refresh": "Refresh",
    "admin.home.portal": "Employee portal",
    "admin.home.hint":
      "Find a device: `/mdm device <name|serial|email>` · Inventory CSV: `/mdm export` · All commands: `/mdm help`",
    "admin.home.reportLost": "Report a lost device",
    "admin.home.incidents": "Open incidents ({n})",
    "admin.home.approvals": "Awaiting a second approval ({n})",
    "admin.home.approvalLine": "*{command}* on *{device}* — requested by {who}, {age} · {reference}",
    "admin.home.renewals": "Renewals",
    "admin.home.daysLeft": "{n} days left",
    "admin.home.overdue": "*overdue by {n} days*",
    "admin.home.silent": "No response past the threshold ({n})",
    "admin.home.lastSeen": "last check-in {age}",
    "admin.home.none": "_none_",
    "admin.home.employeeTitle": "Your devices",
    "admin.home.employeeIntro":
      "Lost a phone, tablet or laptop? Report it straight away: the sooner the administrators lock it, the safer your data.",
    "admin.home.myDevices": "Devices in your name",
    "admin.home.myReports": "Your open reports",
    "admin.home.noDevices": "_No device is registered in your name._",
    "admin.home.noReports": "_You have no open report._",
    "admin.home.incidentsMore": "…and {n} more: `/mdm reports` lists them all.",
    "admin.home.myReportsMore": "…and {n} more.",
    "csv.col.deviceName": "Device name",
    "csv.col.platform": "Platform",
    "csv.col.model": "Model",
    "csv.col.serial": "Serial number",
    "csv.col.udid": "UDID",
    "csv.col.imei": "IMEI",
    "csv.col.phoneNumber": "Phone number",
    "csv.col.ownerName": "Owner name",
    "csv.col.ownerEmail": "Owner email",
    "csv.col.ownerSlackId": "Owner Slack ID",
    "csv.col.department": "Department",
    "csv.col.supervised": "Supervised",
    "csv.col.ade": "ADE",
    "csv.col.byod": "BYOD",
    "csv.col.state": "Management state",
    "csv.col.lastCheckIn": "Last check-in",
    "csv.col.openAlerts": "Open alerts",
    "import.error.empty_file": "the file is empty",
    "import.error.header_missing": "the first line must be the headers, with at least “Device name” or “Owner email”",
    "import.error.too_many_rows": "more than {value} lines; split the file",
    "import.error.email_invalid": "“{value}” in {column} is not an e-mail address",
    "import.error.slack_id_invalid": "“{value}” in {column} is not a Slack user id (U…)",
    "import.error.owner_email_missing": "{column} is needed to record an owner",
    "import.error.device_name_missing": "{column} is empty",
    "import.error.platform_invalid": "{column} “{value}” is not one of iOS, iPadOS, macOS, Android, Windows",
    "import.error.identifier_missing": "a device needs a serial number, UDID or IMEI",
    "import.error.yes_no_invalid": "{column} must be yes or no, not “{value}”",
    "import.error.duplicate_in_file": "{column} {value} is already on line {first}",
    "import.error.row_empty": "neither a device nor an owner e-mail",
    "import.error.identifiers_conflict":
      "its serial number, UDID and IMEI belong to different devices already registered",
    "import.error.slack_id_taken": "{column} {value} already belongs to another person",
    "import.error.quote_not_closed":
      'a cell opens a quote (") that is never closed, so the rest of the file would be one cell',
    "import.error.malformed": "this is not a CSV line a spreadsheet would write",
  },
  ja: {
    "mdm.help.device":
      "device <名前|シリアル|UDID|IMEI|メール> — デバイスのカード(所有者・状態・最終応答・コマンド履歴・操作ボタン)",
    "mdm.help.reports": "reports — 対応中の紛失届の一覧",
    "mdm.help.export": "export — デバイス台帳を CSV で出力(Excel でそのまま開けます)",
    "mdm.help.import": "import [CSV] — CSV から社員とデバイスを登録(CSV なし: 貼り付け用フォーム)",
    "mdm.help.lang": "lang ja|en|auto [タイムゾーン] — ボットがあなたに使う言語(とタイムゾーン)",
    "mdm.help.footer": "このアプリのホームタブに、対応中の紛失・承認待ち・更新期限・通信のないデバイスが表示されます。",
    "mdm.badArgs": "入力の形式が正しくありません。使い方:",
    "admin.age.now": "たった今",
    "admin.age.hours": "{n} 時間前",
    "admin.age.days": "{n} 日前",
    "admin.button.show": "表示",
    "admin.card.owner": "所有者",
    "admin.card.platform": "プラットフォーム",
    "admin.card.state": "状態",
    "admin.card.lastCheckIn": "最終応答",
    "admin.card.supervisedAde": "監視対象 / ADE",
    "admin.card.security": "パスコード / アクティベーションロック",
    "admin.card.passcode.yes": "設定あり",
    "admin.card.passcode.no": "*なし*(ロックしても保護されません)",
    "admin.card.passcode.unknown": "不明(デバイスから未報告)",
    "admin.card.activationLock": "アクティベーションロック",
    "admin.card.os": "OS",
    "admin.card.openAlerts": "未解決アラート",
    "admin.card.identifiers": "識別子",
    "admin.card.noOwner": "_所有者の登録なし_",
    "admin.card.openReport": ":rotating_light: 対応中の紛失届 *{reference}* — {status}、{age}",
    "admin.card.commands": "最近のコマンド",
    "admin.card.noCommands": "_まだありません_",
    "admin.device.none":
      "「{query}」に一致するデバイスはありません。シリアル番号、UDID、IMEI、所有者のメールアドレス、またはデバイス名の一部で検索してください。",
    "admin.device.many": "「{query}」に一致するデバイス: {n} 台",
    "admin.device.more": "ほかにも一致します。名前をもっと入力するか、シリアル番号で検索してください。",
    "admin.device.cardText": "デバイス {name}",
    "admin.reports.title": "対応中の紛失届: {n} 件",
    "admin.reports.none": "対応中のものはありません。:tada:",
    "admin.export.title": "デバイス台帳 {at}",
    "admin.export.comment": "デバイス台帳({n} 台)。出力: {user}",
    "admin.export.queued": "デバイス台帳({n} 台)をここにアップロードします。",
    "admin.export.toDm":
      "デバイス台帳({n} 台)には電話番号とメールアドレスが含まれるため、このチャンネルではなくアプリとのダイレクトメッセージに送ります(管理者チャンネルではそのまま投稿します)。",
    "admin.import.modalTitle": "台帳のインポート",
    "admin.import.submit": "インポート",
    "admin.import.cancel": "キャンセル",
    "admin.import.close": "閉じる",
    "admin.import.intro":
      "CSV ファイルを選ぶか、3,000 文字まで貼り付けてください(1 行目は見出し)。1 行に 1 台(所有者つき)、またはデバイスなしで社員 1 人。すべての行が正しい場合だけ登録されます。",
    "admin.import.label": "…または CSV を貼り付け",
    "admin.import.fileLabel": "CSV ファイル",
    "admin.import.nothing": "CSV ファイルを選ぶか、CSV を貼り付けてください。",
    "admin.import.download": ":x: 何も登録していません: Slack からファイルを読めませんでした({reason})。",
    "admin.import.line": "{line} 行目: {problem}",
    "admin.import.failed": ":x: 何も登録していません({n} 件の問題)。次の行を直してもう一度実行してください:",
    "admin.import.more": "…ほか {n} 件。",
    "admin.import.done":
      "{lines} 行を取り込みました: 社員 新規 {peopleCreated}・更新 {peopleUpdated}、デバイス 新規 {devicesCreated}・更新 {devicesUpdated}、新しい部門 {departments}。",
    "admin.lang.done": "設定しました: {language}で、時刻は {zone} で表示します。",
    "admin.lang.badZone":
      "「{zone}」はタイムゾーンではありません。Asia/Tokyo や Europe/London のような名前を指定してください。",
    "admin.lang.ja": "日本語",
    "admin.lang.en": "英語",
    "admin.home.title": "紛失デバイス対応",
    "admin.home.updated": "{at} 時点",
    "admin.home.refresh": "更新",
    "admin.home.portal": "社員ポータル",
    "admin.home.hint":
      "デバイス検索: `/mdm device <名前|シリアル|メール>` · 台帳 CSV: `/mdm export` · コマンド一覧: `/mdm help`",
    "admin.home.reportLost": "デバイスの紛失を届け出る",
    "admin.home.incidents": "対応中の紛失({n})",
    "admin.home.approvals": "2 人目の承認待ち({n})",
    "admin.home.approvalLine": "*{device}* の *{command}* — 依頼: {who}、{age} · {reference}",
    "admin.home.renewals": "更新期限",
    "admin.home.daysLeft": "残り {n} 日",
    "admin.home.overdue": "*期限切れ({n} 日経過)*",
    "admin.home.silent": "しきい値を超えて応答のないデバイス({n})",
    "admin.home.lastSeen": "最終応答 {age}",
    "admin.home.none": "_なし_",
    "admin.home.employeeTitle": "あなたのデバイス",
    "admin.home.employeeIntro":
      "スマートフォン・タブレット・PC をなくしたら、すぐに届け出てください。管理者が早くロックするほどデータは安全です。",
    "admin.home.myDevices": "あなたの名義のデバイス",
    "admin.home.myReports": "対応中のあなたの紛失届",
    "admin.home.noDevices": "_あなたの名義で登録されたデバイスはありません。_",
    "admin.home.noReports": "_対応中の紛失届はありません。_",
    "admin.home.incidentsMore": "…ほか {n} 件(一覧は `/mdm reports`)。",
    "admin.home.myReportsMore": "…ほか {n} 件。",
    "csv.col.deviceName": "デバイス名",
    "csv.col.platform": "プラットフォーム",
    "csv.col.model": "機種",
    "csv.col.serial": "シリアル番号",
    "csv.col.udid": "UDID",
    "csv.col.imei": "IMEI",
    "csv.col.phoneNumber": "電話番号",
    "csv.col.ownerName": "所有者名",
    "csv.col.ownerEmail": "所有者メールアドレス",
    "csv.col.ownerSlackId": "所有者 Slack ID",
    "csv.col.department": "部門",
    "csv.col.supervised": "監視対象",
    "csv.col.ade": "ADE",
    "csv.col.byod": "個人所有（BYOD）",
    "csv.col.state": "管理状態",
    "csv.col.lastCheckIn": "最終応答日時",
    "csv.col.openAlerts": "未解決アラート数",
    "import.error.empty_file": "ファイルが空です",
    "import.error.header_missing": "1 行目は見出し行で、「デバイス名」か「所有者メールアドレス」が必要です",
    "import.error.too_many_rows": "{value} 行を超えています。ファイルを分けてください",
    "import.error.email_invalid": "{column}「{value}」はメールアドレスではありません",
    "import.error.slack_id_invalid": "{column}「{value}」は Slack のユーザー ID(U…)ではありません",
    "import.error.owner_email_missing": "所有者を登録するには{column}が必要です",
    "import.error.device_name_missing": "{column}が空です",
    "import.error.platform_invalid":
      "{column}「{value}」は iOS、iPadOS、macOS、Android、Windows のいずれでもありません",
    "import.error.identifier_missing": "デバイスにはシリアル番号、UDID、IMEI のいずれかが必要です",
    "import.error.yes_no_invalid": "{column}は「はい」か「いいえ」で指定してください(「{value}」)",
    "import.error.duplicate_in_file": "{column} {value} は {first} 行目と重複しています",
    "import.error.row_empty": "デバイスも所有者メールアドレスもありません",
    "import.error.identifiers_conflict": "シリアル番号・UDID・IMEI が登録済みの別々のデバイスを指しています",
    "import.error.slack_id_taken": "{column} {value} はすでに別の人に登録されています",
    "import.error.quote_not_closed":
      'セルの引用符(")が閉じられていないため、以降のすべてが 1 つのセルになってしまいます',
    "import.error.malformed": "表計算ソフトが書き出す CSV の行として読めません",
  },
};

/**
 * Japanese headers of sheets exported before the glossary settled the words (docs/glossary.md):
 * such a sheet, edited and loaded back, must still import.
 */
export const formerCsvHeaders: Record<string, string[]> = {
  deviceName: ["端末名"],
  ownerName: ["利用者名"],
  ownerEmail: ["利用者メールアドレス"],
  ownerSlackId: ["利用者 Slack ID"],
  department: ["部署"],
  supervised: ["監視モード"],
  lastCheckIn: ["最終通信日時"],
};
