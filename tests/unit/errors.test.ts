import { describe, expect, it } from "vitest";
import { AppError, errorStatus, isAppError, type ErrorCode } from "@/lib/errors";

describe("errorStatus", () => {
  it("maps every code to its standard HTTP status", () => {
    expect(errorStatus).toEqual({
      INVALID_INPUT: 400,
      UNAUTHORIZED: 401,
      FORBIDDEN: 403,
      NOT_FOUND: 404,
      CONFLICT: 409,
      PAYLOAD_TOO_LARGE: 413,
      UNSUPPORTED_MEDIA_TYPE: 415,
      RATE_LIMITED: 429,
    });
  });
});

describe("AppError", () => {
  it.each(Object.entries(errorStatus) as [ErrorCode, number][])(
    "with code %s answers status %i",
    (code, status) => {
      expect(new AppError(code, "m").status).toBe(status);
    },
  );

  it("keeps message, details and cause, and names itself", () => {
    const cause = new Error("db down");
    const error = new AppError("CONFLICT", "email taken", { field: "email" }, { cause });
    expect(error.message).toBe("email taken");
    expect(error.details).toEqual({ field: "email" });
    expect(error.cause).toBe(cause);
    expect(error.name).toBe("AppError");
    expect(error).toBeInstanceOf(Error);
  });
});

describe("isAppError", () => {
  it("recognises AppError and nothing else", () => {
    expect(isAppError(new AppError("NOT_FOUND", "x"))).toBe(true);
    expect(isAppError(new Error("x"))).toBe(false);
    expect(isAppError({ code: "NOT_FOUND", status: 404, message: "x" })).toBe(false);
    expect(isAppError(null)).toBe(false);
  });
});
