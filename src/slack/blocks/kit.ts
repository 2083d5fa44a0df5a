// Block Kit's small pieces, shared by every builder: text objects within Slack's limits and
// mrkdwn escaping. Slack treats &, < and > as control characters in mrkdwn, so text people
// typed (device names, notes) is escaped before it is put in a message.
export const escapeMrkdwn = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
