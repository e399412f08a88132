// Summaries panel script: filled in by the VS Code experience issue.
export {};
