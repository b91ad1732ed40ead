/**
 * Summarises a V8 CPU profile (`node --cpu-prof`): `tsx scripts/profile-summary.ts <file.cpuprofile> [requests]`.
 * Prints self time by group (package in node_modules, the app's server build, Node internals, GC, idle) and the top
 * functions by self time; with the number of requests served during the profile, milliseconds per request as well.
 * Used to write docs/performance.md "Fast pages (session 6)".
 */
import fs from "node:fs";

interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  hitCount?: number;
}
interface Profile {
  nodes: Node[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

const [file, requestsArg] = process.argv.slice(2);
if (!file) {
  console.error("usage: tsx scripts/profile-summary.ts <file.cpuprofile> [requests]");
  process.exit(2);
}
const requests = Number(requestsArg ?? 0);
const profile = JSON.parse(fs.readFileSync(file, "utf8")) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const selfUs = new Map<number, number>();
for (let i = 0; i < profile.samples.length; i++)
  selfUs.set(profile.samples[i], (selfUs.get(profile.samples[i]) ?? 0) + (profile.timeDeltas[i] ?? 0));

function group(n: Node): string {
  const { url, functionName } = n.callFrame;
  if (functionName === "(idle)" || functionName === "(program)" || functionName === "(garbage collector)")
    return functionName;
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (/build\/server\//.test(url)) return "app server build";
  if (url.startsWith("node:") || url === "") return "node internals / native";
  return url.replace(/^file:\/\/.*\/(scripts|app)\//, "$1/");
}

const groups = new Map<string, number>();
const fns = new Map<string, number>();
let busy = 0;
for (const [id, us] of selfUs) {
  const n = byId.get(id);
  if (!n) continue;
  const g = group(n);
  groups.set(g, (groups.get(g) ?? 0) + us);
  if (g !== "(idle)") busy += us;
  const key = `${n.callFrame.functionName || "(anonymous)"} ${n.callFrame.url.replace(/^.*\//, "")}:${n.callFrame.lineNumber + 1}`;
  fns.set(key, (fns.get(key) ?? 0) + us);
}
const ms = (us: number) => (us / 1000).toFixed(0);
const per = (us: number) => (requests ? ` ${(us / 1000 / requests).toFixed(2)} ms/req` : "");
console.log(`profile ${ms(profile.endTime - profile.startTime)} ms wall, ${ms(busy)} ms busy${per(busy)}`);
console.log("\nself time by group:");
for (const [g, us] of [...groups].sort((a, b) => b[1] - a[1]).slice(0, 25))
  console.log(`  ${g.padEnd(40)} ${ms(us).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %${per(us)}`);
console.log("\ntop functions by self time:");
for (const [f, us] of [...fns].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 30)))
  console.log(
    `  ${f.slice(0, 90).padEnd(90)} ${ms(us).padStart(7)} ms ${((100 * us) / busy).toFixed(1).padStart(5)} %`,
  );
