// Apple devices (issue 14): a Mac's Find My PIN, erase options, Activation Lock, and what
// re-checking a command with no answer found.
import type { Catalog } from "../catalog.js";

type Key =
  | "command.type.ACTIVATION_LOCK_BYPASS_CODE"
  | "command.type.CLEAR_ACTIVATION_LOCK"
  | "capability.activation_lock.unsupervised"
  | "capability.activation_lock.no_code"
  | "capability.activation_lock.not_wiped"
  | "capability.activation_lock.not_recovered"
  | "apple.pin.shown"
  | "apple.pin.button"
  | "apple.erase.button"
  | "apple.erase.title"
  | "apple.erase.intro"
  | "apple.erase.submit"
  | "apple.erase.flags"
  | "apple.erase.preserveDataPlan"
  | "apple.erase.preserveDataPlan.help"
  | "apple.erase.disallowProximitySetup"
  | "apple.erase.disallowProximitySetup.help"
  | "apple.erase.returnToService"
  | "apple.erase.returnToService.help"
  | "apple.erase.obliteration"
  | "apple.erase.obliteration.help"
  | "apple.erase.obliteration.Default"
  | "apple.erase.obliteration.DoNotObliterate"
  | "apple.erase.obliteration.ObliterateWithWarning"
  | "apple.erase.obliteration.Always"
  | "apple.erase.saved"
  | "apple.activation_lock.escrowed"
  | "apple.activation_lock.clear"
  | "apple.activation_lock.confirm_title"
  | "apple.activation_lock.confirm_text"
  | "apple.activation_lock.cleared"
  | "apple.recheck.asked_device"
  | "apple.recheck.still_queued"
  | "apple.recheck.queued_again"
  | "apple.recheck.unreachable"
  | "apple.recheck.lost_mode_on"
  | "apple.recheck.lost_mode_off"
  | "apple.recheck.not_wiped_yet"
  | "apple.recheck.confirmed";

export const apple: Catalog<Key> = {
  en: {
    "command.type.ACTIVATION_LOCK_BYPASS_CODE": "Activation Lock bypass code query",
    "command.type.CLEAR_ACTIVATION_LOCK": "Clear Activation Lock",
    "capability.activation_lock.unsupervised":
      "Apple gives the Activation Lock bypass code only for supervised Apple devices.",
    "capability.activation_lock.no_code":
      "No Activation Lock bypass code was escrowed for this device (Apple gives it only for supervised devices, within 15 days of supervision).",
    "capability.activation_lock.not_wiped": "The device has not been wiped: clear Activation Lock only after its wipe.",
    "capability.activation_lock.not_recovered":
      "The device has not been recovered (no loss report closed as found): clearing Activation Lock would unlock it for whoever holds it.",
    "apple.pin.shown":
      ":key: Find My PIN for {name}: {pin} — the Mac asks for it to unlock after the lock or erase. Keep it to yourself; the device card shows it again on request (recorded).",
    "apple.pin.button": "Show Find My PIN",
    "apple.erase.button": "Erase options…",
    "apple.erase.title": "Erase options",
    "apple.erase.intro":
      "Apple's erase options for *{name}*. The safe choices are already set; they apply when a second administrator approves the wipe.",
    "apple.erase.submit": "Save",
    "apple.erase.flags": "Options",
    "apple.erase.preserveDataPlan": "Keep the eSIM data plan",
    "apple.erase.preserveDataPlan.help": "Removing it cannot be undone; the device needs a connection to re-enrol.",
    "apple.erase.disallowProximitySetup": "Block Quick Start (proximity setup)",
    "apple.erase.disallowProximitySetup.help": "Nobody nearby can set the erased device up from their own iPhone.",
    "apple.erase.returnToService": "Return to Service (iOS 17+)",
    "apple.erase.returnToService.help":
      "The ADE device re-enrols by itself after the erase; needs a network and no Activation Lock.",
    "apple.erase.obliteration": "If Erase All Content and Settings cannot run",
    "apple.erase.obliteration.help":
      'macOS 12 and later. "Erase anyway, report done" makes sure a lost Mac is erased and the wipe is recorded truthfully.',
    "apple.erase.obliteration.Default": "Erase anyway, report an error (Apple's default)",
    "apple.erase.obliteration.DoNotObliterate": "Do not erase",
    "apple.erase.obliteration.ObliterateWithWarning": "Erase anyway, report done",
    "apple.erase.obliteration.Always": "Always obliterate",
    "apple.erase.saved": "Erase options of the wipe of {name} saved.",
    "apple.activation_lock.escrowed": "bypass code escrowed",
    "apple.activation_lock.clear": "Clear Activation Lock",
    "apple.activation_lock.confirm_title": "Clear Activation Lock?",
    "apple.activation_lock.confirm_text":
      "Apple removes Activation Lock with the escrowed bypass code, so the device can be set up without its previous Apple ID. A second administrator must approve.",
    "apple.activation_lock.cleared": ":unlock: Apple cleared Activation Lock on {name}: it can be set up again.",
    "apple.recheck.asked_device":
      ":mag: No answer from {name} to *{type}* since {since}: asked the device about itself (DeviceInformation). Next check {next}.",
    "apple.recheck.still_queued":
      ":hourglass: No answer from {name} to *{type}* since {since}: NanoMDM still holds the command for the device. Next check {next}.",
    "apple.recheck.queued_again":
      ":repeat: No answer from {name} to *{type}* since {since}: queued again under the same id, so the device answers when it next checks in. Next check {next}.",
    "apple.recheck.unreachable":
      ":warning: No answer from {name} to *{type}* since {since}, and the MDM service could not be asked. Next check {next}.",
    "apple.recheck.lost_mode_on":
      ":information_source: {name} answered: lost mode is still on. Still waiting for *{type}*.",
    "apple.recheck.lost_mode_off":
      ":information_source: {name} answered: lost mode is not on yet. Still waiting for *{type}*; next check {next}.",
    "apple.recheck.not_wiped_yet":
      ":information_source: {name} answered, so it has not been wiped yet. Still waiting for *{type}*; next check {next}.",
    "apple.recheck.confirmed":
      ":white_check_mark: {name} said it has carried out *{type}* (its own answer was lost; confirmed by asking the device).",
  },
  ja: {
    "command.type.ACTIVATION_LOCK_BYPASS_CODE": "アクティベーションロック回避コードの照会",
    "command.type.CLEAR_ACTIVATION_LOCK": "アクティベーションロック解除",
    "capability.activation_lock.unsupervised":
      "Apple がアクティベーションロック回避コードを渡すのは監視対象の Apple デバイスだけです。",
    "capability.activation_lock.no_code":
      "このデバイスのアクティベーションロック回避コードは預かっていません(Apple が渡すのは監視対象デバイスで、監視対象になってから15日以内だけです)。",
    "capability.activation_lock.not_wiped":
      "このデバイスはまだ初期化されていません。アクティベーションロックの解除は初期化の後にしてください。",
    "capability.activation_lock.not_recovered":
      "このデバイスは回収されていません(発見として閉じた紛失報告がありません)。解除すると、持っている人が誰でも使えるようになります。",
    "apple.pin.shown":
      ":key: {name} の「探す」PIN: {pin} — ロックまたは初期化の後、Mac のロック解除に必要です。他の人に伝えないでください。必要になったらデバイスカードで再表示できます(記録されます)。",
    "apple.pin.button": "「探す」PIN を表示",
    "apple.erase.button": "初期化オプション…",
    "apple.erase.title": "初期化オプション",
    "apple.erase.intro":
      "*{name}* の初期化について Apple が用意しているオプションです。安全な選択が既に設定されています。2人目の管理者が承認したときに適用されます。",
    "apple.erase.submit": "保存",
    "apple.erase.flags": "オプション",
    "apple.erase.preserveDataPlan": "eSIM のデータプランを残す",
    "apple.erase.preserveDataPlan.help": "削除すると元に戻せません。再登録には通信が必要です。",
    "apple.erase.disallowProximitySetup": "クイックスタート(近接設定)を禁止",
    "apple.erase.disallowProximitySetup.help": "近くの人が自分の iPhone から初期化後のデバイスを設定できなくします。",
    "apple.erase.returnToService": "Return to Service(iOS 17 以降)",
    "apple.erase.returnToService.help":
      "ADE デバイスが初期化後に自動で再登録します。通信が必要で、アクティベーションロックが無効である必要があります。",
    "apple.erase.obliteration": "「すべてのコンテンツと設定を消去」が実行できないとき",
    "apple.erase.obliteration.help":
      "macOS 12 以降。「それでも消去し、完了と報告」にすると、紛失した Mac を確実に消去し、初期化を正しく記録できます。",
    "apple.erase.obliteration.Default": "それでも消去し、エラーと報告(Apple の既定)",
    "apple.erase.obliteration.DoNotObliterate": "消去しない",
    "apple.erase.obliteration.ObliterateWithWarning": "それでも消去し、完了と報告",
    "apple.erase.obliteration.Always": "常に完全消去",
    "apple.erase.saved": "{name} の初期化オプションを保存しました。",
    "apple.activation_lock.escrowed": "回避コード預かり済み",
    "apple.activation_lock.clear": "アクティベーションロックを解除",
    "apple.activation_lock.confirm_title": "アクティベーションロックを解除しますか?",
    "apple.activation_lock.confirm_text":
      "預かっている回避コードで Apple がアクティベーションロックを解除し、以前の Apple ID なしでデバイスを設定できるようになります。2人目の管理者の承認が必要です。",
    "apple.activation_lock.cleared":
      ":unlock: Apple が {name} のアクティベーションロックを解除しました。もう一度設定できます。",
    "apple.recheck.asked_device":
      ":mag: {name} から *{type}* の応答が {since} からありません。デバイス情報を問い合わせました(DeviceInformation)。次の確認: {next}",
    "apple.recheck.still_queued":
      ":hourglass: {name} から *{type}* の応答が {since} からありません。NanoMDM はまだこのコマンドを保持しています。次の確認: {next}",
    "apple.recheck.queued_again":
      ":repeat: {name} から *{type}* の応答が {since} からありません。同じ ID でもう一度キューに入れました。次のチェックインで応答します。次の確認: {next}",
    "apple.recheck.unreachable":
      ":warning: {name} から *{type}* の応答が {since} からなく、MDM サービスにも問い合わせできませんでした。次の確認: {next}",
    "apple.recheck.lost_mode_on":
      ":information_source: {name} の応答: 紛失モードはまだ有効です。*{type}* の応答を待っています。",
    "apple.recheck.lost_mode_off":
      ":information_source: {name} の応答: 紛失モードはまだ有効になっていません。*{type}* の応答を待っています。次の確認: {next}",
    "apple.recheck.not_wiped_yet":
      ":information_source: {name} が応答したので、まだ初期化されていません。*{type}* の応答を待っています。次の確認: {next}",
    "apple.recheck.confirmed":
      ":white_check_mark: {name} は *{type}* を実行済みと答えました(コマンドへの応答は失われていたため、デバイスに問い合わせて確認しました)。",
  },
};
