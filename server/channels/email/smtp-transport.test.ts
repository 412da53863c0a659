import { describe, expect, it } from "vitest";
import { SendError } from "../types";
import { toSendError } from "./smtp-transport";

describe("SMTP error mapping", () => {
  it("5xx is permanent, with the server's own words", () => {
    const e = toSendError(Object.assign(new Error("Can't send mail"), { responseCode: 550, response: "550 5.1.1 <x@y>: User unknown" }));
    expect(e).toMatchObject({ permanent: true, message: "550 5.1.1 <x@y>: User unknown" });
  });

  it("4xx, refused connections and timeouts are temporary", () => {
    expect(toSendError(Object.assign(new Error("x"), { responseCode: 421, response: "421 try later" }))).toMatchObject({
      permanent: false,
      message: "Temporary SMTP failure: 421 try later",
    });
    expect(toSendError(Object.assign(new Error("connect ECONNREFUSED"), { code: "ESOCKET" })).permanent).toBe(false);
    expect(toSendError(Object.assign(new Error("Greeting never received"), { code: "ETIMEDOUT" }))).toMatchObject({
      permanent: false,
      message: "Temporary SMTP failure: ETIMEDOUT: Greeting never received",
    });
  });

  it("keeps a SendError as it is", () => {
    const e = new SendError("no SMTP server", true);
    expect(toSendError(e)).toBe(e);
  });
});
