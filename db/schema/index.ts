export * from "./accounts";
export * from "./catalog";
export * from "./pricing";
export * from "./facts";
export * from "./metrics";
export * from "./restock";
export * from "./sync";
export * from "./auth";
