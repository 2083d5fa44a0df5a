// Admin approval in Slack and the command lifecycle: modals, buttons, thread posts.
import type { Catalog } from "../catalog.js";

type Key =
  | "commands.lost_mode.title"
  | "commands.lost_mode.intro"
  | "commands.lost_mode.message"
  | "commands.lost_mode.no_help_desk"
  | "commands.lost_mode.phone"
  | "commands.lost_mode.footnote"
  | "commands.lost_mode.submit"
  | "commands.lost_mode.need_one"
  | "commands.lock.title"
  | "commands.lock.intro"
  | "commands.lock.warning"
  | "commands.lock.warning_ios_no_lost_mode"
  | "commands.lock.warning_mac"
  | "commands.lock.warning_android"
  | "commands.lock.warning_android_lost_mode"
  | "commands.lock.passcode_set"
  | "commands.lock.passcode_none"
  | "commands.lock.passcode_unknown"
  | "commands.lock.submit"
  | "commands.wipe.confirm_title"
  | "commands.wipe.confirm_leaves"
  | "commands.wipe.confirm_ade"
  | "commands.wipe.approve"
  | "commands.wipe.cancel"
  | "commands.wipe.approve_title"
  | "commands.wipe.approve_text"
  | "commands.button.locate"
  | "commands.button.sound"
  | "commands.button.disable"
  | "commands.disable.confirm_title"
  | "commands.disable.confirm_text"
  | "commands.confirm.go"
  | "commands.confirm.back"
  | "commands.modal.cancel"
  | `commands.close.${"found" | "dismissed" | "wiped"}.${"title" | "intro" | "submit"}`
  | "commands.ephemeral.closed_wiped"
  | "commands.found.disable"
  | "commands.expiry.never"
  | "commands.expiry.at"
  | "commands.thread.requested_wipe"
  | "commands.thread.queued"
  | "commands.thread.approved"
  | "commands.thread.sent"
  | "commands.thread.wipe_sent"
  | "commands.thread.lost_mode_sent"
  | "commands.thread.acknowledged"
  | "commands.thread.located"
  | "commands.thread.no_location"
  | "commands.thread.error"
  | "commands.thread.no_passcode"
  | "commands.thread.no_passcode_no_lost_mode"
  | "commands.thread.expired"
  | "commands.thread.cancelled"
  | "commands.thread.cancelled_wiped"
  | "commands.thread.not_now"
  | "commands.thread.wipe_decided"
  | "commands.thread.lost_mode_on"
  | "commands.thread.wiped"
  | "commands.thread.wiped_ade"
  | "commands.ephemeral.queued"
  | "commands.ephemeral.wipe_requested"
  | "commands.ephemeral.approved"
  | "commands.ephemeral.cancelled"
  | "commands.ephemeral.found"
  | "commands.ephemeral.dismissed"
  | "commands.ephemeral.bad_button"
  | "commands.refused.needs_lost_mode"
  | "commands.refused.not_reachable"
  | "commands.refused.two_person"
  | "commands.refused.duplicate"
  | "commands.line.expires"
  | "commands.line.never"
  | "commands.line.map"
  | "commands.line.error"
  | "commands.line.waiting";

export const commands: Catalog<Key> = {
  en: {
    "commands.lost_mode.title": "Enable lost mode",
    "commands.lost_mode.intro":
      "*{name}* will be locked hard and show this on its lock screen. Lost mode never expires: an offline device gets it as soon as it next connects.",
    "commands.lost_mode.message": "Lock-screen message",
    "commands.lost_mode.no_help_desk":
      ":information_source: No help-desk number is set, so none is filled in (never the reporter's own number: the phone may be in a stranger's hands). A system administrator sets it with `/mdm company phone 03-1234-5678`.",
    "commands.lost_mode.phone": "Phone number to call",
    "commands.lost_mode.footnote": "Footnote (optional)",
    "commands.lost_mode.submit": "Enable lost mode",
    "commands.lost_mode.need_one": "Enter a lock-screen message or a phone number (at least one).",
    "commands.lock.title": "Lock device",
    "commands.lock.intro": "*{name}* will be locked (put to sleep).",
    "commands.lock.warning":
      ":warning: A lock only helps if a passcode is already set on the device — iOS cannot set one remotely. Without a passcode anyone can unlock it: prefer lost mode.",
    "commands.lock.warning_ios_no_lost_mode":
      ":warning: A lock only helps if a passcode is already set on the device — iOS cannot set one remotely. Without a passcode anyone can unlock it. Lost mode is not possible on this device; if the data must be protected, wipe it.",
    "commands.lock.warning_mac":
      ":warning: The Mac is locked and restarts to its lock screen. Macs have no lost mode; if the Mac cannot be recovered, wipe it.",
    "commands.lock.warning_android":
      ":warning: The phone locks with its own screen lock (PIN, pattern or password); without one anyone can open it. Lost mode is not possible on this phone; if the data must be protected, wipe it.",
    "commands.lock.warning_android_lost_mode":
      ":warning: The phone locks with its own screen lock (PIN, pattern or password); without one anyone can open it: prefer lost mode, which also shows the help desk's number.",
    "commands.lock.passcode_set": "The device reported a passcode.",
    "commands.lock.passcode_none": ":warning: The device reported *no passcode*: this lock protects nothing.",
    "commands.lock.passcode_unknown": "Whether a passcode is set is not known.",
    "commands.lock.submit": "Lock",
    "commands.wipe.confirm_title": "Wipe this device?",
    "commands.wipe.confirm_leaves":
      "Erase everything on {name}. It then LEAVES management: no more location, lost mode or commands. A second administrator must approve.",
    "commands.wipe.confirm_ade":
      "Erase everything on {name}. It is an ADE device: it re-enrolls on activation and stays managed. A second administrator must approve.",
    "commands.wipe.approve": "Approve wipe",
    "commands.wipe.cancel": "Withdraw wipe request",
    "commands.wipe.approve_title": "Approve the wipe?",
    "commands.wipe.approve_text": "Erase everything on {name} now? This cannot be undone.",
    "commands.button.locate": "Request location",
    "commands.button.sound": "Play sound",
    "commands.button.disable": "Disable lost mode",
    "commands.disable.confirm_title": "End lost mode?",
    "commands.disable.confirm_text": "End lost mode on {name}? It unlocks for its owner.",
    "commands.confirm.go": "Yes, go ahead",
    "commands.confirm.back": "Back",
    "commands.modal.cancel": "Cancel",
    "commands.close.found.title": "Device found",
    "commands.close.found.intro": "Mark {reference} as found. Pending commands for it are withdrawn.",
    "commands.close.found.submit": "Mark found",
    "commands.close.dismissed.title": "No action needed",
    "commands.close.dismissed.intro":
      "Close {reference} as needing no action. Pending commands are withdrawn. A device still in lost mode stays locked unless you end lost mode here.",
    "commands.close.dismissed.submit": "Close report",
    "commands.close.wiped.title": "Close: wiped",
    "commands.close.wiped.intro":
      "Close {reference}: the device was wiped. The employee is told their device was erased and what happens to their data.",
    "commands.close.wiped.submit": "Close report",
    "commands.ephemeral.closed_wiped": "{reference} closed: the device was wiped.",
    "commands.found.disable": "Also end lost mode on {name}",
    "commands.expiry.never": "Never expires: it waits for the device however long it is offline.",
    "commands.expiry.at": "Expires {at} if the device has not run it by then.",
    "commands.thread.requested_wipe":
      ":hourglass: {who} asked to *wipe* {name}. A second administrator must approve it. {expiry}",
    "commands.thread.queued": ":inbox_tray: *{type}* queued for {name} by {who}. {expiry}",
    "commands.thread.approved": ":white_check_mark: {who} approved the wipe of {name}; it is queued. {expiry}",
    "commands.thread.sent": ":outbox_tray: *{type}* delivered to {name}; waiting for its answer.",
    "commands.thread.wipe_sent":
      ":hourglass_flowing_sand: Wipe of {name} requested, *waiting for the device*: it wipes when it next connects (a lost phone may be offline for a long time). This thread says when the device has confirmed it; until then it is not wiped.",
    "commands.thread.lost_mode_sent":
      ":hourglass_flowing_sand: Lost mode for {name} requested, *waiting for the device*: it locks when it next connects. This thread says when the device has applied it.",
    "commands.thread.acknowledged": ":white_check_mark: {name} carried out *{type}*.",
    "commands.thread.located": ":round_pushpin: {name} is here: <{url}|open the map> ({lat}, {lon}).",
    "commands.thread.no_location": ":grey_question: {name} answered the location request without a position.",
    "commands.thread.error": ":x: {name} answered *{type}* with an error: {error}",
    "commands.thread.no_passcode":
      ":warning: {name} answered *{type}*: *no passcode is set*, so the lock protects nothing. Use lost mode instead.",
    "commands.thread.no_passcode_no_lost_mode":
      ":warning: {name} answered *{type}*: *no passcode is set*, so the lock protects nothing. Lost mode is not possible on this device; if the data must be protected, wipe it.",
    "commands.thread.expired": ":alarm_clock: *{type}* for {name} expired: the device did not run it within 7 days.",
    "commands.thread.cancelled": ":no_entry_sign: *{type}* for {name} was withdrawn by {who}.",
    "commands.thread.cancelled_wiped": ":no_entry_sign: *{type}* for {name} was dropped: the device has been wiped.",
    "commands.thread.not_now":
      ":zzz: {name} answered NotNow to *{type}* (busy or locked); it stays pending for its next check-in.",
    "commands.thread.wipe_decided": "Wipe of {name}: {state}.",
    "commands.thread.lost_mode_on": ":lock: {name} is in lost mode. You can now request its location or play a sound.",
    "commands.thread.wiped": ":boom: {name} has been wiped and has left management.",
    "commands.thread.wiped_ade":
      ":boom: {name} has been wiped. As an ADE device it re-enrolls on activation and stays managed.",
    "commands.ephemeral.queued": "*{type}* is queued for {name}. Its progress shows in the incident thread.",
    "commands.ephemeral.wipe_requested":
      "Wipe of {name} requested. Another administrator must approve it in the incident thread.",
    "commands.ephemeral.approved": "Wipe of {name} approved and queued.",
    "commands.ephemeral.cancelled": "*{type}* for {name} withdrawn.",
    "commands.ephemeral.found": "{reference} marked as found.",
    "commands.ephemeral.dismissed": "{reference} dismissed; pending commands withdrawn.",
    "commands.ephemeral.bad_button": "This button is out of date. Nothing was changed.",
    "commands.refused.needs_lost_mode": "the device is not in lost mode; enable lost mode first",
    "commands.refused.not_reachable": "the device is no longer managed; no command can reach it",
    "commands.refused.two_person":
      "a wipe needs two different administrators: you requested this one, so someone else must approve it",
    "commands.refused.duplicate": "*{type}* is already {state} for this device; nothing new was queued.",
    "commands.line.expires": "expires {at}",
    "commands.line.never": "never expires",
    "commands.line.waiting": "waiting for the device since {at}",
    "commands.line.map": "<{url}|map>",
    "commands.line.error": "error: {error}",
  },
  ja: {
    "commands.lost_mode.title": "紛失モードを有効化",
    "commands.lost_mode.intro":
      "*{name}* を強力にロックし、ロック画面に以下を表示します。紛失モードに有効期限はありません。オフラインのデバイスにも、次に接続したときに適用されます。",
    "commands.lost_mode.message": "ロック画面のメッセージ",
    "commands.lost_mode.no_help_desk":
      ":information_source: ヘルプデスクの電話番号が未設定のため、番号は入っていません(報告者本人の番号は使いません。デバイスが第三者の手にある場合があるためです)。システム管理者が `/mdm company phone 03-1234-5678` で設定できます。",
    "commands.lost_mode.phone": "連絡先の電話番号",
    "commands.lost_mode.footnote": "補足(任意)",
    "commands.lost_mode.submit": "紛失モードを有効化",
    "commands.lost_mode.need_one": "ロック画面のメッセージか電話番号の少なくとも一方を入力してください。",
    "commands.lock.title": "デバイスをロック",
    "commands.lock.intro": "*{name}* をロック(スリープ状態に)します。",
    "commands.lock.warning":
      ":warning: ロックはデバイスにパスコードが設定済みの場合にのみ有効です(iOS ではパスコードを遠隔で設定できません)。パスコードがなければ誰でも解除できるため、紛失モードをおすすめします。",
    "commands.lock.warning_ios_no_lost_mode":
      ":warning: ロックが役立つのは、デバイスにパスコードが設定済みの場合だけです(iOS ではパスコードを遠隔で設定できません)。パスコードがなければ誰でも解除できます。このデバイスでは紛失モードを使えません。データを守る必要がある場合は初期化してください。",
    "commands.lock.warning_mac":
      ":warning: Mac はロックされ、ロック画面で再起動します。Mac には紛失モードがありません。回収できない場合は初期化してください。",
    "commands.lock.warning_android":
      ":warning: スマートフォン自身の画面ロック(PIN・パターン・パスワード)でロックされます。画面ロックがなければ誰でも開けます。このデバイスでは紛失モードを使えません。データを守る必要がある場合は初期化してください。",
    "commands.lock.warning_android_lost_mode":
      ":warning: スマートフォン自身の画面ロック(PIN・パターン・パスワード)でロックされます。画面ロックがなければ誰でも開けます。ヘルプデスクの番号も表示される紛失モードをおすすめします。",
    "commands.lock.passcode_set": "デバイスはパスコード設定済みと報告しています。",
    "commands.lock.passcode_none":
      ":warning: デバイスは *パスコード未設定* と報告しています。このロックでは保護されません。",
    "commands.lock.passcode_unknown": "パスコードが設定されているかは不明です。",
    "commands.lock.submit": "ロック",
    "commands.wipe.confirm_title": "このデバイスを初期化しますか?",
    "commands.wipe.confirm_leaves":
      "{name} のデータをすべて消去します。消去後は MDM 管理下から外れ、位置情報・紛失モード・コマンドは使えなくなります。2 人目の管理者の承認が必要です。",
    "commands.wipe.confirm_ade":
      "{name} のデータをすべて消去します。ADE デバイスのため、アクティベーション時に再登録され、管理下に残ります。2 人目の管理者の承認が必要です。",
    "commands.wipe.approve": "初期化を承認",
    "commands.wipe.cancel": "初期化の依頼を取り下げ",
    "commands.wipe.approve_title": "初期化を承認しますか?",
    "commands.wipe.approve_text": "{name} のデータを今すぐすべて消去しますか?元に戻せません。",
    "commands.button.locate": "位置情報を取得",
    "commands.button.sound": "サウンドを再生",
    "commands.button.disable": "紛失モードを解除",
    "commands.disable.confirm_title": "紛失モードを解除しますか?",
    "commands.disable.confirm_text": "{name} の紛失モードを解除しますか?持ち主が使えるようになります。",
    "commands.confirm.go": "実行する",
    "commands.confirm.back": "戻る",
    "commands.modal.cancel": "キャンセル",
    "commands.close.found.title": "デバイス発見",
    "commands.close.found.intro": "{reference} を発見済みにします。未実行のコマンドは取り下げます。",
    "commands.close.found.submit": "発見済みにする",
    "commands.close.dismissed.title": "対応不要",
    "commands.close.dismissed.intro":
      "{reference} を対応不要として閉じます。未実行のコマンドは取り下げます。紛失モード中のデバイスは、ここで解除しない限りロックされたままです。",
    "commands.close.dismissed.submit": "報告を閉じる",
    "commands.close.wiped.title": "初期化済みで完了",
    "commands.close.wiped.intro":
      "{reference} を初期化済みとして閉じます。報告者には、デバイスが初期化されたことと、データがどうなったかを知らせます。",
    "commands.close.wiped.submit": "報告を閉じる",
    "commands.ephemeral.closed_wiped": "{reference} を初期化済みとして閉じました。",
    "commands.found.disable": "{name} の紛失モードも解除する",
    "commands.expiry.never": "有効期限なし:デバイスがどれだけオフラインでも待ち続けます。",
    "commands.expiry.at": "{at} までにデバイスが実行しなければ期限切れになります。",
    "commands.thread.requested_wipe":
      ":hourglass: {who} が {name} の *初期化* を依頼しました。2 人目の管理者の承認が必要です。{expiry}",
    "commands.thread.queued": ":inbox_tray: {who} が {name} の *{type}* を依頼しました。{expiry}",
    "commands.thread.approved":
      ":white_check_mark: {who} が {name} の初期化を承認しました。デバイスが応答すると実行されます。{expiry}",
    "commands.thread.sent": ":outbox_tray: *{type}* を {name} に送信しました。応答を待っています。",
    "commands.thread.wipe_sent":
      ":hourglass_flowing_sand: {name} の初期化を依頼しました。*デバイスの応答待ち* です。次にデバイスが接続したときに初期化されます(紛失中のデバイスは長くオフラインのことがあります)。デバイスが完了を確認するとこのスレッドでお知らせします。それまでは初期化されていません。",
    "commands.thread.lost_mode_sent":
      ":hourglass_flowing_sand: {name} の紛失モードを依頼しました。*デバイスの応答待ち* です。次にデバイスが接続したときにロックされます。デバイスが適用するとこのスレッドでお知らせします。",
    "commands.thread.acknowledged": ":white_check_mark: {name} が *{type}* を実行しました。",
    "commands.thread.located": ":round_pushpin: {name} の位置: <{url}|地図を開く>({lat}, {lon})",
    "commands.thread.no_location": ":grey_question: {name} は位置情報なしで応答しました。",
    "commands.thread.error": ":x: {name} が *{type}* にエラーを返しました: {error}",
    "commands.thread.no_passcode":
      ":warning: {name} が *{type}* に応答: *パスコードが未設定* のため、ロックでは保護されません。紛失モードを使ってください。",
    "commands.thread.no_passcode_no_lost_mode":
      ":warning: {name} が *{type}* に応答: *パスコードが未設定* のため、ロックでは保護されません。このデバイスでは紛失モードを使えません。データを守る必要がある場合は初期化してください。",
    "commands.thread.expired":
      ":alarm_clock: {name} への *{type}* は期限切れになりました(7 日以内に実行されませんでした)。",
    "commands.thread.cancelled": ":no_entry_sign: {who} が {name} への *{type}* を取り下げました。",
    "commands.thread.cancelled_wiped": ":no_entry_sign: {name} は初期化されたため、*{type}* は取り消されました。",
    "commands.thread.not_now":
      ":zzz: {name} は *{type}* に NotNow(使用中またはロック中)と応答しました。次回のチェックインまで保留します。",
    "commands.thread.wipe_decided": "{name} の初期化: {state}",
    "commands.thread.lost_mode_on":
      ":lock: {name} は紛失モードになりました。位置情報の取得やサウンドの再生ができます。",
    "commands.thread.wiped": ":boom: {name} は初期化され、MDM 管理下から外れました。",
    "commands.thread.wiped_ade":
      ":boom: {name} は初期化されました。ADE デバイスのため、アクティベーション時に再登録され管理下に残ります。",
    "commands.ephemeral.queued":
      "{name} の *{type}* を依頼しました。デバイスが応答すると実行されます。進捗はインシデントのスレッドに表示されます。",
    "commands.ephemeral.wipe_requested":
      "{name} の初期化を依頼しました。別の管理者がインシデントのスレッドで承認する必要があります。",
    "commands.ephemeral.approved": "{name} の初期化を承認しました。デバイスが応答すると実行されます。",
    "commands.ephemeral.cancelled": "{name} への *{type}* を取り下げました。",
    "commands.ephemeral.found": "{reference} を発見済みにしました。",
    "commands.ephemeral.dismissed": "{reference} を対応不要にし、未実行のコマンドを取り下げました。",
    "commands.ephemeral.bad_button": "このボタンは古くなっています。何も変更していません。",
    "commands.refused.needs_lost_mode": "デバイスが紛失モードではありません。先に紛失モードを有効にしてください",
    "commands.refused.not_reachable": "デバイスはすでに管理下にないため、コマンドを送れません",
    "commands.refused.two_person":
      "初期化には 2 人の異なる管理者が必要です。依頼者本人は承認できません。別の管理者に承認を依頼してください",
    "commands.refused.duplicate": "このデバイスの *{type}* はすでに「{state}」です。新たには依頼していません。",
    "commands.line.expires": "{at} に期限切れ",
    "commands.line.never": "有効期限なし",
    "commands.line.waiting": "{at} からデバイスの応答待ち",
    "commands.line.map": "<{url}|地図>",
    "commands.line.error": "エラー: {error}",
  },
};
