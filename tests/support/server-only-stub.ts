// Stands in for 'server-only' under Vitest, where no client bundle exists to protect.
export {};
