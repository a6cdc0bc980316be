// Browser tests: real Chromium (Debian's package) driven by playwright-core against a running `newsgraph serve`.
// Run from pytest (tests/test_web_ui.py), which starts the server and sets NEWSGRAPH_URL.
//   NEWSGRAPH_URL=http://127.0.0.1:8000 CHROMIUM=/usr/bin/chromium SCREENSHOTS=../docs/img node --test tests/
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';

const BASE = process.env.NEWSGRAPH_URL;
const SHOTS = process.env.SCREENSHOTS;
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
let context, page, profile;
const consoleErrors = [];

before(async () => {
  assert.ok(BASE, 'set NEWSGRAPH_URL to a running newsgraph server');
  profile = mkdtempSync(join(tmpdir(), 'ng-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS,
    viewport: { width: 1400, height: 1000 },
  });
  page = context.pages()[0] || await context.newPage();
  page.setDefaultTimeout(15000);
  page.on('pageerror', (err) => consoleErrors.push(String(err)));
  page.on('console', (msg) => { if (msg.type() === 'error') consoleErrors.push(msg.text()); });
  // Offline: only the server under test may be reached.
  await context.route('**/*', (route) => (route.request().url().startsWith(BASE) ? route.continue() : route.abort()));
  if (SHOTS) mkdirSync(SHOTS, { recursive: true });
});

after(async () => {
  await context?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
});

async function shot(name, fullPage = false) {
  if (SHOTS) await page.screenshot({ path: join(SHOTS, `${name}.png`), fullPage });
}

async function ready() {
  await page.waitForSelector('body[data-ready=true]');
}

test('map, timeline and table show the stored events', async () => {
  await page.goto(`${BASE}/`);
  await ready();
  await page.waitForSelector('[data-testid=map-point]');
  const points = await page.locator('[data-testid=map-point]').count();
  const rows = await page.locator('[data-testid=event-row]').count();
  assert.ok(points > 0, 'the map shows event points');
  assert.ok(rows >= points, 'every mapped event is in the table');
  assert.ok(await page.locator('[data-testid=timeline] rect.bar').count() > 0, 'the timeline has bars');
  assert.ok(await page.locator('.land').count() === 1, 'country outlines are drawn');
  await shot('events');
});

test('filters and the timeline brush narrow the table', async () => {
  await page.goto(`${BASE}/#/`);
  await ready();
  await page.waitForSelector('[data-testid=event-row]');
  const all = await page.locator('[data-testid=event-row]').count();
  await page.fill('[data-testid=filter-min-origins]', '2');
  await page.click('[data-testid=filter-apply]');
  await ready();
  const corroborated = await page.locator('[data-testid=event-row]').count();
  assert.ok(corroborated > 0 && corroborated < all, `min origins 2 keeps ${corroborated} of ${all}`);
  await page.fill('[data-testid=filter-min-origins]', '');
  await page.click('[data-testid=filter-apply]');
  await ready();
  assert.equal(await page.locator('[data-testid=event-row]').count(), all);
  // brush the left half of the timeline
  const box = await page.locator('[data-testid=timeline] svg').boundingBox();
  await page.mouse.move(box.x + box.width * 0.1, box.y + box.height * 0.4);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.4, { steps: 8 });
  await page.mouse.up();
  await page.waitForFunction(() => / – /.test(document.querySelector('[data-testid=events-count]').textContent));
  const brushed = await page.locator('[data-testid=event-row]').count();
  assert.ok(brushed < all, `brushing keeps ${brushed} of ${all}`);
  await shot('events-brushed');
  await page.click('[data-testid=brush-clear]');
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid=event-row]').length === n, all);
});

test('map -> event -> provenance -> article', async () => {
  await page.goto(`${BASE}/#/`);
  await ready();
  // pick the drone-story event with the most articles that was sourced to an outlet (e.g. the WSJ), else the first
  const target = await page.evaluate(async () => {
    const page = await (await fetch('/api/events?limit=500')).json();
    const drone = page.items.filter((e) => /drone|Yelabuga|Alabuga/i.test(e.text) && e.event_loc && e.event_loc.lat != null);
    const sourced = drone.filter((e) => e.origins.some((o) => o.kind === 'outlet'));
    const pick = (sourced.length ? sourced : drone).sort((a, b) => b.n_articles - a.n_articles)[0];
    return pick && { id: pick.id, type: pick.event, words: pick.text.split(/\s+/).slice(0, 6).join(' '),
      wsj: pick.origins.some((o) => /wall street journal/i.test(o.name)) };
  });
  assert.ok(target, 'the samples hold a mapped drone-story event');
  // narrow the map the way a user would: the event type, then words of its sentence
  await page.selectOption('[data-testid=filter-type]', target.type);
  await page.click('[data-testid=filter-apply]');
  await ready();
  await page.fill('[data-testid=filter-text]', target.words);
  await page.waitForFunction(() => document.querySelectorAll('[data-testid=map-point]').length <= 3);
  await page.click(`[data-testid=map-point][data-event-id="${target.id}"]`);
  await page.waitForURL(new RegExp(`#/event/${target.id}$`));
  await ready();
  assert.equal((await page.textContent('[data-testid=event-type]')).trim(), target.type);
  assert.notEqual((await page.textContent('[data-testid=event-actors]')).trim(), '');
  const nodes = page.locator('[data-testid=prov-node]');
  assert.ok(await nodes.count() >= 2, 'the provenance graph has nodes');
  assert.ok(await page.locator('[data-testid=prov-node][data-kind=publisher]').count() >= 1, 'publishers are drawn');
  const origins = page.locator('[data-testid=prov-node][data-origin=true]');
  assert.ok(await origins.count() >= 1, 'at least one origin is marked');
  if (target.wsj) {
    const labels = await origins.evaluateAll((els) => els.map((e) => e.dataset.label));
    assert.ok(labels.some((l) => /wall street journal/i.test(l)), `the WSJ is marked as an origin (${labels})`);
    assert.ok(await page.locator('[data-testid=prov-edge]').count() >= 1, 'outlets link to their source');
  }
  await shot('event-provenance', true);
  await page.click('[data-testid=article-link] >> nth=0');
  await page.waitForURL(/#\/article\//);
  await ready();
  assert.ok((await page.textContent('[data-testid=article-title]')).trim().length > 0);
  for (const label of ['ACTOR', 'PLACE', 'EVENT']) {
    assert.ok(await page.locator(`[data-testid=article-text] [data-testid=span-${label}]`).count() > 0, `${label} spans are highlighted`);
  }
  const before = await page.locator('[data-testid=article-text] mark.ent-ACTOR').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  await page.uncheck('[data-testid=legend-ACTOR]');
  const afterToggle = await page.locator('[data-testid=article-text] mark.ent-ACTOR').first().evaluate((e) => getComputedStyle(e).backgroundColor);
  assert.notEqual(before, afterToggle, 'the legend toggles a label off');
  await page.check('[data-testid=legend-ACTOR]');
  await shot('article');
});

test('paste a page: extract without storing', async () => {
  await page.goto(`${BASE}/#/paste`);
  await ready();
  await page.fill('[data-testid=paste-input]', [
    'ANKARA, March 3 (Harbor Post) - Turkey and Greece signed an agreement on Friday to reopen talks on maritime borders,',
    'the Turkish foreign ministry said. Foreign Minister Mevlut Cavusoglu met his Greek counterpart Nikos Dendias in Ankara,',
    'and both sides pledged to settle disputes in the Aegean through dialogue, officials told reporters.',
  ].join(' '));
  await page.fill('[data-testid=paste-published]', '2023-03-03');
  await page.click('[data-testid=paste-submit]');
  await page.waitForSelector('[data-testid=paste-result] [data-testid=article-text]', { timeout: 60000 });
  assert.ok(await page.locator('[data-testid=paste-result] [data-testid=span-ACTOR]').count() > 0);
  assert.ok(await page.locator('[data-testid=paste-result] [data-testid=article-events]').count() === 1);
  await shot('paste');
  // an empty page gets a clear error, not a crash
  await page.fill('[data-testid=paste-input]', '');
  await page.click('[data-testid=paste-submit]');
  await page.waitForSelector('[data-testid=error-box]:not([hidden])');
  assert.match(await page.textContent('[data-testid=error-box]'), /empty|no page|content/i);
});

test('no errors in the browser console', () => {
  assert.deepEqual(consoleErrors.filter((e) => !/Failed to load resource: the server responded with a status of 422/.test(e)), []);
});
