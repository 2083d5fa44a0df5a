// What the renewals and custody capability is configured with (from the environment).
export interface RenewalSettings {
  /** SECRET_ENCRYPTION_KEY: without it no private key is generated. */
  encryptionKey?: string;
  /** MDM vendor signing certificate and key (PEM files): sign the request Apple's portal expects. */
  vendorCertPath?: string;
  vendorKeyPath?: string;
  /** Days before a deadline that a reminder goes out; daily once overdue. */
  reminderDays: number[];
  /** Android Enterprise Gmail: sign in at least once every N months or Google freezes it. */
  gmailSignInMonths: number;
  /** The internal lost-device policy document, shown in the handover checklist. */
  lostDevicePolicyUrl?: string;
}

export const DEFAULT_RENEWAL_SETTINGS: RenewalSettings = {
  reminderDays: [60, 30, 14, 7, 3, 1],
  gmailSignInMonths: 12,
};
