// What a production start needs before it may serve anyone: a real session secret and the
// public https addresses. Shared by scripts/start.mjs (before it touches the database) and
// instrumentation.ts (every `next start`, however it was launched). Plain JavaScript so that
// both the Node scripts and the app can import it.

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "[::1]", "::1"]);

function addressProblem(name, value) {
  if (!value) return `${name} is not set: the public address of the app, e.g. https://rank.example.ir`;
  let url;
  try {
    url = new URL(value);
  } catch {
    return `${name} is not a URL: ${JSON.stringify(value)}`;
  }
  if (url.protocol !== "https:" && !(url.protocol === "http:" && LOCAL_HOSTS.has(url.hostname))) {
    return `${name} must be an https address (plain http only for localhost): ${value}`;
  }
  return null;
}

/** The problems of a production environment, one sentence each (empty: ready to serve). */
export function productionEnvProblems(env) {
  const problems = [];
  const secret = env.NEXTAUTH_SECRET ?? "";
  if (Buffer.byteLength(secret, "utf8") < 32) {
    problems.push("NEXTAUTH_SECRET must be at least 32 bytes of random text (e.g. `openssl rand -base64 32`), the same on every web node.");
  }
  for (const name of ["NEXTAUTH_URL", "APP_BASE_URL"]) {
    const problem = addressProblem(name, env[name]);
    if (problem) problems.push(problem);
  }
  return problems;
}

/** The local demo (embedded PostgreSQL, demo accounts with known passwords) — never production. */
export function isLocalDemo(env) {
  return env.PISHKHAN_DEMO === "1";
}
