// The web app's own routes (web/src/App.tsx), which the server answers with index.html so that a
// refresh or a link from an e-mail loads the app. Nothing else falls back to the app: a probe
// or a scanner asking for /healthz, /metrics or /wp-login.php gets a 404, not a 200 page of HTML
// that a monitor would take for a healthy answer. Keep this list in step with App.tsx.
const appRoutePrefixes = ['/w', '/account', '/invitations'];

/** Whether `pathname` is a page of the web app (rather than a file or an unknown address). */
export function isWebAppRoute(pathname: string): boolean {
  if (pathname === '/' || pathname === '/index.html') return true;
  const lastSegment = pathname.slice(pathname.lastIndexOf('/') + 1);
  // A name with an extension asks for a file; the app's routes are ids, slugs and words.
  if (/\.[A-Za-z0-9]+$/.test(lastSegment)) return false;
  return appRoutePrefixes.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}
