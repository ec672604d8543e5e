/** The database a URL names, for messages: never its password. */
export function describeDatabase(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.password = "";
    return parsed.toString();
  } catch {
    return "the database in DATABASE_URL";
  }
}
