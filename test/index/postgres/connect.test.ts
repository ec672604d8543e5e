import { describe, expect, it } from "vitest";
import { UserError } from "../../../src/errors.js";
import { databaseProblem } from "../../../src/index/postgres/connect.js";

const URL = "postgres://news:secret@db.example:5432/news";
const failure = (code: string | undefined, message: string) => Object.assign(new Error(message), code === undefined ? {} : { code });

describe("databaseProblem", () => {
  it("names a full disk and a server with no connection left, with the fix, and never the password", () => {
    const full = databaseProblem(URL, failure("53100", 'could not extend file "base/5/16390": No space left on device'));
    expect(full).toMatchObject({ code: "DATABASE_FULL", message: expect.stringMatching(/is out of disk space .*Free space on the database server/) });
    const busy = databaseProblem(URL, failure("53300", "sorry, too many clients already"));
    expect(busy).toMatchObject({ code: "DATABASE_BUSY", message: expect.stringMatching(/has no connection left .*max_connections/) });
    for (const error of [full, busy]) expect((error as Error).message).not.toContain("secret");
  });

  it("names a refused or dropped connection, and passes other errors and UserErrors through", () => {
    expect(databaseProblem(URL, failure("ECONNREFUSED", "connect ECONNREFUSED"))).toMatchObject({ code: "DATABASE_UNREACHABLE" });
    expect(databaseProblem(URL, failure(undefined, "Connection terminated unexpectedly"))).toMatchObject({ code: "DATABASE_UNREACHABLE" });
    const syntax = failure("42601", "syntax error");
    expect(databaseProblem(URL, syntax)).toBe(syntax);
    const own = new UserError("INDEX_LOCKED", "Another indexer is writing.");
    expect(databaseProblem(URL, own)).toBe(own);
  });
});
