#!/usr/bin/env node
// Lints BPMN files with the rules in .bpmnlintrc. Wraps the bpmnlint CLI
// because it resolves the config's plugins from its working directory, which
// must therefore be this folder (where node_modules is), wherever the user is.
import { spawnSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { TOOLS_DIR, callerPath } from './caller-path.mjs';

const args = process.argv.slice(2);
if (!args.some(arg => !arg.startsWith('-'))) {
  console.error('usage: npm --prefix tools/models run lint -- [--max-warnings=N] <file.bpmn|dir>...');
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
  return readdirSync(path).filter(name => name.endsWith('.bpmn')).sort().map(name => join(path, name));
});
if (files.length === 0) {
  console.warn('warning: no *.bpmn files to lint');
  process.exit(0);
}

const bpmnlint = createRequire(import.meta.url).resolve('bpmnlint/bin/bpmnlint.js');
const { status, error } = spawnSync(
  process.execPath,
  [bpmnlint, '-c', join(TOOLS_DIR, '.bpmnlintrc'), ...options, ...files],
  { cwd: TOOLS_DIR, stdio: 'inherit' }
);
if (error) throw error;
process.exit(status ?? 1);
