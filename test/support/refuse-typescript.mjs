// Loaded with `node --import`: makes any import of TypeScript or of tsx fail, so that a test can
// show a command line is answered without the TypeScript loader (and so without the server).
import { register } from 'node:module';

const hooks = `export async function resolve(specifier, context, next) {
  if (/^tsx(\\/|$)|\\.ts$/.test(specifier)) throw new Error('refused to load ' + specifier);
  return next(specifier, context);
}`;
register(`data:text/javascript,${encodeURIComponent(hooks)}`);
