// Reads a Chrome trace (the JSON that CDP `Tracing` returns) for one page load: the page's
// renderer main thread, its top-level tasks after DOMContentLoaded, and which of them ran an
// extension's script. Pure functions, so tests/unit/trace.test.ts checks them on a hand-made trace.
//
// Attribution: an extension's script shows in the trace as script events (`FunctionCall`,
// `EvaluateScript`, `v8.compile` …) whose `url` is the extension's. Much of a content script's
// work, though, runs as promise continuations after a message reply: `RunMicrotasks` events with
// no url at all. The V8 sampling profiler (trace category `disabled-by-default-v8.cpu_profiler`)
// names the script of every frame on the stack, so a url-less script event counts as the
// extension's when a sample taken inside it has one of the extension's frames on its stack.

export interface TraceEvent {
  name: string;
  cat?: string;
  ph: string;
  /** Microseconds on the trace clock. */
  ts: number;
  dur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown>; frame?: string; name?: string; [k: string]: unknown };
}

/** Categories a load's trace needs for everything `analyzeLoad` reads. */
export const TRACE_CATEGORIES = [
  '-*',
  '__metadata',
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'v8',
  'v8.execute',
  'blink.user_timing',
  'loading',
  'disabled-by-default-v8.cpu_profiler',
  // One sample per ~0.1 ms instead of 1 ms: a short slice of ours still holds a few samples.
  'disabled-by-default-v8.cpu_profiler.hires',
];

/** Both shapes Chrome writes: a bare array or `{ traceEvents: [...] }`. */
export function traceEvents(json: unknown): TraceEvent[] {
  if (Array.isArray(json)) return json as TraceEvent[];
  const events = (json as { traceEvents?: unknown } | null)?.traceEvents;
  if (!Array.isArray(events)) throw new Error('not a Chrome trace');
  return events as TraceEvent[];
}

const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const end = (e: TraceEvent): number => e.ts + (e.dur ?? 0);

export interface PageThread {
  pid: number;
  tid: number;
  frame: string;
  /** Navigation start of the page's document: its `performance.now()` is 0 here. */
  navigationStart: number;
  domContentLoaded: number;
}

/** The renderer main thread that committed `url` in a main frame, and its load markers. */
export function pageThread(events: readonly TraceEvent[], url: string): PageThread {
  const commit = events.filter((e) => e.name === 'CommitLoad' && e.args?.data?.isMainFrame === true && e.args.data.url === url).at(-1);
  if (!commit) throw new Error(`no main-frame commit of ${url} in the trace`);
  const { pid, tid } = commit;
  const frame = str(commit.args?.data?.frame);
  const nav = events.find((e) => e.name === 'navigationStart' && e.pid === pid && e.args?.frame === frame && e.args.data?.documentLoaderURL === url);
  if (!nav) throw new Error(`no navigationStart of ${url} in the trace`);
  // `MarkDOMContent` (devtools.timeline) on the thread; the user-timing mark if it is missing.
  const dcl =
    events.find((e) => e.name === 'MarkDOMContent' && e.pid === pid && e.tid === tid && e.args?.data?.frame === frame && e.ts >= commit.ts) ??
    events.find((e) => e.name === 'domContentLoadedEventEnd' && e.pid === pid && e.args?.frame === frame && e.ts >= commit.ts);
  if (!dcl) throw new Error(`no DOMContentLoaded of ${url} in the trace`);
  return { pid, tid, frame, navigationStart: nav.ts, domContentLoaded: dcl.ts };
}

const TASKS = new Set(['RunTask', 'ThreadControllerImpl::RunTask']);

/** Complete (`X`) events of one thread, by start time, outer before inner at the same start. */
export function threadSlices(events: readonly TraceEvent[], t: Pick<PageThread, 'pid' | 'tid'>): TraceEvent[] {
  return events.filter((e) => e.pid === t.pid && e.tid === t.tid && e.ph === 'X' && e.dur !== undefined).sort((a, b) => a.ts - b.ts || b.dur! - a.dur!);
}

/** Outermost of a set of possibly nested intervals (sorted as `threadSlices` sorts). */
function outermost(sorted: readonly TraceEvent[]): TraceEvent[] {
  const out: TraceEvent[] = [];
  let until = -Infinity;
  for (const e of sorted) {
    if (e.ts < until) continue;
    out.push(e);
    until = end(e);
  }
  return out;
}

/** The thread's top-level tasks: `RunTask` events not nested in another (Chrome nests two names). */
export function topLevelTasks(slices: readonly TraceEvent[]): TraceEvent[] {
  return outermost(slices.filter((e) => TASKS.has(e.name)));
}

interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { url?: string };
}

/** The thread's CPU-profile samples (trace clock) with `origin`'s frames on the stack, and with another script's. */
export interface Samples {
  ours: number[];
  /** Samples in a script of another origin, and none of ours. Native-only samples are in neither. */
  foreign: number[];
}

export function samplesFrom(events: readonly TraceEvent[], t: Pick<PageThread, 'pid' | 'tid'>, origin: string): Samples {
  const out: Samples = { ours: [], foreign: [] };
  // A thread's profile is announced on the thread itself; its chunks come from the sampler
  // thread and are tied to it by id.
  for (const profile of events.filter((e) => e.name === 'Profile' && e.pid === t.pid && e.tid === t.tid)) {
    const chunks = events.filter((e) => e.name === 'ProfileChunk' && e.pid === t.pid && e.id === profile.id);
    const nodes = new Map<number, ProfileNode>();
    const samples: number[] = [];
    const deltas: number[] = [];
    for (const c of chunks) {
      const data = c.args?.data as { cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] }; timeDeltas?: number[] } | undefined;
      for (const n of data?.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      samples.push(...(data?.cpuProfile?.samples ?? []));
      deltas.push(...(data?.timeDeltas ?? []));
    }
    const whose = stackOwner(nodes, origin);
    let at = Number((profile.args?.data as { startTime?: number } | undefined)?.startTime ?? profile.ts);
    samples.forEach((node, i) => {
      at += deltas[i] ?? 0;
      const owner = whose(node);
      if (owner !== 'none') out[owner].push(at);
    });
  }
  out.ours.sort((a, b) => a - b);
  out.foreign.sort((a, b) => a - b);
  return out;
}

type Owner = 'ours' | 'foreign' | 'none';

/** Whose code a profile node's stack (it and its callers) runs: ours wins over another script's; memoized. */
function stackOwner(nodes: ReadonlyMap<number, ProfileNode>, origin: string): (id: number) => Owner {
  const memo = new Map<number, Owner>();
  const owner = (id: number): Owner => {
    const known = memo.get(id);
    if (known !== undefined) return known;
    const n = nodes.get(id);
    const url = str(n?.callFrame.url);
    const caller = n?.parent === undefined ? 'none' : owner(n.parent);
    // Builtins and native frames have no url: they belong to whoever called them.
    const v: Owner = (url && url.startsWith(origin)) || caller === 'ours' ? 'ours' : url ? 'foreign' : caller;
    memo.set(id, v);
    return v;
  };
  return owner;
}

/** Events that run script; the url-less ones are attributed by what runs inside them. */
const SCRIPT = new Set([
  'FunctionCall',
  'EvaluateScript',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
  'v8.callFunction',
  'v8.run',
  'RunMicrotasks',
  'TimerFire',
  'FireIdleCallback',
  'FireAnimationFrame',
  'EventDispatch',
]);

/** Script events that load a script rather than run its work: compiling and evaluating it. */
const LOADING = new Set(['EvaluateScript', 'v8.compile', 'v8.compileModule', 'v8.evaluateModule']);

const urlOf = (e: TraceEvent): string => str(e.args?.data?.url) || str(e.args?.data?.fileName) || str(e.args?.fileName);

/** Whether any of `sortedTimes` lies in [from, to). */
function anyIn(sortedTimes: readonly number[], from: number, to: number): boolean {
  let lo = 0;
  let hi = sortedTimes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sortedTimes[mid]! < from) lo = mid + 1;
    else hi = mid;
  }
  return lo < sortedTimes.length && sortedTimes[lo]! < to;
}

/**
 * The script events run for `origin`: those with its url, and url-less ones holding one of its
 * url'd events or one of its profile samples. Outermost only, so nested ones count once.
 *
 * On a page that runs no script of its own, a promise continuation (`RunMicrotasks`, never
 * url'd) with no sample of another script is ours too: on a loaded machine the sampler thread
 * misses stretches of several milliseconds, and with them whole continuations.
 */
export function scriptEventsOf(slices: readonly TraceEvent[], samples: Samples, origin: string, pageRunsScript = true): TraceEvent[] {
  const script = slices.filter((e) => SCRIPT.has(e.name));
  if (!origin) throw new Error('no origin to attribute script to');
  const namedStarts = script.filter((e) => urlOf(e).startsWith(origin)).map((e) => e.ts);
  const ours = script.filter((e) => {
    const url = urlOf(e);
    if (url) return url.startsWith(origin);
    if (anyIn(samples.ours, e.ts, end(e)) || anyIn(namedStarts, e.ts, end(e))) return true;
    return !pageRunsScript && e.name === 'RunMicrotasks' && !anyIn(samples.foreign, e.ts, end(e));
  });
  return outermost(ours);
}

export interface LoadFigures {
  /** Top-level tasks starting at or after DOMContentLoaded longer than 16 ms and 50 ms. */
  tasksOver16: number;
  tasksOver50: number;
  longestTaskMs: number;
  /** Tasks (any time) containing the extension's script: the longest, and how many over 16 ms. */
  longestScriptTaskMs: number;
  scriptTasksOver16: number;
  /** Sum of the extension's outermost script events on the page's main thread. */
  scriptMs: number;
  /** The part of scriptMs that compiled and evaluated its scripts (the content script's start-up). */
  loadScriptMs: number;
  /** Script on the thread not attributed to the extension: ~0 on a page without scripts of its own. */
  otherScriptMs: number;
  /** When the extension's first script event started, in ms after navigation start. */
  firstScriptAtMs: number | null;
  domContentLoadedMs: number;
  /** The last event on the trace clock (where tracing stopped), in ms after navigation start. */
  traceEndMs: number;
}

/**
 * The figures of one traced load of `url`; `origin` is `chrome-extension://<id>/` (or '' for
 * none). `pageRunsScript: false` declares the page script-free (see scriptEventsOf).
 */
export function analyzeLoad(events: readonly TraceEvent[], url: string, origin: string, pageRunsScript = true): LoadFigures {
  const thread = pageThread(events, url);
  const slices = threadSlices(events, thread);
  const tasks = topLevelTasks(slices);
  const ms = (us: number) => us / 1000;
  const after = tasks.filter((t) => t.ts >= thread.domContentLoaded).map((t) => ms(t.dur!));
  const script = origin ? scriptEventsOf(slices, samplesFrom(events, thread, origin), origin, pageRunsScript) : [];
  const starts = script.map((e) => e.ts);
  const sum = (es: readonly TraceEvent[]) => es.reduce((s, e) => s + ms(e.dur!), 0);
  // Every outermost event of ours lies inside (or is) an outermost script event of the thread.
  const allScriptMs = sum(outermost(slices.filter((e) => SCRIPT.has(e.name))));
  const scriptTasks = tasks.filter((t) => anyIn(starts, t.ts, end(t))).map((t) => ms(t.dur!));
  const last = events.reduce((m, e) => Math.max(m, end(e)), -Infinity);
  return {
    tasksOver16: after.filter((d) => d > 16).length,
    tasksOver50: after.filter((d) => d > 50).length,
    longestTaskMs: Math.max(0, ...after),
    longestScriptTaskMs: Math.max(0, ...scriptTasks),
    scriptTasksOver16: scriptTasks.filter((d) => d > 16).length,
    scriptMs: sum(script),
    loadScriptMs: sum(script.filter((e) => LOADING.has(e.name))),
    otherScriptMs: allScriptMs - sum(script),
    firstScriptAtMs: script.length ? ms(script[0]!.ts - thread.navigationStart) : null,
    domContentLoadedMs: ms(thread.domContentLoaded - thread.navigationStart),
    traceEndMs: ms(last - thread.navigationStart),
  };
}

/** What scrolling a page cost its renderer: tasks over 16 ms and the intersection observers' work. */
export interface ScrollFigures {
  tasksOver16: number;
  longestTaskMs: number;
  observerMs: number;
}

const OBSERVERS = 'IntersectionObserverController::computeIntersections';

/**
 * The figures of one traced scroll. The trace has no navigation to find the page's thread by:
 * it is the renderer main thread that painted most.
 */
export function analyzeScroll(events: readonly TraceEvent[]): ScrollFigures {
  const paints = new Map<string, { pid: number; tid: number; n: number }>();
  for (const e of events) {
    if (e.name !== 'Paint' || e.ph !== 'X') continue;
    const key = `${e.pid}:${e.tid}`;
    const t = paints.get(key) ?? { pid: e.pid, tid: e.tid, n: 0 };
    t.n++;
    paints.set(key, t);
  }
  const thread = [...paints.values()].sort((a, b) => b.n - a.n)[0];
  if (!thread) throw new Error('no painting thread in the scroll trace');
  const slices = threadSlices(events, thread);
  const tasks = topLevelTasks(slices).map((t) => t.dur! / 1000);
  const observerMs = slices.filter((e) => e.name === OBSERVERS).reduce((s, e) => s + e.dur! / 1000, 0);
  return { tasksOver16: tasks.filter((d) => d > 16).length, longestTaskMs: Math.max(0, ...tasks), observerMs };
}
