/**
 * Preloaded (`node --import`) into the built app that bench:bot runs as `npm start` does: answers
 * the bench's questions about the process (memory, CPU time, time the main thread was busy) over the IPC channel, and stops the
 * app with SIGTERM (its own graceful shutdown) when asked. Plain JavaScript: no TypeScript loader
 * in the measured process.
 */
process.on("message", (message) => {
  if (message.type === "rss" || message.type === "rss-gc") {
    if (message.type === "rss-gc") globalThis.gc?.();
    const { rss, heapUsed } = process.memoryUsage();
    process.send?.({ type: "rss", rss, heapUsed });
  }
  if (message.type === "cpu")
    process.send?.({ type: "cpu", ...process.cpuUsage(), active: performance.eventLoopUtilization().active });
  if (message.type === "stop") process.kill(process.pid, "SIGTERM");
});
// The IPC channel must not keep the app alive after its own shutdown.
process.channel?.unref();
