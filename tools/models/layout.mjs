#!/usr/bin/env node
// Generates diagram interchange (DI) for a BPMN file that has none, so an
// author can write the process XML by hand and then tidy the layout in a modeler.
import { readFile, writeFile } from 'node:fs/promises';
import { layoutProcess } from 'bpmn-auto-layout';
import { callerPath } from './caller-path.mjs';

const [inArg, outArg] = process.argv.slice(2);
if (!inArg || !outArg) {
  console.error('usage: node tools/models/layout.mjs <in.bpmn> <out.bpmn>');
  process.exit(2);
}
const [input, output] = [callerPath(inArg), callerPath(outArg)];

const xml = await readFile(input, 'utf8');
if (/<(\w+:)?BPMNDiagram\b/.test(xml)) {
  // bpmn-auto-layout throws the existing DI away, so any hand tidying is lost.
  console.warn(`warning: ${input} already has diagram interchange; it is replaced, not kept`);
}

try {
  await writeFile(output, await layoutProcess(xml));
  console.log(`wrote ${output}`);
} catch (err) {
  console.error(`error: could not lay out ${input}: ${err.message}`);
  process.exit(1);
}
