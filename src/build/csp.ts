/**
 * The strict Content-Security-Policy the archive is built to work under: everything from the
 * site's own origin, no inline script or style, no plugins, no framing. Pagefind compiles its
 * WebAssembly search engine in the browser, which needs `'wasm-unsafe-eval'` (CSP Level 3; it
 * allows WebAssembly compilation only, not JavaScript `eval`). Send it as an HTTP header from
 * the host (README.md shows how).
 */
export const STRICT_CSP = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self'",
  "img-src 'self' data:",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join("; ");
