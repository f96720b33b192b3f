export * from "./accounts";
export * from "./catalog";
export * from "./pricing";
export * from "./facts";
export * from "./metrics";
export * from "./sync";
export * from "./auth";
export * from "./replies";
