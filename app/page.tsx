import { sql } from "drizzle-orm";
import { getDb, rowsOf } from "@/db";

export const dynamic = "force-dynamic";

export default async function HomePage() {
  const db = await getDb();
  const stores = rowsOf<{ n: number }>(await db.execute(sql`select count(*)::int as n from accounts where is_active`))[0]?.n ?? 0;
  return (
    <main className="mx-auto max-w-2xl p-8">
      <h1 className="text-2xl font-semibold">Sovani</h1>
      {stores === 0 ? (
        <p className="mt-4" data-testid="no-store">
          Магазин ещё не подключён. Подключите магазин Wildberries или Ozon, чтобы увидеть прибыль по дням.
        </p>
      ) : (
        <p className="mt-4">Подключено магазинов: {stores}</p>
      )}
    </main>
  );
}
