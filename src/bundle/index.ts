/**
 * `src/bundle`: the vendor bundle of the addinsert contract, reproducible byte for byte from a commit.
 * `buildBundle` makes it in memory; `writeBundle` writes the directory and the archive.
 */
export { ARCHIVE_ROOT, HARNESS_ROOT, buildBundle, type Bundle, type BundleOptions } from './bundle.ts';
export { writeBundle, type BundleTargets, type WrittenBundle } from './write-bundle.ts';
export { BundleError, BundleTargetError, MissingPactError, PasswordInBundleError, type PasswordLocation } from './errors.ts';
export { OPENAPI_PATH, PACT_DIR, readBundleInputs, type BundleInputs, type InputOptions, type OpenApiInput, type ToolVersions } from './inputs.ts';
export { readPactFiles, describePact, type PactFile } from './pact-files.ts';
export { findPasswords, isPlaceholder } from './password-scan.ts';
export { createTar, type TarFile, type TarOptions } from './tar.ts';
export { gzipDeterministic, GZIP_HEADER } from './gzip.ts';
export { sha256Hex, sha256sums, type BundleFile } from './checksums.ts';
export { archiveFileTime, MAX_FILE_TIME, type FileTime } from './file-time.ts';
export { readGitCheckout, type GitCheckout } from './git-checkout.ts';
export { renderOpenApiHtml, redoclyEnv, type OpenApiHtmlOptions } from './openapi-html.ts';
export { retcodeRows, retcodesCsv, retcodesMarkdown, MARK_MEANINGS, type RetcodeRow } from './retcode-table.ts';
export { rulesMarkdown, operationSection, profileSection, confirmSection } from './rules-document.ts';
export { runCoverageMarkdown, hasRuleCoverage } from './run-coverage.ts';
export { readmeText } from './readme-file.ts';
export { versionsText } from './versions-file.ts';
export { sourceLink, sourceList } from './sources.ts';
export { escapeMarkdown, code, markdownTable } from './markdown.ts';
