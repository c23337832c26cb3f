/** `npm start`: build, then serve at http://localhost:8080/ with live reload (see serveSite). */
import { parseArgs } from "node:util";
import { serveSite } from "../src/build/index.ts";

const { values } = parseArgs({ options: { port: { type: "string", default: "8080" } } });
await serveSite({ port: Number(values.port) });
