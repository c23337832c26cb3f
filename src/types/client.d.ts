/** Characters the Traditional → Simplified converter changes, inlined by esbuild (`bundleClient`). */
declare const __TRADITIONAL_CHARS__: string;
