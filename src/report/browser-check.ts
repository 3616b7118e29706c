/**
 * Renders a report in headless Chromium and says what a reader would see: console errors, any attempt to load
 * something (a self-contained report loads nothing), the `data-metric` figures as shown, the SVG charts and their
 * points, the rows of the rule coverage matrix (outcome, expected, observed, detail, whether shown), in-page links
 * that lead nowhere, and a full-page screenshot. The page is rendered with JavaScript disabled, as the report must be readable
 * without it. Uses the system Chromium (`apt-get install -y chromium` on Debian/Ubuntu) through playwright-core;
 * `CCGW_CHROMIUM` points to another Chromium or Chrome binary.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';

// The DOM as far as the page callbacks below use it (tsconfig has no DOM lib: this is Node code that drives a page).
interface DomNode {
  readonly nodeName: string;
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getBoundingClientRect(): { readonly width: number; readonly height: number };
  querySelectorAll(selector: string): ArrayLike<DomNode>;
  getElementsByTagName(name: string): ArrayLike<DomNode>;
  closest(selector: string): DomNode | null;
  /** False inside a closed `<details>` too, where a box may still be measured (Chromium ≥ 105). */
  checkVisibility?(): boolean;
}
interface DomDocument extends DomNode {
  readonly documentElement: DomNode;
  getElementById(id: string): DomNode | null;
}
type DomParserClass = new () => { parseFromString(text: string, type: string): DomDocument };

/** Where Debian's `chromium` package installs the browser. */
export const DEFAULT_CHROMIUM = '/usr/bin/chromium';

/** Flags for a quiet, sandbox-free headless Chromium that talks to nobody. */
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Chromium is not where it was looked for. The message names the path and the fix. */
export class BrowserMissingError extends Error {
  override readonly name = 'BrowserMissingError';
  constructor(readonly executablePath: string) {
    super(
      `Chromium not found at ${executablePath}: the report's browser check needs it. ` +
        'Install it with `apt-get install -y chromium` (Debian/Ubuntu; CI images too), or set CCGW_CHROMIUM to a Chromium or Chrome binary.',
    );
  }
}

/**
 * The Chromium binary to use: `explicit`, else `$CCGW_CHROMIUM`, else `/usr/bin/chromium`. Throws
 * BrowserMissingError when the file does not exist.
 */
export function chromiumExecutable(explicit?: string, env: Readonly<Record<string, string | undefined>> = process.env): string {
  const path = explicit ?? env['CCGW_CHROMIUM'] ?? DEFAULT_CHROMIUM;
  if (!existsSync(path)) throw new BrowserMissingError(path);
  return path;
}

/** How to launch the browser. */
export interface BrowserOptions {
  /** The Chromium binary; see `chromiumExecutable`. */
  readonly executablePath?: string;
  /** Launch and navigation timeout in milliseconds. Default 30 000. */
  readonly timeoutMs?: number;
}

/** Launches headless Chromium with a fresh temporary profile. The caller closes it. */
export async function launchChromium(options: BrowserOptions = {}): Promise<Browser> {
  const executablePath = chromiumExecutable(options.executablePath);
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS], timeout: options.timeoutMs ?? 30_000 });
}

/** One SVG chart as rendered. */
export interface RenderedChart {
  /** `data-chart` (e.g. `latency`, `throughput`). */
  readonly chart: string | null;
  /** `data-scenario`. */
  readonly scenario: string | null;
  /** `aria-label`. */
  readonly label: string | null;
  /** The drawn size in CSS pixels. */
  readonly width: number;
  readonly height: number;
  /** Each polyline with a `data-series`: its name and number of points. */
  readonly series: readonly { readonly name: string; readonly points: number }[];
}

/** A `data-metric` element as shown. */
export interface RenderedMetric {
  readonly text: string;
  /** `data-unit`: `ms`, `rps`, `%`, `count` or `text`. */
  readonly unit: string;
  /** Whether the element is laid out (not hidden). */
  readonly visible: boolean;
}

/** A row of the rule coverage matrix (`tr[data-rule]`) as shown. */
export interface RenderedRule {
  /** `data-rule`, e.g. `addInsert.targetNotSignedIn`. */
  readonly rule: string;
  /** `data-operation` of the operation block the row is in. */
  readonly operation: string;
  /** `data-outcome`: `passed`, `failed` or `skipped`. */
  readonly outcome: string;
  /** The text of the expected and observed answer cells. */
  readonly expected: string;
  readonly observed: string;
  /** The expected-vs-observed line of a failed rule, or the reason of a skipped one; empty when there is none. */
  readonly detail: string;
  /** How many links to cases the row has. */
  readonly caseLinks: number;
  /** Whether the row is laid out (its operation block is open). */
  readonly visible: boolean;
}

/** What the browser saw. */
export interface ReportCheck {
  /** The file URL that was opened. */
  readonly url: string;
  /** The document title. */
  readonly title: string;
  /** Console errors, page errors and failed loads (including Content-Security-Policy violations). */
  readonly consoleErrors: readonly string[];
  /** Every request other than the page itself; a self-contained report makes none. */
  readonly externalRequests: readonly string[];
  /** Every `data-metric` element, by name. A name used twice keeps the first element. */
  readonly metrics: Readonly<Record<string, RenderedMetric>>;
  /** How many `data-metric` elements there were, duplicates included. */
  readonly metricElements: number;
  /** The SVG charts. */
  readonly charts: readonly RenderedChart[];
  /** The rows of the rule coverage matrix, in page order; empty when the report has none. */
  readonly rules: readonly RenderedRule[];
  /** In-page links (`href="#…"`) whose target id is not in the page. */
  readonly brokenLinks: readonly string[];
  /** The screenshot, when asked for. */
  readonly screenshot?: { readonly path: string; readonly bytes: number; readonly width: number; readonly height: number };
}

/** What to check and keep. */
export interface ReportCheckOptions extends BrowserOptions {
  /** Write a full-page PNG screenshot here. */
  readonly screenshot?: string;
  /** Viewport width in CSS pixels. Default 1280. */
  readonly viewportWidth?: number;
}

/** The size of a PNG from its header, or undefined when `bytes` is not a PNG. */
export function pngSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  const signature = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || signature.some((b, i) => bytes[i] !== b)) return undefined;
  if (String.fromCharCode(...bytes.subarray(12, 16)) !== 'IHDR') return undefined;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** Opens an HTML report (a file) in headless Chromium with JavaScript disabled and reports what it shows. */
export async function checkReportInBrowser(htmlFile: string, options: ReportCheckOptions = {}): Promise<ReportCheck> {
  const file = resolve(htmlFile);
  if (!existsSync(file)) throw new Error(`checkReportInBrowser: ${file} does not exist; write the report first (writeRun)`);
  const url = pathToFileURL(file).href;
  const browser = await launchChromium(options);
  try {
    const context = await browser.newContext({ javaScriptEnabled: false, viewport: { width: options.viewportWidth ?? 1280, height: 900 } });
    const page = await context.newPage();
    const consoleErrors: string[] = [];
    const externalRequests: string[] = [];
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') consoleErrors.push(`console.${m.type()}: ${m.text()}`);
    });
    page.on('pageerror', (err) => consoleErrors.push(`page error: ${err.message}`));
    page.on('requestfailed', (r) => consoleErrors.push(`failed to load ${r.url()}: ${r.failure()?.errorText ?? 'unknown error'}`));
    page.on('request', (r) => {
      if (r.url() !== url) externalRequests.push(r.url());
    });
    await page.goto(url, { waitUntil: 'load', timeout: options.timeoutMs ?? 30_000 });
    const title = await page.title();
    const found = await page.locator('[data-metric]').evaluateAll((els) =>
      (els as unknown as DomNode[]).map((el) => {
        const box = el.getBoundingClientRect();
        return { name: el.getAttribute('data-metric') ?? '', unit: el.getAttribute('data-unit') ?? '', text: (el.textContent ?? '').trim(), visible: box.width > 0 && box.height > 0 };
      }),
    );
    const metrics: Record<string, RenderedMetric> = {};
    for (const m of found) metrics[m.name] ??= { text: m.text, unit: m.unit, visible: m.visible };
    const charts = await page.locator('svg.chart').evaluateAll((svgs) =>
      (svgs as unknown as DomNode[]).map((svg) => {
        const box = svg.getBoundingClientRect();
        return {
          chart: svg.getAttribute('data-chart'),
          scenario: svg.getAttribute('data-scenario'),
          label: svg.getAttribute('aria-label'),
          width: box.width,
          height: box.height,
          series: Array.from(svg.querySelectorAll('polyline[data-series]')).map((p) => ({
            name: p.getAttribute('data-series') ?? '',
            points: (p.getAttribute('points') ?? '').trim().split(/\s+/).filter((s) => s !== '').length,
          })),
        };
      }),
    );
    const rules = await page.locator('tr[data-rule]').evaluateAll((rows) =>
      (rows as unknown as DomNode[]).map((row) => {
        const box = row.getBoundingClientRect();
        const text = (selector: string) => (row.querySelectorAll(selector)[0]?.textContent ?? '').trim();
        return {
          rule: row.getAttribute('data-rule') ?? '',
          operation: row.closest('[data-operation]')?.getAttribute('data-operation') ?? '',
          outcome: row.getAttribute('data-outcome') ?? '',
          expected: text('[data-expected]'),
          observed: text('[data-observed]'),
          detail: text('[data-detail]'),
          caseLinks: row.querySelectorAll('a.case-link').length,
          visible: box.width > 0 && box.height > 0 && (row.checkVisibility?.() ?? true),
        };
      }),
    );
    const brokenLinks = await page.locator('a[href^="#"]').evaluateAll((links) => {
      const doc = (globalThis as unknown as { document: DomDocument }).document;
      return (links as unknown as DomNode[]).map((a) => decodeURIComponent((a.getAttribute('href') ?? '').slice(1))).filter((id) => doc.getElementById(id) === null);
    });
    let screenshot: ReportCheck['screenshot'];
    if (options.screenshot !== undefined) {
      const path = resolve(options.screenshot);
      await page.screenshot({ path, fullPage: true, type: 'png' });
      const bytes = await readFile(path);
      const size = pngSize(bytes);
      if (!size) throw new Error(`checkReportInBrowser: the screenshot ${path} is not a PNG`);
      screenshot = { path, bytes: bytes.length, ...size };
    }
    await context.close();
    return { url, title, consoleErrors, externalRequests, metrics, metricElements: found.length, charts, rules, brokenLinks, ...(screenshot ? { screenshot } : {}) };
  } finally {
    await browser.close();
  }
}

/** What is wrong with a rendered report, one sentence per problem; empty when it rendered cleanly. */
export function reportProblems(check: ReportCheck): string[] {
  const problems: string[] = [];
  for (const e of check.consoleErrors) problems.push(`the browser reported: ${e}`);
  for (const r of check.externalRequests) problems.push(`the report tried to load ${r}; it must be self-contained`);
  if (check.metricElements === 0) problems.push('the report shows no data-metric elements');
  for (const [name, m] of Object.entries(check.metrics)) {
    if (m.text === '') problems.push(`data-metric ${name} is empty`);
    if (!m.visible) problems.push(`data-metric ${name} is not visible`);
  }
  for (const c of check.charts) {
    if (c.width <= 0 || c.height <= 0) problems.push(`the chart ${c.label ?? '(unnamed)'} has no size`);
    if (c.series.length === 0) problems.push(`the chart ${c.label ?? '(unnamed)'} has no line`);
    for (const s of c.series) if (s.points === 0) problems.push(`the line ${s.name} of chart ${c.label ?? '(unnamed)'} has no points`);
  }
  for (const link of check.brokenLinks) problems.push(`the link to #${link} leads nowhere: no element has that id`);
  for (const r of check.rules) {
    if (r.outcome === 'failed' && !r.visible) problems.push(`the failed rule ${r.rule} is hidden; its operation ${r.operation} must be open`);
    if (r.outcome !== 'passed' && r.detail === '') problems.push(`the ${r.outcome} rule ${r.rule} shows no ${r.outcome === 'failed' ? 'expected vs observed' : 'reason'}`);
    if (r.expected === '') problems.push(`the rule ${r.rule} shows no expected answer`);
  }
  return problems;
}

/** Whether an XML document parsed, and what its root holds. */
export interface XmlCheck {
  readonly wellFormed: boolean;
  /** The parser's message when it did not parse. */
  readonly error?: string;
  /** The root element's name. */
  readonly root?: string;
  /** How many elements of each name the document has. */
  readonly elements: Readonly<Record<string, number>>;
}

/** Parses XML with the browser's own XML parser (strict, as CI servers' parsers are) and counts its elements. */
export async function checkXmlInBrowser(xml: string, options: BrowserOptions = {}): Promise<XmlCheck> {
  const browser = await launchChromium(options);
  try {
    const page = await browser.newPage();
    return await page.evaluate((text) => {
      const Parser = (globalThis as unknown as { DOMParser: DomParserClass }).DOMParser;
      const doc = new Parser().parseFromString(text, 'application/xml');
      const error = doc.getElementsByTagName('parsererror')[0];
      if (error) return { wellFormed: false, error: (error.textContent ?? '').trim(), elements: {} } as XmlCheck;
      const elements: Record<string, number> = {};
      for (const el of Array.from(doc.getElementsByTagName('*'))) elements[el.nodeName] = (elements[el.nodeName] ?? 0) + 1;
      return { wellFormed: true, root: doc.documentElement.nodeName, elements };
    }, xml);
  } finally {
    await browser.close();
  }
}
