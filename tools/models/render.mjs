#!/usr/bin/env node
// Renders every BPMN and DMN model in a folder to pictures a reviewer can read
// without a modeler: BPMN -> SVG + PNG, DMN -> PNG of the DRD and one PNG per
// decision (table or literal expression).
//
// The bpmn-js / dmn-js browser bundles run in Debian's chromium through
// playwright-core; everything is injected from node_modules, so no web server
// and no network are needed.
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { basename, extname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { callerPath } from './caller-path.mjs';

const require = createRequire(import.meta.url);
const asset = (pkg, file) => require.resolve(`${pkg}/${file}`);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
// Device pixels per CSS pixel: diagrams are drawn at 100 % zoom, so 2 keeps
// 12px labels crisp when the PNG is viewed scaled down.
const SCALE = 2;
// Larger diagrams are zoomed out instead of growing the PNG
// past what a browser can screenshot in one piece.
const MAX_WIDTH = 4000;
const MAX_HEIGHT = 3000;
const MARGIN = 30;
// Room for the bpmn.io logo (53x21 at 15px from the corner), which the
// bpmn.io licence wants fully visible and not drawn over the diagram.
const LOGO_STRIP = 45;

const BPMN = {
  script: asset('bpmn-js', 'dist/bpmn-navigated-viewer.production.min.js'),
  styles: [
    asset('bpmn-js', 'dist/assets/diagram-js.css'),
    asset('bpmn-js', 'dist/assets/bpmn-js.css'),
    asset('bpmn-js', 'dist/assets/bpmn-font/css/bpmn-embedded.css')
  ]
};

const DMN = {
  script: asset('dmn-js', 'dist/dmn-viewer.production.min.js'),
  styles: [
    'diagram-js.css',
    'dmn-js-shared.css',
    'dmn-js-drd.css',
    'dmn-js-decision-table.css',
    'dmn-js-literal-expression.css',
    'dmn-js-boxed-expression.css',
    // the embedded variant carries the icon font as a data: URL, which
    // setContent (about:blank) can load while relative font URLs cannot
    'dmn-font/css/dmn-embedded.css'
  ].map(file => asset('dmn-js', `dist/assets/${file}`))
};

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; background: #fff; }
  #canvas { width: 100vw; height: 100vh; }
  /* tables and expressions size themselves; the screenshot is of them only */
  #canvas.sized { width: max-content; height: auto; padding: ${MARGIN}px; }
  #canvas.sized .dmn-js-parent > * { padding-bottom: ${LOGO_STRIP}px; }
  /* editor chrome that means nothing in a picture or hides the diagram */
  .view-drd, .dmn-definitions { display: none; }
</style></head><body><div id="canvas"></div></body></html>`;

async function main() {
  const [modelsArg, outArg] = process.argv.slice(2);
  if (!modelsArg || !outArg) {
    console.error('usage: node tools/models/render.mjs <modelsDir> <outDir>');
    process.exit(2);
  }
  const [modelsDir, outDir] = [callerPath(modelsArg), callerPath(outArg)];
  if (!(await stat(modelsDir).catch(() => null))?.isDirectory()) {
    console.error(`error: ${modelsDir} is not a directory`);
    process.exit(2);
  }

  const models = (await readdir(modelsDir))
    .filter(name => ['.bpmn', '.dmn'].includes(extname(name)))
    .sort();
  if (models.length === 0) {
    console.warn(`warning: no *.bpmn or *.dmn files in ${modelsDir}`);
    return;
  }
  await mkdir(outDir, { recursive: true });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'
    ]
  });

  const failed = [];
  try {
    for (const name of models) {
      const file = join(modelsDir, name);
      const xml = await readFile(file, 'utf8');
      const context = await browser.newContext({ deviceScaleFactor: SCALE });
      // Everything the page needs is injected inline; any request is a bug.
      await context.route('**/*', route => route.abort());
      const page = await context.newPage();
      page.on('pageerror', err => console.error(`${name}: page error: ${err.message}`));
      try {
        const written = extname(name) === '.bpmn'
          ? await renderBpmn(page, xml, name, outDir)
          : await renderDmn(page, xml, name, outDir);
        // What the pictures were drawn from: a test fails when the model changes and they do not.
        const source = join(outDir, `${name}.sha256`);
        await writeFile(source, `${createHash('sha256').update(await readFile(file)).digest('hex')}\n`);
        console.log(`${name} -> ${[...written, source].join(', ')}`);
      } catch (err) {
        console.error(`error: ${file}: ${err.message}`);
        failed.push(name);
      } finally {
        await context.close();
      }
    }
  } finally {
    await browser.close();
  }

  if (failed.length) {
    console.error(`\n${failed.length} of ${models.length} model(s) failed: ${failed.join(', ')}`);
    process.exit(1);
  }
}

async function loadPage(page, { script, styles }) {
  await page.setContent(PAGE);
  for (const path of styles) await page.addStyleTag({ path });
  await page.addScriptTag({ path: script });
}

function printWarnings(name, warnings) {
  for (const w of warnings) console.warn(`${name}: import warning: ${w}`);
}

// Sizes the viewport to the diagram and sets the viewbox by hand (rather than
// fit-viewport, which centres the diagram) so it is drawn at 100 % zoom, or
// smaller for very large diagrams, with the bpmn.io logo in a strip below it.
async function fitAndShoot(page, canvasExpr, png) {
  const inner = await page.evaluate(`(() => {
    const { x, y, width, height } = ${canvasExpr}.viewbox().inner;
    return { x, y, width, height };
  })()`);
  const scale = Math.min(1,
    (MAX_WIDTH - 2 * MARGIN) / inner.width,
    (MAX_HEIGHT - 2 * MARGIN - LOGO_STRIP) / inner.height);
  const width = Math.ceil(inner.width * scale + 2 * MARGIN);
  const height = Math.ceil(inner.height * scale + 2 * MARGIN + LOGO_STRIP);
  await page.setViewportSize({ width, height });
  await page.evaluate(`(() => {
    const canvas = ${canvasExpr};
    canvas.resized();
    canvas.viewbox(${JSON.stringify({
      x: inner.x - MARGIN / scale,
      y: inner.y - MARGIN / scale,
      width: width / scale,
      height: height / scale
    })});
  })()`);
  await page.screenshot({ path: png });
}

/**
 * bpmn-js names each arrow-head marker with a random id, so every build rewrote every committed
 * SVG; numbering them in order of appearance keeps a rendering unchanged until its model changes.
 */
function stableMarkerIds(svg) {
  const numbers = new Map();
  return svg.replace(/marker-[a-z0-9]{10,}/g, id => {
    if (!numbers.has(id)) numbers.set(id, `marker-${numbers.size + 1}`);
    return numbers.get(id);
  });
}

async function renderBpmn(page, xml, name, outDir) {
  await loadPage(page, BPMN);
  const result = await page.evaluate(async xml => {
    window.viewer = new window.BpmnJS({ container: '#canvas' });
    try {
      const { warnings } = await window.viewer.importXML(xml);
      const { svg } = await window.viewer.saveSVG();
      return { warnings: warnings.map(w => w.message), svg };
    } catch (err) {
      return { error: err.message, warnings: (err.warnings || []).map(w => w.message) };
    }
  }, xml);
  printWarnings(name, result.warnings);
  if (result.error) throw new Error(`import failed: ${result.error}`);

  const base = join(outDir, basename(name, '.bpmn'));
  await writeFile(`${base}.svg`, stableMarkerIds(result.svg));
  await fitAndShoot(page, `window.viewer.get('canvas')`, `${base}.png`);
  return [`${base}.svg`, `${base}.png`];
}

async function renderDmn(page, xml, name, outDir) {
  await loadPage(page, DMN);
  const result = await page.evaluate(async xml => {
    window.viewer = new window.DmnJS({ container: '#canvas' });
    try {
      const { warnings } = await window.viewer.importXML(xml);
      const views = window.viewer.getViews().map(({ id, type }) => ({ id, type }));
      return { warnings: warnings.map(w => w.message), views };
    } catch (err) {
      return { error: err.message, warnings: (err.warnings || []).map(w => w.message) };
    }
  }, xml);
  printWarnings(name, result.warnings);
  if (result.error) throw new Error(`import failed: ${result.error}`);

  const base = join(outDir, basename(name, '.dmn'));
  const written = [];
  if (!result.views.some(v => v.type === 'drd')) {
    console.warn(`${name}: no DMNDI, so no DRD picture (decisions are still rendered)`);
  }
  for (const view of result.views) {
    await page.evaluate(async ({ id, type }) => {
      const viewer = window.viewer;
      await viewer.open(viewer.getViews().find(v => v.id === id && v.type === type));
      document.getElementById('canvas').className = type === 'drd' ? '' : 'sized';
    }, view);

    if (view.type === 'drd') {
      const png = `${base}.png`;
      await fitAndShoot(page, `window.viewer.getActiveViewer().get('canvas')`, png);
      written.push(png);
    } else {
      const png = `${base}-${view.id}.png`;
      // A wide viewport lets a wide table lay out on one line before we
      // screenshot just the table element.
      await page.setViewportSize({ width: MAX_WIDTH, height: 800 });
      await page.locator('#canvas').screenshot({ path: png });
      written.push(png);
    }
  }
  return written;
}

await main();
