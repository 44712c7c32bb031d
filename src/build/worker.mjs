// Pool worker entry: worker threads do not inherit tsx from the main thread, so register it here,
// then load the TypeScript task. Each worker keeps its modules (and so its parsed fonts) for its lifetime.
import { register } from 'tsx/esm/api';

register();
const { default: task } = await import('./workerTask.ts');
export default task;
