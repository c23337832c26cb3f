import { availableParallelism } from "node:os";
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from "node:worker_threads";
import type { MarkdownIt } from "markdown-it";
import type { CitationEnv, FoundCitation } from "../relations/index.ts";
import { detachString, startTsWorker } from "../util/index.ts";
import { createMarkdown, isStandardMarkdown, type OutlineEntry } from "./create-markdown.ts";

/** One document body to render: its Markdown and the document's own numbers (never linked nor counted as citations). */
export interface BodyJob {
  body: string;
  self: readonly string[];
}

/** What the citation links of every body are resolved with (see `CitationEnv`). */
export interface CitationContext {
  /** Canonical document number → site URL of the listed document that has it. */
  listed: ReadonlyMap<string, string>;
  /** 机关代字 of the archive's document numbers (see `findCitations`). */
  knownPrefixes: readonly string[];
}

/** A rendered body: its HTML, its headings and the document numbers it cites, in text order. */
export interface RenderedBody {
  html: string;
  outline: OutlineEntry[];
  citations: FoundCitation[];
}

/** Options of {@link renderBodies}. */
export interface RenderBodiesOptions {
  /**
   * Worker threads that render beside the calling thread (0: the calling thread only). Default:
   * one fewer than the cores, at most 3, from {@link PARALLEL_MIN_BODIES} bodies on. Workers are
   * used only for the standard renderer of `createMarkdown()`.
   */
  workers?: number;
  /** Filled in when given: how many bodies the workers rendered (the rest were rendered on the calling thread). */
  stats?: { workerBodies: number };
}

/**
 * Fewer bodies than this are rendered on the calling thread by default: a worker's start and
 * warm-up are repaid only by many bodies (`npm run bench`: at 1,000 documents a worker did not
 * pay, at 5,000 it did).
 */
export const PARALLEL_MIN_BODIES = 1500;
/** Bodies sent to a worker at a time, and batches a worker holds at once (so it never waits for the next). */
const BATCH = 40;
const IN_FLIGHT = 2;
/** A worker that sends nothing for this long is taken as hung (ms). */
const WORKER_SILENCE_MS = 120_000;

/**
 * Renders one body as a document page shows it: `md.render` with `env.outline` and
 * `env.citations`, the HTML and headings copied flat (a string built from slices of the source
 * would keep the whole source in memory; see `detachString`).
 */
export function renderBody(md: MarkdownIt, job: BodyJob, context: CitationContext): RenderedBody {
  const rendered = renderBodyInPlace(md, job, context);
  return { ...rendered, html: detachString(rendered.html) };
}

/**
 * {@link renderBody} without the flat copy of the HTML: for render workers, whose HTML is
 * copied anyway when it is sent to the thread that asked for it.
 */
export function renderBodyInPlace(md: MarkdownIt, job: BodyJob, context: CitationContext): RenderedBody {
  const citations: CitationEnv = { resolve: (n) => context.listed.get(n) ?? null, self: job.self, knownPrefixes: context.knownPrefixes, found: [] };
  const env = { outline: [] as OutlineEntry[], citations };
  const html = md.render(job.body, env);
  return { html, outline: env.outline, citations: citations.found };
}

/**
 * Renders many document bodies, the same as {@link renderBody} on each in turn, byte for byte,
 * but on every core: worker threads (each with its own `createMarkdown()`, given the citation
 * context once) take batches of 40 bodies while the calling thread renders batches too. The call
 * stays synchronous — it blocks on `Atomics.wait` until the workers' batches are in — so callers
 * such as `buildSiteData` keep their shape. Memory: a worker holds at most two batches, and its
 * HTML arrives as flat strings.
 * Workers load our TypeScript through tsx's API (`tsx/esm/api`), as the build itself runs; when
 * tsx cannot be found, or `md` is not the standard renderer of `createMarkdown()` (workers could
 * not rebuild it), every body is rendered on the calling thread.
 * @returns one result per job, in the order of `jobs`.
 * @throws Error when a worker fails (the message names the worker's error) or sends nothing for 120 s.
 */
export function renderBodies(md: MarkdownIt, jobs: readonly BodyJob[], context: CitationContext, options: RenderBodiesOptions = {}): RenderedBody[] {
  const wanted = Math.min(options.workers ?? (jobs.length >= PARALLEL_MIN_BODIES ? Math.min(3, availableParallelism() - 1) : 0), Math.ceil(jobs.length / BATCH));
  if (wanted < 1 || !isStandardMarkdown(md)) return jobs.map((job) => renderBody(md, job, context));
  return renderInParallel(md, jobs, context, wanted, options.stats ?? { workerBodies: 0 });
}

/** Messages from a render worker. */
type WorkerReply = { type: "done"; batch: number; results: RenderedBody[] } | { type: "failed"; message: string };

interface Lane {
  worker: Worker;
  port: MessagePort;
  inFlight: number;
}

function renderInParallel(
  md: MarkdownIt,
  jobs: readonly BodyJob[],
  context: CitationContext,
  workerCount: number,
  stats: { workerBodies: number },
): RenderedBody[] {
  const results = new Array<RenderedBody>(jobs.length);
  const batches = Math.ceil(jobs.length / BATCH);
  // Replies counter: each worker adds 1 and notifies after every reply, so this thread can sleep until one arrives.
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const lanes: Lane[] = [];
  for (let i = 0; i < workerCount; i++) {
    const { port1, port2 } = new MessageChannel();
    const worker = startTsWorker(new URL("./render-worker.ts", import.meta.url), { port: port2, signal, listed: context.listed, knownPrefixes: context.knownPrefixes }, [port2]);
    // Without tsx no worker can load our code: this thread renders everything.
    if (!worker) break;
    worker.unref();
    // Errors reach this thread only once it is free again; a failed start is also sent as a reply (startTsWorker).
    worker.on("error", (err) => process.emitWarning(`a Markdown render worker failed after its work: ${String(err)}`));
    lanes.push({ worker, port: port1, inFlight: 0 });
  }
  let next = 0;
  let done = 0;
  const send = (lane: Lane) => {
    while (lane.inFlight < IN_FLIGHT && next < batches) {
      const batch = next++;
      lane.port.postMessage({ batch, jobs: jobs.slice(batch * BATCH, (batch + 1) * BATCH) });
      lane.inFlight++;
    }
  };
  /** Takes every reply waiting on the lane's port; true when there was one. */
  const receive = (lane: Lane): boolean => {
    let any = false;
    for (let got = receiveMessageOnPort(lane.port); got; got = receiveMessageOnPort(lane.port)) {
      const reply = got.message as WorkerReply;
      if (reply.type === "failed") throw new Error(`a Markdown render worker failed: ${reply.message}`);
      reply.results.forEach((r, i) => (results[reply.batch * BATCH + i] = r));
      stats.workerBodies += reply.results.length;
      lane.inFlight--;
      done++;
      any = true;
    }
    return any;
  };
  try {
    while (done < batches) {
      for (const lane of lanes) {
        receive(lane);
        send(lane);
      }
      if (next < batches) {
        // This thread renders a batch too, while the workers render theirs.
        const batch = next++;
        for (let i = batch * BATCH; i < Math.min(jobs.length, (batch + 1) * BATCH); i++) results[i] = renderBody(md, jobs[i]!, context);
        done++;
        continue;
      }
      // Nothing left to take: sleep until a worker replies (read the counter first, then look, so no reply is missed).
      const seen = Atomics.load(signal, 0);
      if (lanes.map(receive).some(Boolean)) continue;
      if (done < batches && Atomics.wait(signal, 0, seen, WORKER_SILENCE_MS) === "timed-out") {
        throw new Error(`a Markdown render worker sent nothing for ${WORKER_SILENCE_MS / 1000} s`);
      }
    }
  } finally {
    // Closing our end lets each worker's event loop run empty: it ends by itself.
    for (const lane of lanes) lane.port.close();
  }
  return results;
}
