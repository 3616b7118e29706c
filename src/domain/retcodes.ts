/**
 * The retcode catalogue: meaning and family of each code, and for each operation which codes it may answer and
 * whether the documents say so. The data is generated from the OpenAPI contract (`x-ccgw-retcode-catalogue`,
 * `x-ccgw-retcodes`); this module gives it a small API.
 */
import { operations, retcodeCatalogue, type OperationId } from '../generated/contract.ts';

export type { OperationId };

/** A retcode as the gateway sends it: "0" or "NNN-NNN". */
export type Retcode = string;

/** How an operation's retcode is known: listed on its page, named by the general table, or assumed. */
export type RetcodeStatus = 'documented' | 'general' | 'inferred';

export type RetcodeCatalogueEntry = (typeof retcodeCatalogue)[number];
export type OperationRetcode = (typeof operations)[OperationId]['retcodes'][number];

const BY_CODE: ReadonlyMap<string, RetcodeCatalogueEntry> = new Map(retcodeCatalogue.map((e) => [e.code, e]));

/** The catalogue entry of a code, or undefined when the harness does not know it. */
export function catalogueEntry(code: Retcode): RetcodeCatalogueEntry | undefined {
  return BY_CODE.get(code);
}

/** The meaning of a code, or a sentence saying it is unknown. */
export function describeRetcode(code: Retcode): string {
  return BY_CODE.get(code)?.meaning ?? `retcode ${JSON.stringify(code)} is not in the catalogue of known codes`;
}

/** Every retcode listed for an operation, in contract order. */
export function retcodesOf(operationId: OperationId): readonly OperationRetcode[] {
  return operations[operationId].retcodes;
}

/** The status of `code` for `operationId`, or undefined when the contract does not list it for that operation. */
export function retcodeStatus(operationId: OperationId, code: Retcode): RetcodeStatus | undefined {
  return retcodesOf(operationId).find((r) => r.code === code)?.status;
}

/** True when the contract lists `code` for `operationId`. */
export function isListedFor(operationId: OperationId, code: Retcode): boolean {
  return retcodeStatus(operationId, code) !== undefined;
}

/** The codes an operation's own documentation page lists (status `documented`). */
export function documentedRetcodesOf(operationId: OperationId): Retcode[] {
  return retcodesOf(operationId).filter((r) => r.status === 'documented').map((r) => r.code);
}

/** Every operationId of the contract. */
export const OPERATION_IDS = Object.keys(operations) as OperationId[];
