import "server-only";
// The CSV/XLSX downloads behind the pages' export buttons: the pages' own reads (every row of the
// current view) for route handlers, which answer 401 when a read returns null, and the file builder
// (lib/services/export/build-export.ts, which neutralises formula cells) with its Content-Disposition.
import { authorizedOrNull } from "./authorized";
import { queryPnlDrillDown, queryPnlStatement } from "./pnl";
import { queryRestockPage } from "./restock";
import { querySkuPage } from "./skus";

export { attachmentHeader, buildExport } from "@/lib/services/export/build-export";

export const getSkuPageForExport = authorizedOrNull(querySkuPage);
export const getRestockPageForExport = authorizedOrNull(queryRestockPage);
export const getPnlStatementForExport = authorizedOrNull(queryPnlStatement);
export const getPnlDrillDownForExport = authorizedOrNull(queryPnlDrillDown);
