// Deactivates or reactivates a UI store; only active stores are synced.
import type { Db } from "@/db";
import { editStore, type StoreEditOptions } from "./editable-store";

export async function setStoreActive(db: Db, options: StoreEditOptions & { active: boolean }): Promise<void> {
  await editStore(db, options, (store) =>
    store.isActive === options.active
      ? undefined
      : {
          set: { isActive: options.active },
          action: options.active ? "store.activate" : "store.deactivate",
          before: { name: store.name, isActive: store.isActive },
          after: { name: store.name, isActive: options.active },
        },
  );
}
