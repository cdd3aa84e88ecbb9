// The virtual module the browser test runner serves with the address of the reference server it
// started for the run (scripts/wtr-nassij-server-plugin.mjs).
declare module '*/__nassij__/env.js' {
  export const API_BASE: string;
  export const SERVER_ORIGIN: string;
}
