// Module hooks (node:module register): appends every resolved module URL to the file named at start.
import fs from 'node:fs';

let file = '';

export async function initialize(data) {
  file = data.file;
}

export async function resolve(specifier, context, next) {
  const result = await next(specifier, context);
  fs.appendFileSync(file, `${result.url}\n`);
  return result;
}
