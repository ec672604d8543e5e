/** Days of the week, lower-case, Monday first. */
export const DAY_NAMES: readonly string[] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/** Months, lower-case, in calendar order (index 0 is January). */
export const MONTH_NAMES: readonly string[] = [
  "january", "february", "march", "april", "may", "june",
  "july", "august", "september", "october", "november", "december",
];

/** Months without "may", which in running text is mostly the verb. */
export const MONTH_NAMES_BUT_MAY: readonly string[] = MONTH_NAMES.filter((month) => month !== "may");
