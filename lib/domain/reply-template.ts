// Fills a reply template from a review: {name} is the buyer's name, {product} the product's name.
// Ozon sends no buyer name: "{name}" then disappears together with the comma or space before it, so
// "Здравствуйте, {name}!" reads "Здравствуйте!" rather than "Здравствуйте, !".

export interface ReplyTemplateValues {
  buyerName: string | null;
  productName: string | null;
}

export const REPLY_PLACEHOLDERS = ["{name}", "{product}"] as const;

function fill(text: string, placeholder: string, value: string | null): string {
  const v = value?.trim();
  if (v) return text.split(placeholder).join(v);
  const p = placeholder.replace(/[{}]/g, "\\$&");
  // at the start: the placeholder and the comma after it go, and the sentence keeps its capital
  const atStart = text.replace(new RegExp(`^\\s*${p}[,\\s]*`), "");
  const rest = atStart === text ? text : atStart.charAt(0).toUpperCase() + atStart.slice(1);
  return rest.replace(new RegExp(`[,\\s]*${p}`, "g"), "");
}

export function fillReplyTemplate(body: string, values: ReplyTemplateValues): string {
  return fill(fill(body, "{name}", values.buyerName), "{product}", values.productName).trim();
}
