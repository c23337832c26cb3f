export { latestIssueInfo } from "./latest-issue.ts";
export { scaffoldIssue, type ScaffoldOptions } from "./scaffold-issue.ts";
