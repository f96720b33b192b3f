// A SKU's plan settings: its own overrides over its store's defaults over the built-in defaults.
import { DEFAULT_PLAN_SETTINGS, type PlanSettings, SERVICE_LEVELS, type ServiceLevel } from "./plan";

export type PlanSettingsOverride = { [K in keyof PlanSettings]?: PlanSettings[K] | null } & {
  manualFactor?: number | null;
};

export interface EffectiveSettings {
  settings: PlanSettings;
  manualFactor: number | null;
  /** where each value came from */
  source: Record<keyof PlanSettings, "sku" | "store" | "default">;
}

export function toServiceLevel(value: number | string): ServiceLevel {
  const n = Number(value);
  const found = SERVICE_LEVELS.find((s) => s === n);
  if (found === undefined)
    throw new RangeError(`service level must be one of ${SERVICE_LEVELS.join(", ")}, got ${value}`);
  return found;
}

export function effectiveSettings(
  store: Partial<PlanSettings> | null | undefined,
  sku: PlanSettingsOverride | null | undefined,
): EffectiveSettings {
  const keys = Object.keys(DEFAULT_PLAN_SETTINGS) as (keyof PlanSettings)[];
  const settings = { ...DEFAULT_PLAN_SETTINGS } as Record<keyof PlanSettings, number>;
  const source = {} as EffectiveSettings["source"];
  for (const key of keys) {
    const own = sku?.[key];
    const def = store?.[key];
    if (own !== null && own !== undefined) {
      settings[key] = own;
      source[key] = "sku";
    } else if (def !== null && def !== undefined) {
      settings[key] = def;
      source[key] = "store";
    } else source[key] = "default";
  }
  return {
    settings: { ...(settings as unknown as PlanSettings), serviceLevel: toServiceLevel(settings.serviceLevel) },
    manualFactor: sku?.manualFactor ?? null,
    source,
  };
}
