// Preloaded by the benchmark into each process it times: reports the process's peak RSS and CPU time
// (user + system, all threads) at exit.
process.on('exit', () => {
  const u = process.resourceUsage();
  process.stderr.write(`peak-rss-kb=${u.maxRSS} cpu-us=${u.userCPUTime + u.systemCPUTime}\n`);
});
