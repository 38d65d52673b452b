/** The product version reported by /api/health (kept in step with package.json). */
export const APP_VERSION = '0.1.0';
