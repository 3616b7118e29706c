/**
 * Generates the TypeScript types of the contract with openapi-typescript.
 *
 * @example
 * ```ts
 * const source = await generateTypes(OPENAPI_PATH);
 * ```
 */
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Returns the text of `src/generated/openapi.ts` for the contract at `path`. */
export async function generateTypes(path: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(path), { alphabetize: false, exportType: false });
  return astToString(ast);
}
