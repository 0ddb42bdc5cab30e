import { describe, expect, it } from 'vitest';
import { analyzeLoad, analyzeScroll, pageThread, samplesFrom, traceEvents, type TraceEvent } from '../../bench/trace';

// A hand-made trace of one load, in microseconds. Renderer 1's main thread (tid 1) loads the
// page; tid 9 is its profiler's sampling thread; renderer 2 is another tab.
const URL = 'http://127.0.0.1:1/page.html';
const EXT = 'chrome-extension://abc/';
const main = { pid: 1, tid: 1 };
const x = (name: string, ts: number, dur: number, data?: Record<string, unknown>): TraceEvent => ({ name, ph: 'X', ts, dur, ...main, ...(data ? { args: { data } } : {}) });
const task = (ts: number, dur: number) => x('RunTask', ts, dur);

const TRACE: TraceEvent[] = [
  { name: 'navigationStart', ph: 'R', ts: 500, ...main, args: { frame: 'F', data: { documentLoaderURL: URL } } },
  x('CommitLoad', 1_000, 10, { frame: 'F', isMainFrame: true, url: URL }),
  { name: 'MarkDOMContent', ph: 'I', ts: 20_000, ...main, args: { data: { frame: 'F', isMainFrame: true } } },
  // Before DOMContentLoaded: long, but not counted.
  task(2_000, 17_000),
  // The content script starts: its compile nests in its evaluation, and Chrome's two task names nest.
  task(30_000, 20_000),
  x('ThreadControllerImpl::RunTask', 30_010, 19_000),
  x('EvaluateScript', 30_100, 15_000, { url: `${EXT}content.js` }),
  x('v8.compile', 30_200, 2_000, { url: `${EXT}content.js` }),
  // Rendering only.
  task(60_000, 60_000),
  x('PrePaint', 60_100, 55_000),
  // A promise continuation of ours: no url, but the profiler sampled our frames inside it.
  task(130_000, 25_000),
  x('RunMicrotasks', 131_000, 10_000),
  // Someone else's continuation.
  task(170_000, 5_000),
  x('RunMicrotasks', 170_500, 3_000),
  // An idle callback of ours, known by its inner call's url.
  task(200_000, 8_000),
  x('FireIdleCallback', 200_100, 7_000),
  x('FunctionCall', 200_200, 6_000, { url: `${EXT}content.js` }),
  // A continuation the sampler missed: nobody's, unless the page runs no script of its own.
  task(220_000, 4_000),
  x('RunMicrotasks', 220_100, 2_000),
  // Another renderer's long task.
  { name: 'RunTask', ph: 'X', ts: 40_000, dur: 90_000, pid: 2, tid: 2 },
  { name: 'Profile', ph: 'P', ts: 99_000, ...main, id: '0x1', args: { data: { startTime: 100_000 } } },
  {
    name: 'ProfileChunk',
    ph: 'P',
    ts: 180_000,
    pid: 1,
    tid: 9,
    id: '0x1',
    args: {
      data: {
        cpuProfile: {
          nodes: [
            { id: 1, callFrame: { functionName: '(root)' } },
            { id: 2, parent: 1, callFrame: { functionName: '(program)' } },
            { id: 3, parent: 1, callFrame: { functionName: 'scan', url: `${EXT}content.js` } },
            // A builtin called by our code: no url of its own, ours through its caller.
            { id: 4, parent: 3, callFrame: { functionName: 'push', url: '' } },
            { id: 5, parent: 1, callFrame: { functionName: 'tick', url: 'http://127.0.0.1:1/app.js' } },
          ],
          samples: [2, 4, 5],
        },
        timeDeltas: [10_000, 25_000, 36_000],
      },
    },
  },
];

describe('Chrome trace reading', () => {
  it('accepts both of Chrome’s shapes', () => {
    expect(traceEvents({ traceEvents: TRACE })).toBe(TRACE);
    expect(traceEvents(TRACE)).toBe(TRACE);
    expect(() => traceEvents({})).toThrow();
  });

  it('finds the thread that committed the page, and its markers', () => {
    expect(pageThread(TRACE, URL)).toEqual({ pid: 1, tid: 1, frame: 'F', navigationStart: 500, domContentLoaded: 20_000 });
    expect(() => pageThread(TRACE, 'http://elsewhere/')).toThrow(/no main-frame commit/);
  });

  it('places samples on the trace clock and sorts them by whose frames are on the stack', () => {
    // The first sample is native code only: no one's.
    expect(samplesFrom(TRACE, main, EXT)).toEqual({ ours: [135_000], foreign: [171_000] });
  });

  it('counts top-level tasks after DOMContentLoaded and attributes script to the extension', () => {
    expect(analyzeLoad(TRACE, URL, EXT)).toEqual({
      tasksOver16: 3,
      tasksOver50: 1,
      longestTaskMs: 60,
      longestScriptTaskMs: 25,
      scriptTasksOver16: 2,
      // The evaluation (its compile inside), our microtasks and the idle callback (its call inside).
      scriptMs: 15 + 10 + 7,
      loadScriptMs: 15,
      // Someone else's continuation, and the unsampled one.
      otherScriptMs: 3 + 2,
      firstScriptAtMs: 29.6,
      domContentLoadedMs: 19.5,
      traceEndMs: 223.5,
    });
  });

  it('takes unsampled continuations for ours on a page without script of its own', () => {
    const f = analyzeLoad(TRACE, URL, EXT, false);
    expect([f.scriptMs, f.otherScriptMs, f.longestScriptTaskMs]).toEqual([15 + 10 + 7 + 2, 3, 25]);
  });

  it('attributes nothing without an extension', () => {
    const f = analyzeLoad(TRACE, URL, '');
    expect([f.scriptMs, f.longestScriptTaskMs, f.firstScriptAtMs, f.tasksOver16, f.otherScriptMs]).toEqual([0, 0, null, 3, 37]);
  });
});

describe('a traced scroll', () => {
  // Renderer 1 paints the page; renderer 2 (another tab) paints once and has a long task.
  const scroll: TraceEvent[] = [
    task(0, 20_000),
    x('Paint', 1_000, 5_000),
    x('IntersectionObserverController::computeIntersections', 7_000, 9_000),
    task(30_000, 10_000),
    x('Paint', 31_000, 2_000),
    x('IntersectionObserverController::computeIntersections', 34_000, 3_000),
    task(50_000, 17_000),
    { name: 'RunTask', ph: 'X', ts: 0, dur: 90_000, pid: 2, tid: 2 },
    { name: 'Paint', ph: 'X', ts: 10, dur: 10, pid: 2, tid: 2 },
  ];

  it('reads the thread that painted most: its tasks over 16 ms, its longest, the observers’ work', () => {
    expect(analyzeScroll(scroll)).toEqual({ tasksOver16: 2, longestTaskMs: 20, observerMs: 12 });
  });

  it('refuses a trace where nothing painted', () => {
    expect(() => analyzeScroll([task(0, 5_000)])).toThrow(/no painting thread/);
  });
});

