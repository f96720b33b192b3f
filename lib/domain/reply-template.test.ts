import { describe, expect, it } from "vitest";
import { fillReplyTemplate } from "./reply-template";

describe("filling a reply template", () => {
  it("puts in the buyer's name and the product, every occurrence", () => {
    expect(
      fillReplyTemplate("Здравствуйте, {name}! Спасибо, что выбрали {product}. {name}, ждём вас снова.", {
        buyerName: "Марина",
        productName: "Футболка базовая",
      }),
    ).toBe("Здравствуйте, Марина! Спасибо, что выбрали Футболка базовая. Марина, ждём вас снова.");
  });

  it("drops a missing name with the comma before it, and a missing product with its space", () => {
    expect(
      fillReplyTemplate("Здравствуйте, {name}! Спасибо за отзыв о {product}.", { buyerName: null, productName: null }),
    ).toBe("Здравствуйте! Спасибо за отзыв о.");
    expect(fillReplyTemplate("{name}, спасибо!", { buyerName: "  ", productName: "X" })).toBe("Спасибо!");
  });

  it("leaves a template without placeholders as it is", () => {
    expect(fillReplyTemplate("Спасибо за отзыв!", { buyerName: "Анна", productName: "Шарф" })).toBe(
      "Спасибо за отзыв!",
    );
  });
});
