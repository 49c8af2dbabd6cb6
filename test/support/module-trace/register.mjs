// `node --import this-file …` records the modules a process loads into $KORSO_MODULE_TRACE.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url, { data: { file: process.env.KORSO_MODULE_TRACE } });
