export function productionEnvProblems(env: Record<string, string | undefined>): string[];
export function isLocalDemo(env: Record<string, string | undefined>): boolean;
