import { describe, expect, it } from "vitest";
import { classifyAddress } from "./classifyAddress";

describe("classifyAddress", () => {
  it.each([
    ["8.8.8.8", "public"],
    ["1.1.1.1", "public"],
    ["185.15.59.224", "public"],
    ["10.0.0.1", "private"],
    ["10.255.255.255", "private"],
    ["172.16.0.1", "private"],
    ["172.31.255.254", "private"],
    ["172.15.255.255", "public"],
    ["172.32.0.1", "public"],
    ["192.168.1.1", "private"],
    ["127.0.0.1", "loopback"],
    ["127.255.255.254", "loopback"],
    ["169.254.169.254", "link_local"],
    ["169.254.0.1", "link_local"],
    ["100.64.0.1", "shared_cgnat"],
    ["100.127.255.255", "shared_cgnat"],
    ["100.128.0.1", "public"],
    ["0.0.0.0", "this_network"],
    ["0.1.2.3", "this_network"],
    ["224.0.0.1", "multicast"],
    ["239.255.255.250", "multicast"],
    ["240.0.0.1", "reserved"],
    ["255.255.255.255", "reserved"],
    ["192.0.2.10", "reserved"],
    ["198.18.0.1", "reserved"],
    ["192.0.0.8", "reserved"],
    ["192.88.99.1", "reserved"],
    ["198.51.100.7", "reserved"], // documentation
    ["203.0.113.7", "reserved"], // documentation
    ["192.175.48.1", "reserved"], // AS112 DNS sink
    ["192.52.193.1", "reserved"], // AMT relay
  ])("classifies IPv4 %s as %s", (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each([
    ["2606:4700:4700::1111", "public"],
    ["2a02:ec80:300:ed1a::1", "public"],
    ["::1", "loopback"],
    ["[::1]", "loopback"],
    ["::", "this_network"],
    ["fe80::1", "link_local"],
    ["fe80::1%eth0", "link_local"],
    ["febf::1", "link_local"],
    ["fc00::1", "unique_local"],
    ["fd12:3456:789a::1", "unique_local"],
    ["ff02::1", "multicast"],
    ["2001:db8::1", "reserved"],
    ["2001::1", "reserved"], // Teredo
    ["fec0::1", "reserved"],
    ["100::1", "reserved"],
    ["::127.0.0.1", "reserved"], // deprecated IPv4-compatible
    ["::8.8.8.8", "reserved"], // deprecated IPv4-compatible, not IPv4-mapped
    ["4000::1", "reserved"], // outside global unicast
    ["5f00::1", "reserved"], // segment routing, outside global unicast
    ["2001:0:4136:e378:8000:63bf:3fff:fdd2", "reserved"], // Teredo
    ["2001:2::1", "reserved"], // benchmarking
    ["3fff::1", "reserved"], // documentation
    ["2620:4f:8000::1", "reserved"], // AS112 DNS sink
    ["ff05::1:3", "multicast"],
  ])("classifies IPv6 %s as %s", (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each([
    ["::ffff:127.0.0.1", "loopback"],
    ["::ffff:7f00:1", "loopback"],
    ["[::ffff:7f00:1]", "loopback"],
    ["::ffff:10.1.2.3", "private"],
    ["::ffff:169.254.169.254", "link_local"],
    ["::ffff:8.8.8.8", "public"],
    ["0:0:0:0:0:ffff:c0a8:0101", "private"],
    ["::ffff:0:127.0.0.1", "loopback"], // IPv4-translated
    ["64:ff9b::127.0.0.1", "loopback"], // NAT64
    ["64:ff9b::a9fe:a9fe", "link_local"],
    ["64:ff9b::808:808", "public"],
    ["64:ff9b:1::8.8.8.8", "reserved"], // local-use NAT64
    ["2002:7f00:1::", "loopback"], // 6to4 around 127.0.0.1
    ["2002:c0a8:101::1", "private"],
    ["2002:808:808::1", "public"],
  ])("judges IPv6 %s by the IPv4 address it carries (%s)", (address, category) => {
    expect(classifyAddress(address)).toBe(category);
  });

  it.each([
    "localhost",
    "example.org",
    "",
    "1.2.3",
    "::g",
    "127.1",
    "0x7f.0.0.1",
    "2130706433",
    "01.2.3.4",
    "1.2.3.4 ",
  ])("returns null for %j, which is not an IP literal", (text) => {
    expect(classifyAddress(text)).toBeNull();
  });
});
