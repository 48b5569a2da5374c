// Public entry point for validation: pure functions (browser and server) plus zod field schemas.
export * from "./normalize";
export * from "./national-id";
export * from "./legal-id";
export * from "./phone";
export * from "./postal-code";
export * from "./persian-name";
export * from "./email";
export * from "./fields";
export { jalaliDateIssue, normalizeJalaliDate, parseJalaliDate } from "../format/jalali";
