import { test } from "uvu";
import * as assert from "uvu/assert";
import { mapLimit } from "../../src/util/index.ts";

const tick = () => new Promise((r) => setTimeout(r, 5));

test("results keep the order of the items; no more than `limit` run at once", async () => {
  let running = 0;
  let most = 0;
  const out = await mapLimit([5, 1, 4, 2, 3], 2, async (n, i) => {
    running += 1;
    most = Math.max(most, running);
    await new Promise((r) => setTimeout(r, n * 3));
    running -= 1;
    return `${i}:${n}`;
  });
  assert.equal(out, ["0:5", "1:1", "2:4", "3:2", "4:3"]);
  assert.is(most, 2);
});

test("after a failure no new item starts, the running ones end, then the first error is thrown", async () => {
  const started: number[] = [];
  let ended = 0;
  const work = mapLimit([1, 2, 3, 4, 5], 2, async (n) => {
    started.push(n);
    await tick();
    ended += 1;
    if (n === 1) throw new Error("first");
    return n;
  });
  const error = await work.then(() => null, (err: unknown) => err);
  assert.instance(error, Error);
  assert.is((error as Error).message, "first");
  assert.equal(started, [1, 2]);
  assert.is(ended, 2, "the item running beside the failed one ended before the error");
});

test("no items: no work", async () => {
  assert.equal(await mapLimit([], 4, async () => 1), []);
});

test.run();
