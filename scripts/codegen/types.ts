/** Generates the TypeScript types of the contract with openapi-typescript. */
import { pathToFileURL } from 'node:url';
import openapiTS, { astToString } from 'openapi-typescript';

/** Returns the text of `src/generated/openapi.ts` for the contract at `path`. */
export async function generateTypes(path: string): Promise<string> {
  const ast = await openapiTS(pathToFileURL(path), { alphabetize: false, exportType: false });
  return astToString(ast);
}
