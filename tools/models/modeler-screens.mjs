#!/usr/bin/env node
// Screenshots for the README's "Changing a pathway (process owners)": a
// process owner opens the needs assessment, selects a task and changes it.
//
// The Camunda Modeler desktop app cannot run where the docs are built, so the
// pictures show bpmn-js's Modeler, the editing canvas the desktop app is built
// on (same palette, context pad and label editing; no properties panel or
// toolbar). The change is made through the modeler's own API and the changed
// model is written out, so the deploy step deploys exactly what is pictured.
//
// usage: node tools/models/modeler-screens.mjs [model.bpmn] [outDir] [changed.bpmn]
//   defaults: processes/ehc-needs-assessment.bpmn docs/modeler target/modeler/ehc-needs-assessment.bpmn
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium } from 'playwright-core';
import { callerPath } from './caller-path.mjs';

const require = createRequire(import.meta.url);
const asset = file => require.resolve(`bpmn-js/${file}`);

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

// The whole advice stage (subProcess_gatherAdvice and a little around it).
const REGION = { x: 1590, y: 92, width: 1350, height: 506 };
const VIEWPORT = { width: 1200, height: 470 };
// Room on the left for the palette, which floats over the canvas.
const PALETTE_ROOM = 125;
const SCALE = 1.5;

// The task the owner selects and renames; its id stays, only the name changes.
const TASK = 'userTask_planAdviceRequests';
const NEW_NAME = 'Caseworker: check and plan advice requests';

const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; padding: 0; background: #fff; font-family: Arial, sans-serif; }
  #canvas { width: 100vw; height: 100vh; }
</style></head><body><div id="canvas"></div></body></html>`;

async function main() {
  const [modelArg = 'processes/ehc-needs-assessment.bpmn', outArg = 'docs/modeler',
    changedArg = 'target/modeler/ehc-needs-assessment.bpmn'] = process.argv.slice(2);
  const [model, outDir, changed] = [modelArg, outArg, changedArg].map(callerPath);
  const xml = await readFile(model, 'utf8');
  await mkdir(outDir, { recursive: true });
  await mkdir(dirname(changed), { recursive: true });

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  try {
    const context = await browser.newContext({ viewport: VIEWPORT, deviceScaleFactor: SCALE });
    // Everything is injected inline; any request would be a bug.
    await context.route('**/*', route => route.abort());
    const page = await context.newPage();
    page.on('pageerror', err => console.error(`page error: ${err.message}`));

    await page.setContent(PAGE);
    for (const css of ['dist/assets/diagram-js.css', 'dist/assets/bpmn-js.css',
      'dist/assets/bpmn-font/css/bpmn-embedded.css']) {
      await page.addStyleTag({ path: asset(css) });
    }
    await page.addScriptTag({ path: asset('dist/bpmn-modeler.development.js') });

    const warnings = await page.evaluate(async xml => {
      window.modeler = new window.BpmnJS({ container: '#canvas' });
      const { warnings } = await window.modeler.importXML(xml);
      return warnings.map(w => w.message);
    }, xml);
    for (const w of warnings) console.warn(`import warning: ${w}`);

    await page.evaluate(({ region, viewport, paletteRoom }) => {
      const canvas = window.modeler.get('canvas');
      const zoom = Math.min((viewport.width - paletteRoom) / region.width,
        viewport.height / region.height);
      canvas.viewbox({
        x: region.x - paletteRoom / zoom,
        y: region.y,
        width: viewport.width / zoom,
        height: viewport.height / zoom
      });
    }, { region: REGION, viewport: VIEWPORT, paletteRoom: PALETTE_ROOM });

    const shots = [];
    const shoot = async name => {
      const path = join(outDir, name);
      await page.screenshot({ path });
      shots.push(path);
    };

    await shoot('1-model-opened.png');

    // Click the task as a user would; the context pad opens beside it.
    const box = await page.locator(`.djs-element[data-element-id="${TASK}"]`).boundingBox();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForSelector('.djs-context-pad', { state: 'visible' });
    const selected = await page.evaluate(() =>
      window.modeler.get('selection').get().map(e => e.id));
    if (selected.join() !== TASK) throw new Error(`clicked ${selected.join()}, not ${TASK}`);
    await page.mouse.move(5, VIEWPORT.height - 5);
    await shoot('2-task-selected-context-pad.png');

    const saved = await page.evaluate(async ({ id, label }) => {
      const registry = window.modeler.get('elementRegistry');
      const element = registry.get(id);
      window.modeler.get('modeling').updateLabel(element, label);
      window.modeler.get('selection').select(element);
      const { xml } = await window.modeler.saveXML({ format: true });
      return xml;
    }, { id: TASK, label: NEW_NAME });
    // the context pad would hide the new name
    await page.evaluate(() => window.modeler.get('contextPad').close());
    await shoot('3-task-renamed.png');

    if (!saved.includes(`id="${TASK}" name="${NEW_NAME}"`)) {
      throw new Error('changed model lost the task id or the new name');
    }
    await writeFile(changed, saved);
    console.log(`${shots.join('\n')}\nchanged model -> ${changed}`);
  } finally {
    await browser.close();
  }
}

main().catch(err => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
