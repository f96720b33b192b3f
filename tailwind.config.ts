// Tailwind v4 reads its theme from app/globals.css (@theme); this file is kept for editors and
// tools that look for a config, and is referenced from globals.css with @config.
import type { Config } from "tailwindcss";

const config: Config = {
  content: ["./app/**/*.{ts,tsx}", "./components/**/*.{ts,tsx}"],
  theme: { extend: {} },
};
export default config;
