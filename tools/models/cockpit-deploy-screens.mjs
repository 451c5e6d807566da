#!/usr/bin/env node
// Screenshots for the README's "Changing a pathway (process owners)", last
// step: after the changed model is deployed, Cockpit shows the new deployment
// and the process at its new version. Needs the app running and the change
// already deployed (see tools/models/README.md).
//
// usage: node tools/models/cockpit-deploy-screens.mjs [baseUrl] [outDir]
//   defaults: http://localhost:8080 docs/modeler
//   EHC_USER / EHC_PASSWORD (default owner / demo): a process owner.
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { callerPath } from './caller-path.mjs';

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const USER = process.env.EHC_USER || 'owner';
const PASSWORD = process.env.EHC_PASSWORD || 'demo';
const KEY = 'ehc-needs-assessment';
const DEPLOYMENT_NAME = 'assessment-change';
const RESOURCE = 'ehc-needs-assessment.bpmn';
// The task renamed by modeler-screens.mjs: Cockpit's diagram is zoomed onto it
// so the new name can be read in the picture.
const CHANGED_TASK = 'userTask_planAdviceRequests';

async function rest(base, path) {
  const auth = Buffer.from(`${USER}:${PASSWORD}`).toString('base64');
  const res = await fetch(`${base}/engine-rest${path}`, { headers: { Authorization: `Basic ${auth}` } });
  if (!res.ok) throw new Error(`GET ${path}: HTTP ${res.status}`);
  return res.json();
}

async function main() {
  const [base = 'http://localhost:8080', outArg = 'docs/modeler'] = process.argv.slice(2);
  const outDir = callerPath(outArg);
  await mkdir(outDir, { recursive: true });

  const [deployment] = await rest(base,
    `/deployment?name=${DEPLOYMENT_NAME}&sortBy=deploymentTime&sortOrder=desc&maxResults=1`);
  if (!deployment) throw new Error(`no deployment named ${DEPLOYMENT_NAME}: deploy the change first`);
  const [definition] = await rest(base, `/process-definition?key=${KEY}&latestVersion=true`);
  if (definition.deploymentId !== deployment.id) {
    throw new Error(`latest ${KEY} (version ${definition.version}) is not from ${DEPLOYMENT_NAME}`);
  }

  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync']
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    page.on('pageerror', err => console.error(`page error: ${err.message}`));
    const cockpit = `${base}/camunda/app/cockpit/default/`;

    await page.goto(cockpit);
    await page.fill('input[ng-model="username"]', USER);
    await page.fill('input[ng-model="password"]', PASSWORD);
    await page.click('button[type=submit]');
    await page.waitForSelector('text=Processes');

    // More > Deployments, with the new deployment's model opened beside it
    await page.goto(`${cockpit}#/repository?deployment=${deployment.id}`
      + `&resourceName=${encodeURIComponent(RESOURCE)}&deploymentsSortBy=deploymentTime&deploymentsSortOrder=desc`);
    await page.waitForSelector(`text=${DEPLOYMENT_NAME}`);
    await page.waitForSelector('.djs-container svg', { timeout: 20000 });
    await page.waitForTimeout(1500);
    await page.mouse.move(5, 700);
    const shots = [join(outDir, '4-cockpit-deployments.png'), join(outDir, '5-cockpit-version-2.png')];
    await page.screenshot({ path: shots[0] });

    await page.goto(`${cockpit}#/process-definition/${definition.id}/runtime`);
    await page.waitForSelector('.djs-container svg', { timeout: 20000 });
    await page.waitForTimeout(1500);
    await zoomOnto(page, CHANGED_TASK);
    await page.screenshot({ path: shots[1] });
    console.log(`${shots.join('\n')}\n${KEY} version ${definition.version} from deployment ${deployment.id}`);
  } finally {
    await browser.close();
  }
}

// diagram-js zooms around the pointer on ctrl + wheel, as a user would.
async function zoomOnto(page, elementId) {
  for (let step = 0; step < 12; step++) {
    const box = await page.locator(`.djs-element[data-element-id="${elementId}"]`).boundingBox();
    if (box.width >= 110) break;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.keyboard.down('Control');
    await page.mouse.wheel(0, -100);
    await page.keyboard.up('Control');
    await page.waitForTimeout(200);
  }
  await page.mouse.move(5, 700);
}

main().catch(err => {
  console.error(`error: ${err.message}`);
  process.exit(1);
});
