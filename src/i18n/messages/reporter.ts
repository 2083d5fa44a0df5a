// What the person who reported a lost device hears at each step (DMs, the status page), and what
// administrators are told when the reporter says they found it.
import type { Catalog } from "../catalog.js";

type Key =
  | "reporter.step.LOST_MODE_ENABLED"
  | "reporter.step.LOCATED"
  | "reporter.step.WIPED"
  | "reporter.step.FOUND"
  | "reporter.step.DISMISSED"
  | "reporter.step.CLOSED"
  | "reporter.data.company_erased"
  | "reporter.data.personal_erased"
  | "reporter.data.work_profile"
  | "reporter.button.found"
  | "reporter.found.told"
  | "reporter.found.already"
  | "reporter.found.closed"
  | "reporter.thread.found"
  | "reporter.next.open"
  | "reporter.next.lost_mode"
  | "reporter.next.wiped"
  | "reporter.next.closed"
  | "reporter.page.found_button"
  | "reporter.page.found_told";

export const reporter: Catalog<Key> = {
  en: {
    "reporter.step.LOST_MODE_ENABLED":
      "*{reference}*: your device is now in lost mode. It is locked and shows the help desk's number to whoever finds it. If you find it yourself, press the button below.",
    "reporter.step.LOCATED":
      "*{reference}*: your device's location was received. IT will contact you about getting it back; do not go to an unknown place alone.",
    "reporter.step.WIPED": "*{reference}*: your device was wiped, so nobody can read your data on it.",
    "reporter.step.FOUND":
      "*{reference}* is closed: your device was found. IT ends lost mode if it was on; unlock it with your usual passcode.",
    "reporter.step.DISMISSED":
      "*{reference}* was closed by IT: no action was needed. If your device is still missing, report it again.",
    "reporter.step.CLOSED": "*{reference}* is closed: your device was wiped.",
    "reporter.data.company_erased":
      "• {name}: everything on it was erased. Company data is safe in company services; ask IT for a replacement device.",
    "reporter.data.personal_erased":
      "• {name} (your own device): everything on it was erased, your personal photos and apps too. Restore them from your own backup (iCloud, Google).",
    "reporter.data.work_profile":
      "• {name} (your own phone): only the work profile and company data were removed. Your personal apps and data were not touched.",
    "reporter.button.found": "I found it",
    "reporter.found.told": "Thank you — IT has been told you found it. They will close the report and end lost mode.",
    "reporter.found.already": "IT already knows you found it.",
    "reporter.found.closed": "This report is already closed.",
    "reporter.thread.found":
      ":raised_hand: {reporter} says they *found the device*. Close the report as found — you can end lost mode in the same step.",
    "reporter.next.open":
      "What to do now: if your device holds a SIM, ask your carrier to suspend the line. IT will tell you each step here.",
    "reporter.next.lost_mode":
      "What to do now: nothing on the device — it is locked. If you find it, tell us with the button below.",
    "reporter.next.wiped":
      "What to do now: change the passwords of the accounts you used on the device, and ask IT for a replacement.",
    "reporter.next.closed": "Nothing more to do. Thank you for reporting quickly.",
    "reporter.page.found_button": "I found it",
    "reporter.page.found_told": "You told IT you found it. They will close the report and end lost mode.",
  },
  ja: {
    "reporter.step.LOST_MODE_ENABLED":
      "*{reference}*: デバイスが紛失モードになりました。ロックされ、拾った方にはヘルプデスクの電話番号が表示されます。ご自身で見つけた場合は、下のボタンを押してください。",
    "reporter.step.LOCATED":
      "*{reference}*: デバイスの位置情報を受け取りました。回収について IT 管理者から連絡します。知らない場所には一人で行かないでください。",
    "reporter.step.WIPED": "*{reference}*: デバイスを初期化しました。デバイス内のデータは誰にも読めません。",
    "reporter.step.FOUND":
      "*{reference}* は完了しました: デバイスが見つかりました。紛失モード中であれば IT 管理者が解除します。いつものパスコードでロックを解除してください。",
    "reporter.step.DISMISSED":
      "*{reference}* は IT 管理者が完了しました(対応不要)。デバイスがまだ見つからない場合は、もう一度報告してください。",
    "reporter.step.CLOSED": "*{reference}* は完了しました: デバイスは初期化済みです。",
    "reporter.data.company_erased":
      "• {name}: すべてのデータを消去しました。会社のデータは社内のサービスに残っています。代わりのデバイスは IT 管理者に依頼してください。",
    "reporter.data.personal_erased":
      "• {name}(個人所有): 写真やアプリを含め、すべてのデータを消去しました。ご自身のバックアップ(iCloud、Google)から復元してください。",
    "reporter.data.work_profile":
      "• {name}(個人所有): 仕事用プロファイルと会社のデータだけを削除しました。個人のアプリやデータはそのまま残っています。",
    "reporter.button.found": "見つかりました",
    "reporter.found.told":
      "ありがとうございます。見つかったことを IT 管理者に伝えました。報告を閉じ、紛失モードを解除します。",
    "reporter.found.already": "見つかったことは IT 管理者に伝わっています。",
    "reporter.found.closed": "この報告はすでに完了しています。",
    "reporter.thread.found":
      ":raised_hand: {reporter} から *デバイスが見つかった* と連絡がありました。発見済みとして報告を閉じてください。同じ画面で紛失モードを解除できます。",
    "reporter.next.open":
      "次にすること: SIM の入ったデバイスなら、携帯電話会社に回線の停止を依頼してください。対応の状況はこのページでお知らせします。",
    "reporter.next.lost_mode":
      "次にすること: デバイスはロックされているので、操作は不要です。見つかったら下のボタンで知らせてください。",
    "reporter.next.wiped":
      "次にすること: デバイスで使っていたアカウントのパスワードを変更し、代わりのデバイスを IT 管理者に依頼してください。",
    "reporter.next.closed": "これ以上の対応は不要です。早めのご報告ありがとうございました。",
    "reporter.page.found_button": "見つかりました",
    "reporter.page.found_told": "見つかったことを IT 管理者に伝えました。報告を閉じ、紛失モードを解除します。",
  },
};
