/**
 * Lost device desk — forwards each Google Form response to the app as soon as it is submitted.
 *
 * Install (see the README, "Google Form setup"):
 *   1. In the form: ⋮ → Apps Script. Paste this file as Code.gs (and appsscript.json).
 *   2. Project Settings → Script properties: WEBHOOK_URL = https://<your portal>/webhooks/google-form
 *      and WEBHOOK_SECRET = the app's GOOGLE_FORM_WEBHOOK_SECRET.
 *   3. Triggers → Add trigger: function onFormSubmit, event source "From form", event type
 *      "On form submit". Authorise when asked.
 *
 * Each request carries X-Timestamp (unix seconds) and X-Signature: sha256=<hex HMAC-SHA256 of
 * "<timestamp>.<body>"> with the shared secret; the app refuses anything unsigned, wrongly signed
 * or older than five minutes. Sending the same response twice is harmless: the app keeps one.
 * An edited response (the form allows editing) fires the trigger again with the same id and a
 * later timestamp: the app adds the changes to the existing report.
 *
 * Use either this script or the app's poller (GOOGLE_FORM_POLL), not both: this script's
 * response id (FormResponse.getId(), "2_ABaOnu…") is not the Forms API's responseId ("ACYDBN…"),
 * so the app could not tell that the two are one response.
 */

/** The installable trigger. `e` is the form-submit event (e.response: FormResponse, e.source: Form). */
function onFormSubmit(e) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty('WEBHOOK_URL');
  var secret = props.getProperty('WEBHOOK_SECRET');
  if (!url || !secret) {
    throw new Error('Set WEBHOOK_URL and WEBHOOK_SECRET in Project Settings → Script properties.');
  }
  var body = JSON.stringify(buildPayload_(e));
  var lastError = '';
  for (var attempt = 1; attempt <= 3; attempt++) {
    // Signed afresh on every attempt, so a retry is never refused as stale.
    var res = UrlFetchApp.fetch(url, {
      method: 'post',
      contentType: 'application/json; charset=utf-8',
      payload: body,
      headers: signatureHeaders_(body, secret),
      muteHttpExceptions: true,
      followRedirects: false,
    });
    var code = res.getResponseCode();
    if (code === 200 || code === 202) return;
    lastError = code + ' ' + res.getContentText();
    // 4xx: retrying will not help (wrong secret, clock off, form not mapped); say why in the
    // trigger's failure e-mail and the Executions log.
    if (code >= 400 && code < 500) break;
    Utilities.sleep(2000 * attempt);
  }
  throw new Error('Lost device desk did not accept the response: ' + lastError);
}

/** The webhook body: question titles → answers, as the app maps them to report fields. */
function buildPayload_(e) {
  var response = e.response;
  var answers = {};
  response.getItemResponses().forEach(function (itemResponse) {
    var value = itemResponse.getResponse();
    // A grid answers one entry per row, null for a row left blank: blank, not the word "null".
    answers[itemResponse.getItem().getTitle()] = Array.isArray(value)
      ? value.map(function (v) { return Array.isArray(v) ? v.join(', ') : v === null || v === undefined ? '' : String(v); })
      : value === null || value === undefined ? '' : String(value);
  });
  return {
    responseId: response.getId(),
    formId: e.source ? e.source.getId() : '',
    respondentEmail: response.getRespondentEmail() || '',
    submittedAt: response.getTimestamp().toISOString(),
    answers: answers,
  };
}

function signatureHeaders_(body, secret) {
  var timestamp = String(Math.floor(Date.now() / 1000));
  var bytes = Utilities.computeHmacSha256Signature(timestamp + '.' + body, secret, Utilities.Charset.UTF_8);
  var hex = bytes.map(function (b) {
    var v = (b < 0 ? b + 256 : b).toString(16);
    return v.length === 1 ? '0' + v : v;
  }).join('');
  return { 'X-Timestamp': timestamp, 'X-Signature': 'sha256=' + hex };
}
