// Where the browser goes after signing in: only a path of this site. An open redirect after
// a real sign-in is a phishing tool (/\evil.org, /%09/evil.org and /\\evil.org/phish are
// "same site" to a naive startsWith("/") check, but browsers read them as //evil.org).
// Used by the login page (the callbackUrl the proxy adds) and again by the form before it
// navigates.

const BASE = "http://pishkhan.invalid";

// Backslashes (browsers treat "\" as "/"), ASCII control characters (a tab or newline is
// dropped by the URL parser) and Unicode line and format characters that could hide either.
const UNSAFE = /[\\\u0000-\u001f\u007f-\u009f\u2028\u2029\u200b-\u200f\u202a-\u202e\u2066-\u2069\ufeff]/;

function decodedOnce(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** A same-origin path ("/declarations/x?y#z") for `value`, or "/" for anything else. */
export function safeCallbackPath(value: unknown): string {
  if (typeof value !== "string" || value.length === 0 || value.length > 2048) return "/";
  // Checked as given and once decoded (a "%5C" or "%09" that a later decoding would expose).
  const decoded = decodedOnce(value);
  for (const v of [value, decoded]) {
    if (v === null || UNSAFE.test(v) || !v.startsWith("/") || v.startsWith("//")) return "/";
  }
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return "/";
  }
  if (url.origin !== BASE || url.username || url.password) return "/";
  const path = `${url.pathname}${url.search}${url.hash}`;
  return path.startsWith("/") && !path.startsWith("//") ? path : "/";
}
