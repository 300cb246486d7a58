import { describe, expect, it } from "vitest";
import { checkUrl } from "./checkUrl";
import { NetError } from "./NetError";

const denyPrivate = { allowPrivateNetworks: false };
const allowPrivate = { allowPrivateNetworks: true };

function refusal(input: string, policy = denyPrivate): NetError {
  try {
    checkUrl(input, policy);
  } catch (error) {
    if (error instanceof NetError) return error;
    throw error;
  }
  throw new Error(`expected ${input} to be refused`);
}

describe("checkUrl", () => {
  it.each([
    "http://127.0.0.1/",
    "http://2130706433/", // decimal
    "http://017700000001/", // octal
    "http://0x7f.1/", // hex, short form
    "http://0x7f000001/",
    "http://0177.0.0.1/",
    "http://127.1/",
    "http://%31%32%37.0.0.1/", // percent-encoded
    "http://127\u30020\u30020\u30021/", // ideographic full stops
    "http://[::1]/",
    "http://[::ffff:127.0.0.1]/",
    "http://[::ffff:7f00:1]:8080/",
    "http://[64:ff9b::127.0.0.1]/",
    "http://0/",
    "http://10.0.0.5/w/api.php",
    "http://169.254.169.254/latest/meta-data/",
    "http://[fd00::1]/",
    "http://100.64.1.1/",
  ])("refuses %s, whatever spelling the IP literal uses", (input) => {
    expect(refusal(input).kind).toBe("blocked_address");
  });

  it("explains a private-network refusal in words a person can act on", () => {
    expect(refusal("http://192.168.0.10/").message).toBe(
      "192.168.0.10 is on a private network; Watchdeck is not allowed to reach it.",
    );
  });

  it("lets loopback and private literals through when the policy allows private networks", () => {
    expect(checkUrl("http://127.0.0.1:8080/api.php", allowPrivate).hostname).toBe("127.0.0.1");
    expect(checkUrl("http://2130706433/", allowPrivate).hostname).toBe("127.0.0.1");
    expect(checkUrl("http://[::1]/", allowPrivate).hostname).toBe("[::1]");
    expect(checkUrl("http://10.1.2.3/", allowPrivate).hostname).toBe("10.1.2.3");
  });

  it("keeps link-local (cloud metadata) closed even when private networks are allowed", () => {
    expect(refusal("http://169.254.169.254/", allowPrivate).kind).toBe("blocked_address");
    expect(refusal("http://[::ffff:169.254.169.254]/", allowPrivate).kind).toBe("blocked_address");
    expect(refusal("http://0.0.0.0/", allowPrivate).kind).toBe("blocked_address");
  });

  it("accepts public literals and host names (names are checked when connecting)", () => {
    expect(checkUrl("https://8.8.8.8/", denyPrivate).hostname).toBe("8.8.8.8");
    expect(checkUrl("https://en.wikipedia.org/w/api.php", denyPrivate).hostname).toBe("en.wikipedia.org");
  });

  it.each(["ftp://example.org/", "file:///etc/passwd", "gopher://example.org/", "not a url", "javascript:alert(1)"])(
    "refuses %s as a bad URL",
    (input) => {
      expect(refusal(input).kind).toBe("bad_url");
    },
  );

  it.each([
    "https://mail.example.org:25/",
    "http://irc.example.org:6667/",
    "http://8.8.8.8:53/",
    "http://127.0.0.1:22/",
  ])("refuses %s: a port of another protocol, even where private networks are allowed", (input) => {
    const error = refusal(input, allowPrivate);
    expect(error.kind).toBe("bad_url");
    expect(error.message).toMatch(/^Port \d+ is for another kind of server/);
  });

  it("accepts web servers on their own ports", () => {
    for (const input of [
      "https://wiki.example.org:8443/",
      "http://wiki.example.org:8080/w/api.php",
      "https://example.org:443/",
      "http://example.org:80/",
    ]) {
      expect(checkUrl(input, denyPrivate).hostname).toMatch(/example\.org$/);
    }
  });

  it("refuses addresses with embedded credentials", () => {
    expect(refusal("https://user:secret@example.org/").kind).toBe("bad_url");
    expect(refusal("https://user:secret@example.org/").message).not.toContain("secret");
  });
});
