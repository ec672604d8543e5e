/** What kind of answer a question expects, as classic question answering systems detect it. */
export type AnswerType = "quantity" | "time" | null;

const QUANTITY_QUESTION = /\b(how (many|much|large|big|long|far|old|high|heavy|often)|what (percentage|proportion|share|number|amount|size)|what is the (size|number|cost|total))\b/i;
const TIME_QUESTION = /\b(when|what (day|date|time|year|month)|which (day|date|year|month))\b/i;

const NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|twenty|thirty|forty|fifty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens";
const QUANTITY = new RegExp(String.raw`(\d[\d,.]*\s*(%|bn|m|km|k)?|\b(${NUMBER_WORDS})\b)`, "i");
const TIME = /\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|tomorrow|yesterday|today|tonight|next (week|month|year)|last (week|month|year)|january|february|march|april|june|july|august|september|october|november|december|(19|20)\d{2})\b/i;

export function answerTypeOf(question: string): AnswerType {
  if (QUANTITY_QUESTION.test(question)) return "quantity";
  if (TIME_QUESTION.test(question)) return "time";
  return null;
}

/** Whether a text holds something of the expected type (any text does when none is expected). */
export function hasAnswerType(text: string, type: AnswerType): boolean {
  if (type === "quantity") return QUANTITY.test(text);
  if (type === "time") return TIME.test(text);
  return true;
}
