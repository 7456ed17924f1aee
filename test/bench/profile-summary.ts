/**
 * `npm run bench:profile -- <file.cpuprofile> [--skip S] [--top N]`: where a CPU profile's time
 * went, by package (or src/ folder) and by function, self time and inclusive time.
 *
 * Made for the profiles `BENCH_CPU_PROF=<dir> npm run bench:bot` writes of the app: `--skip S`
 * leaves out the first S seconds (start-up and warm-up), so the figures are those of the load.
 */
import { readFileSync } from "node:fs";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

function option(argv: string[], name: string, fallback: number): number {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
}

/** node_modules package, src/ folder (or file at the top), node: module, or the VM's own entries. */
function packageOf(url: string): string {
  if (url === "") return "(native / V8)";
  const dependency = url.match(/node_modules\/((@[^/]+\/)?[^/]+)/);
  if (dependency) return dependency[1]!;
  if (url.startsWith("node:")) return url.split("/")[0]!;
  const own = url.match(/\/(?:src|dist)\/([^/]+(?:\/[^/]+)?)/);
  return own ? `src/${own[1]!.replace(/\.js$/, ".ts")}` : url;
}

function nameOf(node: ProfileNode): string {
  const { functionName, url, lineNumber } = node.callFrame;
  const where = url.includes("/node_modules/")
    ? url.replace(/^.*\/node_modules\//, "")
    : url.replace(/^.*\/(src|dist)\//, "$1/");
  return `${functionName || "(anonymous)"} ${where}${url ? `:${lineNumber + 1}` : ""}`;
}

function main(): void {
  const argv = process.argv.slice(2);
  const file = argv.find((a) => a.endsWith(".cpuprofile"));
  if (!file) throw new Error("usage: npm run bench:profile -- <file.cpuprofile> [--skip S] [--top N]");
  const skipUs = option(argv, "skip", 0) * 1e6;
  const top = option(argv, "top", 30);
  const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const self = new Map<number, number>();
  let elapsed = 0;
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    elapsed += dt;
    if (elapsed < skipUs) return;
    self.set(id, (self.get(id) ?? 0) + dt);
    total += dt;
  });

  const byPackage = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const inclusive = new Map<string, number>();
  const add = (map: Map<string, number>, key: string, t: number) => map.set(key, (map.get(key) ?? 0) + t);
  for (const [id, t] of self) {
    const node = byId.get(id)!;
    add(byPackage, packageOf(node.callFrame.url), t);
    add(byFunction, nameOf(node), t);
    const seen = new Set<string>();
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const name = nameOf(byId.get(at)!);
      if (!seen.has(name)) add(inclusive, name, t);
      seen.add(name);
    }
  }
  const idle = [...self].filter(([id]) => byId.get(id)!.callFrame.functionName === "(idle)");
  const idleUs = idle.reduce((sum, [, t]) => sum + t, 0);
  console.log(
    `${file}: ${(total / 1e6).toFixed(1)} s sampled after the first ${skipUs / 1e6} s, ${(idleUs / 1e6).toFixed(1)} s of it idle`,
  );
  const show = (title: string, map: Map<string, number>) => {
    console.log(`\n${title} (% of the busy time)`);
    for (const [key, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      if (key.startsWith("(idle)") || key.startsWith("(root)")) continue;
      console.log(`${((100 * t) / (total - idleUs)).toFixed(1).padStart(6)} %  ${key}`);
    }
  };
  show("Self time by package / folder", byPackage);
  show("Self time by function", byFunction);
  show("Inclusive time by function", inclusive);
}

main();
