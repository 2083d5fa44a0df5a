// Google-side happenings shown to admins: a reporter's edit of their Google Form response, and
// what an Android device did by itself (lost mode left on the phone, a location while lost).
import type { Catalog } from "../catalog.js";

type Key =
  | "report.edited.title"
  | "report.edited.empty"
  | "report.edited.yes"
  | "report.edited.no"
  | "report.edited.field.reporterName"
  | "report.edited.field.deviceDescription"
  | "report.edited.field.lostAt"
  | "report.edited.field.location"
  | "report.edited.field.circumstances"
  | "report.edited.field.contactPhone"
  | "report.edited.field.consentLostMode"
  | "capability.lost_mode.android_personal"
  | "capability.lost_mode.android_11"
  | "capability.lost_mode.android_13"
  | "capability.android.location_automatic"
  | "capability.wipe.android_work_profile"
  | "capability.wipe.android_work_profile_button"
  | "device_side.located"
  | "device_side.accuracy"
  | "device_side.accuracy_unknown"
  | "device_side.battery"
  | "device_side.lost_mode_exited"
  | "device_side.lost_mode_exit_failed"
  | "device_side.outgoing_call"
  | "device_side.left_management"
  | "device_side.reset_on_device"
  | "commands.thread.lost_mode_on_android";

export const google: Catalog<Key> = {
  en: {
    "report.edited.title": ":pencil2: The reporter edited the form. The report now shows the new answers:",
    "report.edited.empty": "(blank)",
    "report.edited.yes": "yes",
    "report.edited.no": "no",
    "report.edited.field.reporterName": "Name",
    "report.edited.field.deviceDescription": "Device",
    "report.edited.field.lostAt": "When",
    "report.edited.field.location": "Where",
    "report.edited.field.circumstances": "What happened",
    "report.edited.field.contactPhone": "Contact phone",
    "report.edited.field.consentLostMode": "Consent to lost mode",
    "capability.lost_mode.android_personal":
      "Lost mode: Google allows it only on company-owned Android devices, and this one is personally owned (work profile). To protect company data, remove the work profile.",
    "capability.lost_mode.android_11":
      "Lost mode: Google allows it on a fully managed Android device from Android 11; this device runs an older version.",
    "capability.lost_mode.android_13":
      "Lost mode: Google allows it on a company-owned work profile from Android 13; this device runs an older version.",
    "capability.android.location_automatic":
      "Android has no location or sound command: in lost mode the device sends its location by itself, and each one is posted in this thread.",
    "capability.wipe.android_work_profile":
      "Personally owned: this removes the work profile and company data only. The owner’s own apps and data stay; the phone is not factory reset.",
    "capability.wipe.android_work_profile_button": "Remove work data",
    "device_side.located":
      ":round_pushpin: {name} sent its location (lost mode): <{url}|open the map> ({lat}, {lon}), at {at}.",
    "device_side.accuracy": "Accuracy: about {m} m.",
    "device_side.accuracy_unknown": "Accuracy: not reported by Android.",
    "device_side.battery": "Battery: {pct}%.",
    "device_side.lost_mode_exited":
      ":warning: Lost mode was turned off *on* {name} itself: whoever holds it entered the device password. The device is unlocked now. Next: call the reporter; if they did not do it, enable lost mode again (Android may refuse it for a while after a user exit) or wipe the device.",
    "device_side.lost_mode_exit_failed":
      ":lock: Someone tried to leave lost mode on {name} and failed (wrong password). The device stays locked.",
    "device_side.outgoing_call":
      ":telephone_receiver: A call was made from {name} while in lost mode (the lock screen's call button).",
    "device_side.left_management":
      ":warning: {name} is no longer managed: it was deleted in the Android Management console, or its work profile or management was removed on the device. No command can reach it any more, and this app did not wipe it. Next: ask who removed it; if the device is still missing, treat its company data as exposed (change the owner's passwords, revoke its sessions) and report the loss to your security contact.",
    "device_side.reset_on_device":
      ":warning: {name} was factory reset on the device itself and has enrolled again under a new id. Its data is gone, and so is any lost mode it had: if the loss is still open, lost mode is requested again automatically. Next: find out who reset it — a finder or a thief can reset a phone that has no reset protection.",
    "commands.thread.lost_mode_on_android":
      ":lock: {name} is in lost mode (the device confirmed it). Android sends its location by itself while lost; each one is posted in this thread.",
  },
  ja: {
    "report.edited.title": ":pencil2: 報告者がフォームの回答を編集しました。報告は新しい回答で更新されています:",
    "report.edited.empty": "（空欄）",
    "report.edited.yes": "同意する",
    "report.edited.no": "同意しない",
    "report.edited.field.reporterName": "氏名",
    "report.edited.field.deviceDescription": "デバイス",
    "report.edited.field.lostAt": "日時",
    "report.edited.field.location": "場所",
    "report.edited.field.circumstances": "状況",
    "report.edited.field.contactPhone": "連絡先電話番号",
    "report.edited.field.consentLostMode": "紛失モードへの同意",
    "capability.lost_mode.android_personal":
      "紛失モード: Google は会社所有の Android デバイスでのみ紛失モードを許可しています。このデバイスは個人所有(仕事用プロファイル)です。会社のデータを守るには仕事用プロファイルを削除してください。",
    "capability.lost_mode.android_11":
      "紛失モード: 完全管理の Android デバイスでは Android 11 以降でのみ使えます。このデバイスは古いバージョンです。",
    "capability.lost_mode.android_13":
      "紛失モード: 会社所有の仕事用プロファイルでは Android 13 以降でのみ使えます。このデバイスは古いバージョンです。",
    "capability.android.location_automatic":
      "Android には位置情報・サウンドのコマンドがありません。紛失モード中はデバイスが自ら位置情報を送り、このスレッドに投稿されます。",
    "capability.wipe.android_work_profile":
      "個人所有のデバイス: 仕事用プロファイルと会社のデータだけを削除します。本人のアプリやデータは残り、デバイスは初期化されません。",
    "capability.wipe.android_work_profile_button": "仕事用データを削除",
    "device_side.located":
      ":round_pushpin: {name} が位置情報を送信しました(紛失モード): <{url}|地図を開く>({lat}, {lon})、{at}",
    "device_side.accuracy": "精度: 約 {m} m",
    "device_side.accuracy_unknown": "精度: Android からは報告されません",
    "device_side.battery": "バッテリー: {pct}%",
    "device_side.lost_mode_exited":
      ":warning: {name} のデバイス上で紛失モードが解除されました。デバイスのパスワードが入力され、現在ロックは解除されています。次の対応: 報告者に連絡し、本人でなければ紛失モードを再度有効にする(解除直後は Android が拒否することがあります)か、初期化してください。",
    "device_side.lost_mode_exit_failed":
      ":lock: {name} のデバイス上で紛失モードの解除が試みられましたが失敗しました(パスワード誤り)。デバイスはロックされたままです。",
    "device_side.outgoing_call":
      ":telephone_receiver: 紛失モード中の {name} から電話が発信されました(ロック画面の発信ボタン)。",
    "device_side.left_management":
      ":warning: {name} は管理下から外れました。Android Management のコンソールで削除されたか、デバイス上で仕事用プロファイルまたは管理が削除されました。このアプリが初期化したのではなく、今後コマンドは届きません。次の対応: 誰が削除したか確認し、デバイスが見つかっていなければ会社のデータが漏れたものとして扱ってください(所有者のパスワード変更、セッションの無効化、セキュリティ担当への報告)。",
    "device_side.reset_on_device":
      ":warning: {name} はデバイス上で初期化され、新しい ID で再登録されました。データは消え、紛失モードも解除されています。紛失が未解決なら紛失モードを自動で再度依頼します。次の対応: 誰が初期化したか確認してください(リセット保護のないデバイスは拾った人でも初期化できます)。",
    "commands.thread.lost_mode_on_android":
      ":lock: {name} は紛失モードになりました(デバイスが適用を確認)。紛失中は Android が自ら位置情報を送り、このスレッドに投稿されます。",
  },
};
