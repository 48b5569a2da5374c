export const TEMPLATE_DB: string;
export function startTestServer(opts?: {
  log?: (s: string) => void;
}): Promise<{ adminUrl: string; stop(): Promise<void>; embedded: boolean }>;
export function prepareTemplate(adminUrl: string): Promise<void>;
export function createDatabaseFromTemplate(adminUrl: string, name: string): Promise<string>;
export function dropDatabase(adminUrl: string, name: string): Promise<void>;
export function withDatabase(url: string, database: string): string;
