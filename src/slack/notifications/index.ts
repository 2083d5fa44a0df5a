// One file per domain event that Slack shows; register each handler here.
import type { NotificationHandlers } from "../notifier.js";

export const notifications: NotificationHandlers = {};
