// The import's public surface: the CLI command, the file and stream importers
// (the HTTP API will use importCsv) and the report formatter.
export { runImportCommand, IMPORT_USAGE, type ImportCommandDeps } from './cli.ts';
export { importCsv } from './import-csv.ts';
export { importFiles } from './import-files.ts';
export { formatImportReport, formatFileReport, formatRowError } from './report.ts';
export { KIND_COLUMNS, KIND_ORDER, type ImportKind } from './kinds.ts';
export type {
  FileReport, ImportCsvOptions, ImportFilesOptions, ImportProgress, ImportReport, RowError,
} from './types.ts';
