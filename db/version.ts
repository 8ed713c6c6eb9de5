/** The app's version, written into the ledger's metadata and audit summaries. Keep in step with package.json. */
export const APP_VERSION = '0.1.0';
