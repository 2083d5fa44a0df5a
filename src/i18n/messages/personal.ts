// Company data only on personal devices (incident response): what the wipe removes there, the owner's
// consent to a full reset, and what the employee is told was removed.
import type { Catalog } from "../catalog.js";

type Key =
  | "capability.wipe.apple_mdm_profile"
  | "capability.wipe.agent_profile"
  | "capability.wipe.company_data_button"
  | "capability.wipe.personal_full_only"
  | "capability.lost_mode.user_enrollment"
  | "capability.lock.mac_user_enrollment"
  | "capability.full_reset.company"
  | "capability.full_reset.impossible"
  | "capability.full_reset.needs_consent"
  | "command.type.REMOVE_COMPANY_DATA"
  | "personal.button.full_reset"
  | "personal.confirm.company_data"
  | "personal.confirm.full_reset_title"
  | "personal.confirm.full_reset_text"
  | "personal.confirm.full_reset_go"
  | "personal.refused.company_device"
  | "personal.refused.full_impossible"
  | "personal.refused.no_company_part"
  | "personal.refused.needs_consent"
  | "personal.consent.no_owner"
  | "personal.consent.not_owner"
  | "personal.consent.lapsed"
  | "personal.consent.asked"
  | "personal.consent.waiting"
  | "personal.consent.dm"
  | "personal.consent.give"
  | "personal.consent.decline"
  | "personal.consent.give_title"
  | "personal.consent.give_text"
  | "personal.consent.decline_title"
  | "personal.consent.decline_text"
  | "personal.consent.given_reply"
  | "personal.consent.declined_reply"
  | "personal.consent.dm_decided"
  | "personal.thread.asked"
  | "personal.thread.given"
  | "personal.thread.declined"
  | "personal.thread.requested_company_data"
  | "personal.thread.approved_company_data"
  | "personal.thread.company_data_removed"
  | "personal.removed.android_work_profile"
  | "personal.removed.apple_mdm_profile"
  | "personal.removed.agent_profile"
  | "personal.owner.removed"
  | "personal.owner.full_reset"
  | "personal.ephemeral.requested"
  | "personal.byod.on"
  | "personal.byod.off"
  | "mdm.help.byod"
  | "report.status.company_data_removed"
  | "report.status.company_data_removed_detail";

export const personal: Catalog<Key> = {
  en: {
    "capability.wipe.apple_mdm_profile":
      "Personal device: this removes the company's management profile, and with it the managed apps, their data and the company's accounts and settings. The owner's own apps, photos and data stay; the device is not erased.",
    "capability.wipe.agent_profile":
      "Personal device: this removes the company's agent and the company's data only. The owner's own data stays; the device is not erased.",
    "capability.wipe.company_data_button": "Remove company data",
    "capability.wipe.personal_full_only":
      "Personal device with no separate company part (a fully managed Android phone): only a full reset is possible, and it needs the owner's consent.",
    "capability.lost_mode.user_enrollment":
      "No lost mode: Apple allows none on a device enrolled through User Enrollment (the employee's own).",
    "capability.lock.mac_user_enrollment":
      "No lock: Apple allows no remote lock on a Mac enrolled through User Enrollment.",
    "capability.full_reset.company": "A full reset with the owner's consent is for personal devices; use Wipe.",
    "capability.full_reset.impossible":
      "This personal device cannot be erased completely from here (Apple User Enrollment, or an Android work profile): only the company data can be removed.",
    "capability.full_reset.needs_consent":
      "Erasing this personal device completely — the owner's own data too — needs the owner's consent, asked in Slack and recorded.",
    "command.type.REMOVE_COMPANY_DATA": "Remove company data",
    "personal.button.full_reset": "Full reset (owner's consent)",
    "personal.confirm.company_data":
      "Removes only the company's data from {name}; the owner's own apps and data stay. The device then leaves management. A second administrator must approve.",
    "personal.confirm.full_reset_title": "Erase the owner's device completely?",
    "personal.confirm.full_reset_text":
      "{name} is the employee's own device. Without their recorded consent, this asks them in Slack; with it, it requests a full reset, which a second administrator must approve.",
    "personal.confirm.full_reset_go": "Continue",
    "personal.refused.company_device": "Removing company data only is for personal devices; a company device is wiped.",
    "personal.refused.full_impossible":
      "The platform cannot erase this personal device completely; only the company data can be removed.",
    "personal.refused.no_company_part":
      "This personal device has no separate company part; a full reset needs the owner's consent (Full reset).",
    "personal.refused.needs_consent":
      "A full reset of a personal device needs its owner's consent first. Click Full reset to ask the owner.",
    "personal.consent.no_owner": "The device has no recorded owner to ask for consent.",
    "personal.consent.not_owner": "Only the device's owner can answer this.",
    "personal.consent.lapsed": "This question has lapsed; the administrators must ask again.",
    "personal.consent.asked":
      "The owner {owner} has been asked in Slack whether {name} may be erased completely. You will see their answer in the incident thread.",
    "personal.consent.waiting":
      "Still waiting for {owner} to answer whether {name} may be erased completely (asked {at}).",
    "personal.consent.dm":
      ":warning: Your IT administrators ({who}) ask whether they may *erase your own device {name} completely* (reference {reference}). Everything on it would be deleted — your own photos, apps and data too — not only the company's data. Without your consent they can only remove the company's data. Your answer is recorded.",
    "personal.consent.give": "Allow full reset",
    "personal.consent.decline": "Don't allow",
    "personal.consent.give_title": "Allow a full reset?",
    "personal.consent.give_text":
      "Everything on {name}, your own data included, may then be erased. Two administrators still decide whether to do it.",
    "personal.consent.decline_title": "Refuse a full reset?",
    "personal.consent.decline_text": "Only the company's data can then be removed from {name}; your own data stays.",
    "personal.consent.given_reply": "Recorded: you allowed a full reset of {name}. The administrators have been told.",
    "personal.consent.declined_reply":
      "Recorded: you did not allow a full reset of {name}. Only the company's data can be removed.",
    "personal.consent.dm_decided": "You answered on {at}: *{answer}*. Your answer is recorded.",
    "personal.thread.asked":
      ":raising_hand: {who} asked the owner {owner} whether {name} may be erased completely (their own data too). Waiting for their answer; it lapses {expiry}.",
    "personal.thread.given":
      ":white_check_mark: The owner {owner} *allowed* a full reset of {name} ({at}). Click *Full reset* to request it; a second administrator approves, as with every wipe.",
    "personal.thread.declined":
      ":no_entry: The owner {owner} *did not allow* a full reset of {name} ({at}). Only the company data can be removed.",
    "personal.thread.requested_company_data":
      ":hourglass: {who} asked to *remove company data* from {name} (the employee's own device: their own data stays). A second administrator must approve it. {expiry}",
    "personal.thread.approved_company_data":
      ":white_check_mark: {who} approved removing company data from {name}; it is queued. {expiry}",
    "personal.thread.company_data_removed":
      ":broom: Company data removed from {name}: {what} It has left management. The owner has been told.",
    "personal.removed.android_work_profile":
      "the work profile, with every work app and its data, the work accounts and the company's settings. The personal side of the phone — own apps, photos, messages, accounts, SD card and eSIM — was not touched.",
    "personal.removed.apple_mdm_profile":
      "the company's management profile, and with it the apps the company installed and their data, the company's mail, Wi-Fi, VPN and certificate settings and the managed Apple Account's data. The device itself was not erased: own apps, photos, messages and accounts were not touched.",
    "personal.removed.agent_profile":
      "the company's management agent and the company's data it held. The device itself was not erased: own files and apps were not touched.",
    "personal.owner.removed":
      ":information_source: The company's data was removed from your device *{name}* ({reference}). Removed: {what}",
    "personal.owner.full_reset":
      ":information_source: Your device *{name}* ({reference}) was erased completely, as you allowed on {at}.",
    "personal.ephemeral.requested":
      "Removing company data from {name} requested (the employee's own device: their data stays). Another administrator must approve it in the incident thread.",
    "personal.byod.on":
      "{name} is now marked as the employee's own device (BYOD): its wipe removes company data only, and a full reset needs the owner's consent.",
    "personal.byod.off": "{name} is no longer marked as the employee's own device.",
    "mdm.help.byod":
      "byod <serial|UDID|IMEI> on|off — mark a device as the employee's own: company data only, a full reset needs the owner's consent",
    "report.status.company_data_removed": "Company data removed from the device",
    "report.status.company_data_removed_detail":
      "Only the company's data was removed: the work profile or management profile, the apps the company installed and their data, and the company's accounts and settings. Your own apps, photos and data were not touched. The details were sent to you in Slack.",
  },
  ja: {
    "capability.wipe.apple_mdm_profile":
      "個人所有のデバイス: 会社の管理プロファイルを削除します。これにより管理対象のアプリとそのデータ、会社のアカウントと設定も削除されます。本人のアプリ・写真・データは残り、デバイスは初期化されません。",
    "capability.wipe.agent_profile":
      "個人所有のデバイス: 会社のエージェントと会社のデータだけを削除します。本人のデータは残り、デバイスは初期化されません。",
    "capability.wipe.company_data_button": "会社のデータを削除",
    "capability.wipe.personal_full_only":
      "会社用の領域が分かれていない個人所有のデバイス（フルマネージドの Android）です。できるのは完全初期化だけで、所有者本人の同意が必要です。",
    "capability.lost_mode.user_enrollment":
      "紛失モードは使えません: ユーザ登録（User Enrollment、本人所有のデバイス）では Apple が紛失モードを認めていません。",
    "capability.lock.mac_user_enrollment":
      "ロックは使えません: ユーザ登録の Mac では Apple がリモートロックを認めていません。",
    "capability.full_reset.company":
      "所有者の同意による完全初期化は個人所有のデバイス向けです。初期化を使ってください。",
    "capability.full_reset.impossible":
      "この個人所有のデバイスはここから完全には初期化できません（Apple のユーザ登録、または Android の仕事用プロファイル）。削除できるのは会社のデータだけです。",
    "capability.full_reset.needs_consent":
      "この個人所有のデバイスを完全に初期化する（本人のデータも消える）には、所有者本人の同意が必要です。Slack で本人に確認し、記録します。",
    "command.type.REMOVE_COMPANY_DATA": "会社のデータを削除",
    "personal.button.full_reset": "完全初期化（本人の同意）",
    "personal.confirm.company_data":
      "{name} から会社のデータだけを削除します。本人のアプリとデータは残ります。削除後は MDM 管理下から外れます。2 人目の管理者の承認が必要です。",
    "personal.confirm.full_reset_title": "本人のデバイスを完全に初期化しますか?",
    "personal.confirm.full_reset_text":
      "{name} は従業員本人のデバイスです。同意の記録がなければ Slack で本人に確認します。同意があれば完全初期化を依頼し、2 人目の管理者が承認します。",
    "personal.confirm.full_reset_go": "進む",
    "personal.refused.company_device":
      "会社のデータだけの削除は個人所有のデバイス向けです。会社のデバイスは初期化します。",
    "personal.refused.full_impossible":
      "この個人所有のデバイスは完全には初期化できません。削除できるのは会社のデータだけです。",
    "personal.refused.no_company_part":
      "この個人所有のデバイスには会社用の領域がありません。完全初期化には所有者本人の同意が必要です（完全初期化）。",
    "personal.refused.needs_consent":
      "個人所有のデバイスの完全初期化には、先に所有者本人の同意が必要です。「完全初期化」を押して本人に確認してください。",
    "personal.consent.no_owner": "このデバイスには同意を求める所有者が登録されていません。",
    "personal.consent.not_owner": "回答できるのはデバイスの所有者本人だけです。",
    "personal.consent.lapsed": "この確認は期限切れです。管理者がもう一度確認する必要があります。",
    "personal.consent.asked":
      "{name} を完全に初期化してよいか、所有者 {owner} に Slack で確認しました。回答はインシデントのスレッドに表示されます。",
    "personal.consent.waiting": "{name} の完全初期化について、{owner} の回答を待っています（確認 {at}）。",
    "personal.consent.dm":
      ":warning: 情報システム管理者（{who}）から、あなたのデバイス {name} を *完全に初期化* してよいかの確認です（受付番号 {reference}）。会社のデータだけでなく、あなた自身の写真・アプリ・データもすべて消去されます。同意がない場合、削除できるのは会社のデータだけです。回答は記録されます。",
    "personal.consent.give": "完全初期化を許可",
    "personal.consent.decline": "許可しない",
    "personal.consent.give_title": "完全初期化を許可しますか?",
    "personal.consent.give_text":
      "{name} の、あなた自身のデータを含むすべてが消去される可能性があります。実行するかどうかは管理者 2 人が判断します。",
    "personal.consent.decline_title": "完全初期化を許可しませんか?",
    "personal.consent.decline_text": "{name} からは会社のデータだけが削除できます。あなたのデータは残ります。",
    "personal.consent.given_reply": "記録しました: {name} の完全初期化を許可しました。管理者に伝えました。",
    "personal.consent.declined_reply":
      "記録しました: {name} の完全初期化を許可しませんでした。削除できるのは会社のデータだけです。",
    "personal.consent.dm_decided": "{at} に回答しました: *{answer}*。回答は記録されています。",
    "personal.thread.asked":
      ":raising_hand: {who} が所有者 {owner} に、{name} を完全に初期化してよいか（本人のデータも消える）確認しました。回答待ちです。期限: {expiry}",
    "personal.thread.given":
      ":white_check_mark: 所有者 {owner} が {name} の完全初期化を *許可* しました（{at}）。「完全初期化」を押すと依頼できます。いつもどおり 2 人目の管理者の承認が必要です。",
    "personal.thread.declined":
      ":no_entry: 所有者 {owner} は {name} の完全初期化を *許可しませんでした*（{at}）。削除できるのは会社のデータだけです。",
    "personal.thread.requested_company_data":
      ":hourglass: {who} が {name} の *会社のデータの削除* を依頼しました（従業員本人のデバイス: 本人のデータは残ります）。2 人目の管理者の承認が必要です。{expiry}",
    "personal.thread.approved_company_data":
      ":white_check_mark: {who} が {name} の会社のデータの削除を承認し、実行待ちになりました。{expiry}",
    "personal.thread.company_data_removed":
      ":broom: {name} から会社のデータを削除しました: {what} MDM 管理下から外れました。所有者に伝えました。",
    "personal.removed.android_work_profile":
      "仕事用プロファイル（仕事用アプリとそのデータ、仕事用アカウント、会社の設定）。スマートフォンの個人用の側（本人のアプリ・写真・メッセージ・アカウント・SD カード・eSIM）には触れていません。",
    "personal.removed.apple_mdm_profile":
      "会社の管理プロファイルと、それにより会社が入れたアプリとそのデータ、会社のメール・Wi-Fi・VPN・証明書の設定、管理対象 Apple アカウントのデータ。デバイス自体は初期化しておらず、本人のアプリ・写真・メッセージ・アカウントには触れていません。",
    "personal.removed.agent_profile":
      "会社の管理エージェントと、それが保持していた会社のデータ。デバイス自体は初期化しておらず、本人のファイルやアプリには触れていません。",
    "personal.owner.removed":
      ":information_source: あなたのデバイス *{name}*（{reference}）から会社のデータを削除しました。削除したもの: {what}",
    "personal.owner.full_reset":
      ":information_source: あなたのデバイス *{name}*（{reference}）は、{at} のあなたの許可に基づき完全に初期化されました。",
    "personal.ephemeral.requested":
      "{name} の会社のデータの削除を依頼しました（従業員本人のデバイス: 本人のデータは残ります）。別の管理者がインシデントのスレッドで承認する必要があります。",
    "personal.byod.on":
      "{name} を従業員本人のデバイス（BYOD）として記録しました。初期化は会社のデータの削除になり、完全初期化には本人の同意が必要です。",
    "personal.byod.off": "{name} の従業員本人のデバイス（BYOD）の記録を外しました。",
    "mdm.help.byod":
      "byod <シリアル|UDID|IMEI> on|off — 従業員本人のデバイスとして記録: 会社のデータだけを削除し、完全初期化には本人の同意が必要",
    "report.status.company_data_removed": "デバイスから会社のデータを削除しました",
    "report.status.company_data_removed_detail":
      "削除したのは会社のデータだけです（仕事用プロファイルまたは管理プロファイル、会社が入れたアプリとそのデータ、会社のアカウントと設定）。あなた自身のアプリ・写真・データには触れていません。詳しい内容は Slack でお知らせしました。",
  },
};
