// Pool worker entry when the code runs from src/ (the tests, through vitest): worker threads do not inherit
// vitest's TypeScript loader, so register tsx here, then load the task. The `gongwen` command runs bundled,
// and its pool loads the bundle's own worker.mjs instead (bin/bundle.js).
import { register } from 'tsx/esm/api';

register();
const { default: task } = await import('./workerTask.ts');
export default task;
