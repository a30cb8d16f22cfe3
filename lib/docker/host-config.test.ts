import { describe, expect, it } from "vitest";
import { displayUrl } from "./host-config";

describe("displayUrl", () => {
  it.each([
    ["tcp://admin:s3cret@10.0.0.7:2376", "tcp://10.0.0.7:2376"],
    ["ssh://deploy@bravo.internal", "ssh://bravo.internal"],
    ["ssh://deploy:p%2Fss@bravo.internal:2222", "ssh://bravo.internal:2222"],
    ["tcp://10.0.0.7:2376/?token=abc#frag", "tcp://10.0.0.7:2376"],
    ["tcp://10.0.0.7:2376?token=abc", "tcp://10.0.0.7:2376"],
    ["unix:///var/run/docker.sock", "unix:///var/run/docker.sock"],
    ["unix:///run/wharf-fleet/alpha.sock?x=1", "unix:///run/wharf-fleet/alpha.sock"],
  ])("shows %s as %s", (url, shown) => {
    expect(displayUrl(url)).toBe(shown);
  });

  it.each([
    "tcp://admin:pa/ss@10.0.0.7:2376",
    "tcp://admin:12/34@10.0.0.7:2376",
    "ssh://deploy:12?34@bravo.internal",
    "tcp://admin:12#34@10.0.0.7:2376",
    "ssh://deploy:se@cr/et@bravo.internal",
  ])("never shows any part of the user info of %s", (url) => {
    // A "/", "?" or "#" in the password cuts the parsed host short: the "host" would be the user name.
    const scheme = url.slice(0, 4);
    expect(displayUrl(url)).toBe(
      `${scheme}//(not shown: percent-encode any "/", "?", "#" or "@" in the user name or password)`,
    );
  });
});
