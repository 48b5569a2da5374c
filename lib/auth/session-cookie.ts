// The session cookie's name is the deployment's: `__Secure-next-auth.session-token` on https
// (the browser then keeps it to secure pages only), `next-auth.session-token` on plain http
// (local development). Only that one name is read: a cookie planted under the other name
// (for instance over plain http on an https deployment) is ignored.
export function usesSecureCookies(): boolean {
  return (process.env.NEXTAUTH_URL ?? "").startsWith("https://");
}

export function sessionCookieName(): string {
  return usesSecureCookies() ? "__Secure-next-auth.session-token" : "next-auth.session-token";
}
