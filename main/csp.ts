// The Content-Security-Policy sent with every app:// response. The page runs only the app's own
// scripts (no eval, no inline script) and can reach nothing but its own origin.
// style-src needs 'unsafe-inline' because Ant Design injects its CSS-in-JS as <style> elements.
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');
