#!/usr/bin/env node
// Accessibility audit of rendered HTML reports: axe-core (WCAG 2.0/2.1 A and AA, plus best
// practice) run inside the system's headless Chromium, driven over CDP by puppeteer-core.
//
//   node audit.mjs [--assets DIR] FILE.html...
//
// A page saved from the portal links its stylesheets at the server's root (/assets/...). With
// --assets, each file is served over loopback HTTP beside DIR's files under /assets/ (the portal's
// own copy, report-service/src/main/resources/public), so that it is audited as it is styled; a
// stylesheet DIR does not hold fails the file.
//
// Prints, per file, the number of passing, violated and incomplete (needs a human) rules, and
// for each violation its rule, impact, help text and link, and every failing node.
// Exit 0 only if every file was audited (at least one rule passed) with no violation; exit 1
// if any file has a violation, is missing, could not be audited, or no file was given.
//
// Browser: /usr/bin/chromium (Debian's package), or the executable named by $CHROMIUM.
// puppeteer-core never downloads a browser of its own.

import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE_PATH = require.resolve('axe-core/axe.min.js');

const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  // We run as root (CI and sessions alike), and Chromium refuses to start as root with its
  // sandbox on: "Running as root without --no-sandbox is not supported".
  '--no-sandbox',
  '--headless=new',
  // No GPU on these machines; software rendering only.
  '--disable-gpu',
  // Shared memory in /tmp rather than /dev/shm, where a small /dev/shm (containers) crashes the
  // renderer. /dev/shm is 24 GB here, so this is a guard only; puppeteer-core passes it too, and
  // Debian's /usr/bin/chromium wrapper means to add it when /dev/shm is under 3.8 GB, but its
  // check breaks on this machine (/dev/shm is mounted twice, and it prints
  // "[: ...: unexpected operator" on stderr, which is harmless).
  '--disable-dev-shm-usage',
  '--disable-component-update',
];
// puppeteer-core adds, besides these, a fresh temporary --user-data-dir and flags that keep
// Chromium off the network (--disable-background-networking, --disable-sync, --no-first-run,
// ...; not --disable-component-update, hence above): the machine's network is closed but for
// package registries, and Chromium's background connections would be refused, many at a time.

const AXE_OPTIONS = {
  runOnly: {
    type: 'tag',
    values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'],
  },
};

let args = process.argv.slice(2);
let assetsDir = null;
if (args[0] === '--assets') {
  assetsDir = path.resolve(args[1]);
  args = args.slice(2);
}
const files = args;
if (files.length === 0) {
  console.error('usage: node audit.mjs FILE.html...');
  console.error('audit: no files given, nothing audited');
  process.exit(1);
}

const axeSource = await readFile(AXE_SOURCE_PATH, 'utf8');

// The /assets/... the page being audited asked for that --assets does not hold.
let missingAssets = [];
const CONTENT_TYPES = { '.css': 'text/css', '.svg': 'image/svg+xml', '.txt': 'text/plain', '.html': 'text/html; charset=utf-8' };
const server = assetsDir ? await serve() : null;

let failed = 0;
let clean = 0;
let browser;
try {
  browser = await puppeteer.launch({
    executablePath: CHROMIUM,
    // headless is given in args as --headless=new; false here keeps puppeteer from adding its
    // own copy of the flag.
    headless: false,
    args: CHROMIUM_ARGS,
    timeout: 60_000,
    protocolTimeout: 120_000,
  });
} catch (err) {
  console.error(`audit: cannot start Chromium at ${CHROMIUM}: ${err.message}`);
  process.exit(1);
}

try {
  for (const file of files) {
    const abs = path.resolve(file);
    console.log(`\n== ${abs}`);
    let ok = false;
    try {
      ok = await auditFile(abs);
    } catch (err) {
      console.log(`  ERROR: could not audit: ${err.message}`);
    }
    if (ok) clean++;
    else failed++;
  }
} finally {
  await browser.close().catch(() => {});
  server?.close();
}

// Deliberately not the "N passed, N failed" shape, which CI would read as a test runner's
// closing line in place of Maven Surefire's.
console.log(`\naccessibility audit: ${files.length} file(s), ${clean} clean, ${failed} with violations or errors`);
process.exit(failed > 0 ? 1 : 0);

async function auditFile(abs) {
  let info;
  try {
    info = await stat(abs);
  } catch {
    console.log('  ERROR: no such file');
    return false;
  }
  if (!info.isFile()) {
    console.log('  ERROR: not a regular file');
    return false;
  }

  // A fresh browser context per file: nothing (storage, cache) carries over between reports.
  const context = await browser.createBrowserContext();
  try {
    const page = await context.newPage();
    // A report may carry a Content-Security-Policy that forbids injected scripts; the audit
    // must not depend on it.
    await page.setBypassCSP(true);
    const pageErrors = [];
    page.on('pageerror', (err) => pageErrors.push(err.message));

    missingAssets = [];
    const url = server ? `http://127.0.0.1:${server.address().port}/page/${files.map((f) => path.resolve(f)).indexOf(abs)}` : pathToFileURL(abs).href;
    await page.goto(url, { waitUntil: 'load', timeout: 60_000 });
    const loaded = await page.evaluate(() => location.href);
    if (loaded !== url) {
      console.log(`  ERROR: page did not load (ended at ${loaded})`);
      return false;
    }
    for (const msg of pageErrors) console.log(`  page script error: ${msg}`);
    if (missingAssets.length > 0) {
      console.log(`  ERROR: the page asks for ${missingAssets.join(', ')}, which ${assetsDir} does not hold`);
      return false;
    }

    // Evaluated over CDP, not as a <script> tag: neither CSP nor the page's DOM is involved.
    await page.evaluate(axeSource);
    const axeVersion = await page.evaluate(() => (window.axe ? window.axe.version : null));
    if (!axeVersion) {
      console.log('  ERROR: axe-core did not load into the page');
      return false;
    }

    const result = await page.evaluate(async (options) => {
      const r = await window.axe.run(document, options);
      const slim = (rule) => ({
        id: rule.id,
        impact: rule.impact,
        help: rule.help,
        helpUrl: rule.helpUrl,
        nodes: rule.nodes.map((n) => ({
          target: n.target,
          failureSummary: n.failureSummary,
        })),
      });
      return {
        passes: r.passes.length,
        inapplicable: r.inapplicable.length,
        violations: r.violations.map(slim),
        incomplete: r.incomplete.map(slim),
      };
    }, AXE_OPTIONS);

    const nViol = result.violations.length;
    console.log(
      `  axe-core ${axeVersion}: ${result.passes} passes, ${nViol} violations, ` +
        `${result.incomplete.length} incomplete, ${result.inapplicable} inapplicable`,
    );
    for (const v of result.violations) {
      console.log(`  VIOLATION ${v.id} [${v.impact}] ${v.help}`);
      console.log(`    ${v.helpUrl}`);
      for (const n of v.nodes) {
        console.log(`    - ${JSON.stringify(n.target)}`);
        for (const line of String(n.failureSummary || '').split('\n')) {
          if (line.trim()) console.log(`        ${line}`);
        }
      }
    }
    for (const i of result.incomplete) {
      console.log(`  incomplete (check by hand): ${i.id} [${i.impact ?? 'n/a'}] ${i.help} (${i.nodes.length} node(s))`);
    }

    if (result.passes === 0) {
      // An empty or blank page passes no rule; it must not count as an accessible report.
      console.log('  ERROR: no axe rule passed: nothing was audited');
      return false;
    }
    return nViol === 0;
  } finally {
    await context.close().catch(() => {});
  }
}

/** Loopback HTTP: /page/N is the Nth file given, /assets/... comes from the --assets folder. */
async function serve() {
  const answer = async (request, response) => {
    const pathname = decodeURIComponent(new URL(request.url, 'http://127.0.0.1').pathname);
    let file = null;
    if (pathname.startsWith('/page/')) {
      const given = files[Number(pathname.slice('/page/'.length))];
      file = given ? path.resolve(given) : null;
    } else if (pathname.startsWith('/assets/')) {
      const asset = path.resolve(assetsDir, pathname.slice('/assets/'.length));
      file = asset.startsWith(assetsDir + path.sep) ? asset : null;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': CONTENT_TYPES[path.extname(file)] || 'application/octet-stream' });
      response.end(body);
    } catch {
      if (pathname.startsWith('/assets/')) missingAssets.push(pathname);
      response.writeHead(404);
      response.end();
    }
  };
  const listening = http.createServer((request, response) => {
    answer(request, response).catch(() => response.end());
  });
  await new Promise((resolve) => listening.listen(0, '127.0.0.1', resolve));
  return listening;
}
