import { test } from "uvu";
import * as assert from "uvu/assert";
import { execFile, spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { rm } from "node:fs/promises";
import { request } from "node:http";
import { connect } from "node:net";
import { networkInterfaces } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { lockFileOf } from "../../src/build/output-lock.ts";
import { PROJECT_ROOT, tempArchive } from "../helpers/temp-archive.ts";
import { runScripts } from "../helpers/run-scripts.ts";
import { freePort, waitFor } from "../helpers/net.ts";

const run = promisify(execFile);

/** GET with the path sent exactly as given (fetch would normalise `..` and percent-encoding). */
function rawGet(port: number, rawPath: string, host?: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request({ host: "127.0.0.1", port, path: rawPath, method: "GET", ...(host ? { headers: { host } } : {}) }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

/** True when a TCP connection to host:port is accepted. */
function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port, timeout: 2000 });
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
  });
}

test("npm start listens on 127.0.0.1 only, says so, answers hostile paths with a status code, drops a deleted document at once, and keeps the output folder to itself", async () => {
  const content = await tempArchive();
  const site = `${content}-site`;
  const port = await freePort();
  const child = spawn(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/start.ts", "--port", String(port), "--content", content, "--output", site], { cwd: PROJECT_ROOT, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout.on("data", (b: Buffer) => (output += b.toString()));
  child.stderr.on("data", (b: Buffer) => (output += b.toString()));
  const exited = new Promise((resolve) => child.once("exit", resolve));
  try {
    await waitFor("the server", async () => /正在预览 http/.test(output));
    assert.match(output, new RegExp(`正在预览 http://127\\.0\\.0\\.1:${port}/ `), output);
    // Not reachable on the machine's other addresses.
    const external = Object.values(networkInterfaces()).flat().find((a) => a && a.family === "IPv4" && !a.internal);
    assert.ok(external, "the test machine has a network address besides loopback");
    assert.not.ok(await accepts(external!.address, port), `not listening on ${external!.address}`);
    assert.ok(await accepts("127.0.0.1", port));
    // Every path gets a status code; the server survives them all.
    const hostile = ["/%2e%2e%2f", "/%2e%2e/%2e%2e/etc/passwd", "/..%2f..%2fpackage.json", "/..%5c..%5cpackage.json", "/%E0%A4%A", "/%", "/%00", "/a%00.html", "/../../../etc/passwd", "//etc/passwd", "/" + "a".repeat(5000)];
    for (const p of hostile) {
      const status = await rawGet(port, p);
      assert.ok(status === 400 || status === 404, `${p} → ${status}`);
    }
    assert.is(await rawGet(port, "/2019/1/csf-2019-1/"), 200, "still serving after the hostile paths");
    assert.is(await rawGet(port, "/2019/1/csf-2019-1/", "evil.example:80"), 403, "a foreign Host header (DNS rebinding) is refused");
    assert.is(await rawGet(port, "/2019/1/csf-2019-1/", `localhost:${port}`), 200, "localhost is this machine");
    assert.not.match(output, /\n\s+at |Invalid path|URIError/, `no crash or stack trace:\n${output}`);
    // A second writer of the same output folder is refused, naming npm start.
    // npm run build in the shared script host (test/helpers/run-scripts.ts; real npm run build processes run in build-faults), npm run pdf as a process of its own.
    const [build] = await runScripts([{ script: "build.ts", args: ["--content", content, "--output", site] }]);
    assert.is(build!.code, 1, "the second build fails");
    assert.match(build!.stderr, /正被另一个进程使用：进程 \d+「npm start」/);
    assert.not.match(build!.stderr, /\n\s+at /);
    const pdf = await run(path.join(PROJECT_ROOT, "node_modules/.bin/tsx"), ["scripts/pdf.ts", "--content", content, "--output", site], { cwd: PROJECT_ROOT }).then(() => null, (err: { code: number; stderr: string }) => err);
    assert.ok(pdf, "npm run pdf fails too");
    assert.match(pdf!.stderr, /正被另一个进程使用：进程 \d+「npm start」/);
    // Deleting a document takes it out of the preview without another edit.
    assert.is(await rawGet(port, "/2019/1/csbf-2019-3/"), 200);
    await rm(path.join(content, "2019-01/csbf-2019-3.md"));
    await waitFor("the deleted document's page to go", async () => (await rawGet(port, "/2019/1/csbf-2019-3/")) === 404);
    const issue = await (await fetch(`http://127.0.0.1:${port}/2019/1/`)).text();
    assert.not.ok(issue.includes("/2019/1/csbf-2019-3/"), "the issue page no longer lists it");
  } finally {
    if (child.pid && child.exitCode === null) process.kill(-child.pid, "SIGINT");
    await exited;
    await rm(content, { recursive: true, force: true });
    await rm(site, { recursive: true, force: true });
  }
  // The tsx launcher can end a moment before the node process under it has run its exit handlers
  // (seconds on a loaded machine). On a timeout, say whether the lock's process still runs.
  await waitFor("Ctrl-C to remove the lock", async () => !existsSync(lockFileOf(site)), 60_000).catch((err: Error) => {
    const holder = JSON.parse(readFileSync(lockFileOf(site), "utf8")) as { pid: number; command: string };
    const alive = (() => {
      try {
        process.kill(holder.pid, 0);
        return true;
      } catch {
        return false;
      }
    })();
    throw new Error(`${err.message}; the lock names process ${holder.pid} (${holder.command}), which ${alive ? "still runs" : "has ended without removing it"}`);
  });
});

test.run();
