import type { Server } from 'node:http';
import type { BrowserContext, Frame, Page, Worker } from 'playwright-core';

export declare const ROOT: string;
export declare const BUILD: string;
export declare const CHROMIUM: string;
export declare function launchWithExtension(options?: { headless?: boolean; extension?: string }): Promise<{
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  close: () => Promise<void>;
}>;
export declare function serve(mounts: Record<string, string>, extra?: Record<string, string>): Promise<{ url: string; server: Server }>;
export declare function textPoint(arg: { needle: string; nth?: number }): { x: number; y: number } | null;
export declare function sendToActiveTab(worker: Worker, msg: { type: string; [k: string]: unknown }): Promise<any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- a reply's shape depends on the message
export interface GlossUi {
  text(selector: string): Promise<string | null>;
  texts(selector: string): Promise<string[]>;
  count(selector: string): Promise<number>;
  box(selector: string, name?: string): Promise<{ x: number; y: number; width: number; height: number } | null>;
  click(selector: string, name?: string): Promise<void>;
  historyFrame(): Frame | null;
}
export declare function glossUi(page: Page): GlossUi;
export declare function textEdges(arg: { needle: string; nth?: number }): { from: { x: number; y: number }; to: { x: number; y: number } } | null;
