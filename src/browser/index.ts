export { CHROMIUM_CANDIDATES, findChromium, launchChromium } from "./launch.ts";
export { serveStatic, type StaticServer } from "./static-server.ts";
