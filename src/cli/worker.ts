/**
 * A worker thread of the department pool (pool.ts). It owns a DepartmentRunner and
 * answers the main thread's requests until the pool terminates it. Messages are
 * plain data: department paths in, diagnostics, totals and written file names out.
 */
import { parentPort, workerData } from "node:worker_threads";
import { DepartmentRunner } from "./departments.js";
import { nodeIo } from "./io.js";
import { catalogueOfData } from "../catalogue/named.js";
import type { WorkerInit, WorkerReply, WorkerRequest } from "./pool.js";

async function start(): Promise<void> {
  const port = parentPort;
  if (!port) return;
  const init = workerData as WorkerInit;
  // The data the main thread read and validated: every thread checks against the same catalogues.
  const custom = init.catalogue ? catalogueOfData(init.catalogue).catalogue : undefined;
  const inherited = init.inherited ? catalogueOfData(init.inherited).catalogue : undefined;
  const runner = new DepartmentRunner(nodeIo(), custom, inherited, init.profiles);
  port.on("message", (req: WorkerRequest) => {
    const reply = (r: WorkerReply) => port.postMessage(r);
    runner.run(req).then(
      (value) => reply({ id: req.id, ok: true, value }),
      (e: unknown) => reply({ id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) }),
    );
  });
}

void start();
