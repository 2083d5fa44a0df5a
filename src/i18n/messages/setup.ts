// The landing page, `npm run doctor` and /healthz's degraded reasons (first run and diagnosis).
import type { Catalog } from "../catalog.js";

const en = {
  "setup.title.database": "Database",
  "setup.title.slack": "Slack app",
  "setup.title.slack.scopes": "Slack scopes",
  "setup.title.slack.channel": "Admin channel",
  "setup.title.slack.email": "Slack e-mail addresses",
  "setup.title.nanomdm": "Apple MDM (NanoMDM)",
  "setup.title.android": "Android Management API",
  "setup.title.google_form": "Google Form",
  "setup.title.digest": "Daily digest",
  "setup.title.push_certificate": "Apple push certificate",
  "setup.title.outbox": "Slack outbox",
  "setup.status.ok": "works",
  "setup.status.not_configured": "not configured",
  "setup.status.failing": "failing",
  "setup.status.warning": "needs attention",
  "setup.check_crashed": "the check itself failed: {reason}",
  "setup.database.unreachable": "the database does not answer: check DATABASE_URL and that the server is running",
  "setup.database.unreadable": "connected, but the server settings could not be read: {reason}",
  "setup.database.pglite": "embedded PGlite ({dir}); one process only: use PostgreSQL for several replicas",
  "setup.database.postgres":
    "PostgreSQL {version}; {available} connections available, {replicas} replica(s) need at most {needed}",
  "setup.database.connections":
    "PostgreSQL {version} allows {available} connections but {replicas} replica(s) need up to {needed}: raise max_connections (now {max}) or set APP_REPLICAS right",
  "setup.database.old": "PostgreSQL {version} is older than {min}, the oldest version this is tested on",
  "setup.slack.off": "Slack is off ({missing} not set): messages wait in the outbox until it is configured",
  "setup.slack.token_refused":
    "Slack refused SLACK_BOT_TOKEN ({error}): reinstall the app and copy the new Bot User OAuth Token",
  "setup.slack.unreachable": "Slack could not be asked (auth.test: {error}): check the network or SLACK_API_URL",
  "setup.slack.ok": "token accepted: bot {bot} in workspace {team}",
  "setup.slack.scopes_unknown": "Slack did not say which scopes the token has",
  "setup.slack.scopes_missing":
    "the token lacks scopes the manifest asks for: {missing}. Add them (OAuth & Permissions) and reinstall the app",
  "setup.slack.scopes_ok": "all scopes of slack-app-manifest.yml granted",
  "setup.slack.channel_unset": "SLACK_ADMIN_CHANNEL is not set: incidents, alerts and digests have nowhere to go",
  "setup.slack.channel_not_found":
    "channel {channel} not found, or private and the bot is not in it: check the id and /invite @{bot} there",
  "setup.slack.channel_not_member": "the bot is not a member of #{channel}: /invite @{bot} in that channel",
  "setup.slack.channel_error": "channel {channel} could not be checked ({error})",
  "setup.slack.channel_ok": "the bot is in #{channel}",
  "setup.slack.email_ok": "users.info returns e-mail addresses: Slack users are matched to people",
  "setup.slack.email_missing":
    "users.info returns no e-mail address: grant users:read.email and reinstall the app, or nobody is matched to their devices",
  "setup.slack.email_nobody": "no person found in the workspace to check e-mail addresses with",
  "setup.slack.admin_unknown":
    "SLACK_ADMIN_USER_IDS names {user}, whom Slack does not know: copy the member id from the profile",
  "setup.slack.email_error": "e-mail addresses could not be checked ({error})",
  "setup.outbox.waiting":
    "{count} message(s) wait for Slack's configuration ({reason}): fix it (npm run doctor says how) and they are sent by themselves; npm run outbox -- status lists them",
  "setup.nanomdm.off": "not used: Apple devices take commands through the built-in agent",
  "setup.nanomdm.half": "{missing} is not set: both NANOMDM_URL and NANOMDM_API_KEY are needed",
  "setup.nanomdm.unreachable": "NanoMDM at {url} does not answer ({reason}): check NANOMDM_URL and the network",
  "setup.nanomdm.api_key": "NanoMDM at {url} refused NANOMDM_API_KEY ({reason}): use the value of its -api switch",
  "setup.nanomdm.no_api": "NanoMDM at {url} has no API ({reason}): start it with -api, or check the URL",
  "setup.nanomdm.error": "NanoMDM at {url} answered with an error ({reason})",
  "setup.nanomdm.no_webhook_key":
    "NANOMDM_WEBHOOK_HMAC_KEY is not set: every result NanoMDM posts is refused. Set it to NanoMDM's -webhook-hmac-key",
  "setup.nanomdm.ok": "NanoMDM {version} at {url} takes the API key; webhook key set",
  "setup.android.off": "not used: Android devices take commands through the built-in agent",
  "setup.android.no_key": "ANDROID_ENTERPRISE_ID is set but no service-account key: set ANDROID_SERVICE_ACCOUNT_JSON",
  "setup.android.denied":
    "the service account may not read {enterprise}: give it the Android Management User role in the Google Cloud project that owns the enterprise ({reason})",
  "setup.android.not_found": "enterprise {enterprise} not found: check ANDROID_ENTERPRISE_ID ({reason})",
  "setup.android.unauthenticated": "Google refused the service-account credentials ({reason}): create a new key",
  "setup.android.error": "enterprise {enterprise} could not be read ({reason})",
  "setup.android.ok": "enterprise {enterprise} readable",
  "setup.google_form.off": "not used: no GOOGLE_FORM_ID or GOOGLE_FORM_WEBHOOK_SECRET",
  "setup.google_form.webhook_only":
    "the Apps Script webhook is set up (GOOGLE_FORM_WEBHOOK_SECRET); responses are not pulled",
  "setup.google_form.no_key":
    "GOOGLE_FORM_ID is set but GOOGLE_APPLICATION_CREDENTIALS is not: the form cannot be read",
  "setup.google_form.denied":
    "the service account may not read form {form}: share the form with its address ({reason})",
  "setup.google_form.not_found": "form {form} not found: check GOOGLE_FORM_ID ({reason})",
  "setup.google_form.error": "form {form} could not be read ({reason})",
  "setup.google_form.ok": 'form "{title}" readable by the service account',
  "setup.digest.ok": "{cron} in {tz}; next {next}",
  "setup.digest.no_channel": "{cron} in {tz} (next {next}), but SLACK_ADMIN_CHANNEL is not set",
  "setup.digest.never": "{cron} in {tz} never fires: check DIGEST_CRON",
  "setup.push_certificate.none": "none recorded (needed for Apple devices managed through an MDM server)",
  "setup.push_certificate.ok": "valid until {date}",
  "setup.push_certificate.soon": "expires {date}, in {days} day(s): renew it with the same Apple ID",
  "setup.push_certificate.expired":
    "expired {date}: Apple devices no longer hear from the MDM server. Renew it with the same Apple ID",
  "landing.title": "Lost device desk",
  "landing.lead":
    "Report a lost or stolen company phone, tablet or laptop. IT administrators are told at once and can protect it (lost mode, wipe) from Slack.",
  "landing.report": "Report a lost device",
  "landing.setup_heading": "Setup",
  "landing.setup_note": "Shown only on this machine or with the setup token. No secret is ever shown here.",
  "landing.checked_at": "Checked {at}.",
  "landing.not_checked": "Not checked yet: reload in a few seconds.",
  "landing.recheck": "Check again",
  "landing.fix": "How to fix",
  "landing.col.what": "What",
  "landing.col.state": "State",
  "landing.col.detail": "Details",
  "landing.preview": "PREVIEW — a local stand-in for Slack, nothing is sent to a real workspace.",
  "landing.open_preview": "Open the Slack preview",
  "landing.doctor": "Run npm run doctor on the server for the same checks on the command line.",
};

export const setup: Catalog<keyof typeof en> = {
  en,
  ja: {
    "setup.title.database": "データベース",
    "setup.title.slack": "Slack アプリ",
    "setup.title.slack.scopes": "Slack の権限（スコープ）",
    "setup.title.slack.channel": "管理者チャンネル",
    "setup.title.slack.email": "Slack のメールアドレス",
    "setup.title.nanomdm": "Apple MDM（NanoMDM）",
    "setup.title.android": "Android Management API",
    "setup.title.google_form": "Google フォーム",
    "setup.title.digest": "日次ダイジェスト",
    "setup.title.push_certificate": "Apple プッシュ通知証明書",
    "setup.title.outbox": "Slack 送信待ち",
    "setup.status.ok": "正常",
    "setup.status.not_configured": "未設定",
    "setup.status.failing": "異常",
    "setup.status.warning": "要対応",
    "setup.check_crashed": "確認処理そのものが失敗しました: {reason}",
    "setup.database.unreachable": "データベースが応答しません。DATABASE_URL とサーバーの起動を確認してください",
    "setup.database.unreadable": "接続できましたが、サーバー設定を読めませんでした: {reason}",
    "setup.database.pglite":
      "組み込み PGlite（{dir}）。1 プロセスのみ。複数台で動かすときは PostgreSQL を使ってください",
    "setup.database.postgres": "PostgreSQL {version}。使える接続 {available}、{replicas} 台で最大 {needed} 必要",
    "setup.database.connections":
      "PostgreSQL {version} の使える接続は {available} ですが、{replicas} 台で最大 {needed} 必要です。max_connections（現在 {max}）を上げるか APP_REPLICAS を正しく設定してください",
    "setup.database.old": "PostgreSQL {version} は動作確認済みの最古の版 {min} より古いです",
    "setup.slack.off": "Slack はオフです（{missing} が未設定）。設定されるまでメッセージは送信待ちに保存されます",
    "setup.slack.token_refused":
      "Slack が SLACK_BOT_TOKEN を拒否しました（{error}）。アプリを再インストールし、新しい Bot User OAuth Token を設定してください",
    "setup.slack.unreachable":
      "Slack に問い合わせできません（auth.test: {error}）。ネットワークか SLACK_API_URL を確認してください",
    "setup.slack.ok": "トークン有効: ワークスペース {team} のボット {bot}",
    "setup.slack.scopes_unknown": "トークンの権限を Slack が返しませんでした",
    "setup.slack.scopes_missing":
      "マニフェストにある権限が不足しています: {missing}。OAuth & Permissions で追加し、アプリを再インストールしてください",
    "setup.slack.scopes_ok": "slack-app-manifest.yml の権限がすべて付与されています",
    "setup.slack.channel_unset": "SLACK_ADMIN_CHANNEL が未設定です。紛失届・アラート・ダイジェストの送り先がありません",
    "setup.slack.channel_not_found":
      "チャンネル {channel} が見つからないか、ボットが参加していない非公開チャンネルです。ID を確認し、そこで /invite @{bot} してください",
    "setup.slack.channel_not_member":
      "ボットが #{channel} に参加していません。そのチャンネルで /invite @{bot} してください",
    "setup.slack.channel_error": "チャンネル {channel} を確認できませんでした（{error}）",
    "setup.slack.channel_ok": "ボットは #{channel} に参加しています",
    "setup.slack.email_ok": "users.info がメールアドレスを返します。Slack ユーザーと社員が結び付きます",
    "setup.slack.email_missing":
      "users.info がメールアドレスを返しません。users:read.email を付与してアプリを再インストールしないと、誰も自分のデバイスと結び付きません",
    "setup.slack.email_nobody": "メールアドレスを確認できるユーザーがワークスペースにいません",
    "setup.slack.admin_unknown":
      "SLACK_ADMIN_USER_IDS の {user} を Slack が知りません。プロフィールからメンバー ID をコピーしてください",
    "setup.slack.email_error": "メールアドレスを確認できませんでした（{error}）",
    "setup.outbox.waiting":
      "{count} 件のメッセージが Slack の設定待ちです（{reason}）。設定を直すと自動的に送信されます（直し方は npm run doctor、一覧は npm run outbox -- status）",
    "setup.nanomdm.off": "未使用: Apple デバイスには組み込みエージェントでコマンドを送ります",
    "setup.nanomdm.half": "{missing} が未設定です。NANOMDM_URL と NANOMDM_API_KEY の両方が必要です",
    "setup.nanomdm.unreachable":
      "{url} の NanoMDM が応答しません（{reason}）。NANOMDM_URL とネットワークを確認してください",
    "setup.nanomdm.api_key":
      "{url} の NanoMDM が NANOMDM_API_KEY を拒否しました（{reason}）。-api スイッチの値を設定してください",
    "setup.nanomdm.no_api":
      "{url} の NanoMDM に API がありません（{reason}）。-api 付きで起動するか URL を確認してください",
    "setup.nanomdm.error": "{url} の NanoMDM がエラーを返しました（{reason}）",
    "setup.nanomdm.no_webhook_key":
      "NANOMDM_WEBHOOK_HMAC_KEY が未設定のため、NanoMDM からの結果はすべて拒否されます。NanoMDM の -webhook-hmac-key と同じ値を設定してください",
    "setup.nanomdm.ok": "{url} の NanoMDM {version} が API キーを受け付けます。Webhook キー設定済み",
    "setup.android.off": "未使用: Android デバイスには組み込みエージェントでコマンドを送ります",
    "setup.android.no_key":
      "ANDROID_ENTERPRISE_ID はありますが、サービスアカウントの鍵がありません。ANDROID_SERVICE_ACCOUNT_JSON を設定してください",
    "setup.android.denied":
      "サービスアカウントに {enterprise} を読む権限がありません。エンタープライズを所有する Google Cloud プロジェクトで Android Management User ロールを付与してください（{reason}）",
    "setup.android.not_found":
      "エンタープライズ {enterprise} が見つかりません。ANDROID_ENTERPRISE_ID を確認してください（{reason}）",
    "setup.android.unauthenticated":
      "Google がサービスアカウントの認証情報を拒否しました（{reason}）。新しい鍵を作成してください",
    "setup.android.error": "エンタープライズ {enterprise} を読めませんでした（{reason}）",
    "setup.android.ok": "エンタープライズ {enterprise} を読めます",
    "setup.google_form.off": "未使用: GOOGLE_FORM_ID も GOOGLE_FORM_WEBHOOK_SECRET もありません",
    "setup.google_form.webhook_only":
      "Apps Script の Webhook が設定済み（GOOGLE_FORM_WEBHOOK_SECRET）。回答の取り込み（pull）はしません",
    "setup.google_form.no_key":
      "GOOGLE_FORM_ID はありますが GOOGLE_APPLICATION_CREDENTIALS がないため、フォームを読めません",
    "setup.google_form.denied":
      "サービスアカウントにフォーム {form} を読む権限がありません。フォームをそのアドレスと共有してください（{reason}）",
    "setup.google_form.not_found": "フォーム {form} が見つかりません。GOOGLE_FORM_ID を確認してください（{reason}）",
    "setup.google_form.error": "フォーム {form} を読めませんでした（{reason}）",
    "setup.google_form.ok": "フォーム「{title}」をサービスアカウントで読めます",
    "setup.digest.ok": "{tz} で {cron}。次回 {next}",
    "setup.digest.no_channel": "{tz} で {cron}（次回 {next}）ですが、SLACK_ADMIN_CHANNEL が未設定です",
    "setup.digest.never": "{tz} の {cron} は一度も実行されません。DIGEST_CRON を確認してください",
    "setup.push_certificate.none": "登録なし（MDM サーバーで Apple デバイスを管理する場合に必要）",
    "setup.push_certificate.ok": "{date} まで有効",
    "setup.push_certificate.soon": "{date} に期限切れ（あと {days} 日）。同じ Apple ID で更新してください",
    "setup.push_certificate.expired":
      "{date} に期限切れ。Apple デバイスが MDM サーバーと通信できません。同じ Apple ID で更新してください",
    "landing.title": "紛失デバイス窓口",
    "landing.lead":
      "会社のスマートフォン・タブレット・PC の紛失・盗難を届け出る窓口です。IT 管理者にすぐ通知され、Slack からデバイスを保護（紛失モード・初期化）できます。",
    "landing.report": "紛失を届け出る",
    "landing.setup_heading": "セットアップ状況",
    "landing.setup_note": "このマシンから、またはセットアップトークン付きでのみ表示されます。秘密情報は表示しません。",
    "landing.checked_at": "{at} に確認。",
    "landing.not_checked": "まだ確認していません。数秒後に再読み込みしてください。",
    "landing.recheck": "再確認",
    "landing.fix": "直し方",
    "landing.col.what": "項目",
    "landing.col.state": "状態",
    "landing.col.detail": "詳細",
    "landing.preview": "プレビュー — Slack のローカル代替です。実際のワークスペースには何も送信されません。",
    "landing.open_preview": "Slack プレビューを開く",
    "landing.doctor": "サーバーで npm run doctor を実行すると、同じ確認をコマンドラインで行えます。",
  },
};
