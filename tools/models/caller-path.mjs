// `npm --prefix tools/models run <script>` runs the script with this folder
// as working directory; npm keeps the caller's in INIT_CWD. Paths given on the
// command line are meant relative to where the user typed them.
import { resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';

export const TOOLS_DIR = dirname(fileURLToPath(import.meta.url));

const callerDir = process.cwd() === TOOLS_DIR && process.env.INIT_CWD
  ? process.env.INIT_CWD
  : process.cwd();

export const callerPath = path => resolve(callerDir, path);
