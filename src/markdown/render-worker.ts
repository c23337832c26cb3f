/**
 * A Markdown render worker of `renderBodies`: renders batches of bodies with its own
 * `createMarkdown()` and the citation context it was started with, and replies on its port,
 * counting each reply on the shared signal so the waiting thread wakes. Ends when the port is closed.
 */
import { workerData, type MessagePort } from "node:worker_threads";
import { createMarkdown } from "./create-markdown.ts";
import { renderBodyInPlace, type BodyJob, type CitationContext, type RenderedBody } from "./render-bodies.ts";

const { port, signal, listed, knownPrefixes } = workerData as { port: MessagePort; signal: Int32Array; listed: Map<string, string>; knownPrefixes: string[] };
const md = createMarkdown();
const context: CitationContext = { listed, knownPrefixes };

port.on("message", ({ batch, jobs }: { batch: number; jobs: BodyJob[] }) => {
  let results: RenderedBody[];
  try {
    results = jobs.map((job) => renderBodyInPlace(md, job, context));
  } catch (err) {
    // Not swallowed: the waiting thread throws it (renderBodies).
    port.postMessage({ type: "failed", message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
    notify();
    return;
  }
  port.postMessage({ type: "done", batch, results });
  notify();
});

function notify(): void {
  Atomics.add(signal, 0, 1);
  Atomics.notify(signal, 0);
}
