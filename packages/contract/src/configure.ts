import * as z from 'zod/mini';

// zod compiles fast object parsers with `new Function` when it can. Nassij runs on pages with a strict
// Content-Security-Policy (no 'unsafe-eval'), where even zod's probe for that ability is reported as a
// violation, so the contract turns the compiler off once for every package that imports it.
z.config({ jitless: true });
