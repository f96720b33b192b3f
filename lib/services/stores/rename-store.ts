// Renames a UI store.
import type { Db } from "@/db";
import { editStore, type StoreEditOptions } from "./editable-store";

export async function renameStore(db: Db, options: StoreEditOptions & { name: string }): Promise<void> {
  const name = options.name.trim();
  await editStore(db, options, (store) =>
    store.name === name
      ? undefined
      : { set: { name }, action: "store.rename", before: { name: store.name }, after: { name } },
  );
}
