#!/usr/bin/env node
// Lints BPMN files with the rules in .bpmnlintrc and DMN files with .dmnlintrc.
// Wraps the CLIs because bpmnlint resolves the config's plugins from its working
// directory, which must therefore be this folder (where node_modules is).
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOOLS_DIR, callerPath } from './caller-path.mjs';

const args = process.argv.slice(2);
if (!args.some(arg => !arg.startsWith('-'))) {
  console.error('usage: npm --prefix tools/models run lint -- [--max-warnings=N] <file.bpmn|file.dmn|dir>...');
  process.exit(2);
}

// bpmnlint silently skips a path that does not exist, so check here.
const options = args.filter(arg => arg.startsWith('-'));
const files = args.filter(arg => !arg.startsWith('-')).flatMap(arg => {
  const path = callerPath(arg);
  const stats = statSync(path, { throwIfNoEntry: false });
  if (!stats) {
    console.error(`error: ${arg} does not exist`);
    process.exit(2);
  }
  if (!stats.isDirectory()) return [path];
  return readdirSync(path).filter(name => /\.(bpmn|dmn)$/.test(name)).sort().map(name => join(path, name));
});
const bpmnFiles = files.filter(file => file.endsWith('.bpmn'));
const dmnFiles = files.filter(file => file.endsWith('.dmn'));
if (files.length === 0) {
  console.warn('warning: no *.bpmn or *.dmn files to lint');
  process.exit(0);
}

const resolve = createRequire(import.meta.url).resolve;
let failed = false;
function run(cli, cliArgs) {
  const { status, error } = spawnSync(process.execPath, [resolve(cli), ...cliArgs], { cwd: TOOLS_DIR, stdio: 'inherit' });
  if (error) throw error;
  failed ||= status !== 0;
}
if (bpmnFiles.length > 0) {
  run('bpmnlint/bin/bpmnlint.js', ['-c', join(TOOLS_DIR, '.bpmnlintrc'), ...options, ...bpmnFiles]);
}
// dmnlint takes one file at a time.
for (const file of dmnFiles) {
  run('dmnlint/bin/dmnlint.js', ['-c', join(TOOLS_DIR, '.dmnlintrc'), file]);
}
console.log(`linted ${bpmnFiles.length} BPMN and ${dmnFiles.length} DMN files: ${failed ? 'problems found' : 'no problems'}`);
process.exit(failed ? 1 : 0);
