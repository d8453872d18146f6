package org.agentry.tool.control;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * Which IP addresses {@code http_fetch} never connects to: everything that is not a public unicast
 * address. The ranges come from the IANA special-purpose address registries (RFC 6890) and the
 * cloud metadata endpoints (AWS, GCP, Azure: 169.254.169.254; AWS IPv6: fd00:ec2::254).
 */
final class InternalAddresses {

  private InternalAddresses() {}

  /**
   * Why the address is refused, e.g. {@code loopback}, or null when it is a public address. IPv6
   * forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64 64:ff9b::/96, 6to4
   * 2002::/16, Teredo 2001::/32) are judged by the IPv4 address they carry.
   */
  static String refusal(InetAddress address) {
    if (address instanceof Inet4Address v4) {
      return refusal4(v4.getAddress());
    }
    return refusal6(((Inet6Address) address).getAddress());
  }

  private static String refusal4(byte[] b) {
    int a0 = b[0] & 0xff;
    int a1 = b[1] & 0xff;
    if (a0 == 169 && a1 == 254) {
      return (b[2] & 0xff) == 169 && (b[3] & 0xff) == 254 ? "cloud metadata" : "link-local";
    }
    if (a0 == 0) {
      return "unspecified (0.0.0.0/8)";
    }
    if (a0 == 127) {
      return "loopback";
    }
    if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
      return "private (RFC 1918)";
    }
    if (a0 == 100 && (a1 & 0xc0) == 64) {
      return "shared (CGNAT 100.64.0.0/10)";
    }
    if (a0 == 192 && a1 == 0 && (b[2] & 0xff) == 0) {
      return "IETF protocol assignment (192.0.0.0/24)";
    }
    if (a0 == 198 && (a1 & 0xfe) == 18) {
      return "benchmarking (198.18.0.0/15)";
    }
    if (a0 >= 224 && a0 < 240) {
      return "multicast";
    }
    if (a0 >= 240) {
      return "reserved or broadcast (240.0.0.0/4)";
    }
    return null;
  }

  private static String refusal6(byte[] b) {
    int first = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
    if (zeros(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
      return embedded(b, 12, "IPv4-mapped");
    }
    if (zeros(b, 0, 12)) {
      if (zeros(b, 12, 15) && (b[15] == 0 || b[15] == 1)) {
        return b[15] == 0 ? "unspecified" : "loopback";
      }
      return embedded(b, 12, "IPv4-compatible");
    }
    if (first == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b && zeros(b, 4, 12)) {
      return embedded(b, 12, "NAT64");
    }
    if (first == 0x2002) {
      return embedded(b, 2, "6to4");
    }
    if (first == 0x2001 && b[2] == 0 && b[3] == 0) {
      return "Teredo (2001::/32)";
    }
    if (first == 0xfd00 && b[2] == 0x0e && (b[3] & 0xff) == 0xc2) {
      return "cloud metadata";
    }
    if ((first & 0xfe00) == 0xfc00) {
      return "unique local (fc00::/7)";
    }
    if ((first & 0xffc0) == 0xfe80) {
      return "link-local";
    }
    if ((first & 0xffc0) == 0xfec0) {
      return "site-local (fec0::/10)";
    }
    if ((first & 0xff00) == 0xff00) {
      return "multicast";
    }
    if (first == 0x100 && zeros(b, 2, 8)) {
      return "discard-only (100::/64)";
    }
    if (first == 0x2001 && (b[2] & 0xff) == 0x0d && (b[3] & 0xff) == 0xb8) {
      return "documentation (2001:db8::/32)";
    }
    return null;
  }

  private static String embedded(byte[] b, int offset, String form) {
    var v4 = new byte[] {b[offset], b[offset + 1], b[offset + 2], b[offset + 3]};
    var why = refusal4(v4);
    return why == null ? null : form + " " + why;
  }

  private static boolean zeros(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  /**
   * The IPv4 address a host written as an IPv4 literal means to the C library's {@code inet_aton}
   * (and so to curl and browsers): one to four parts, each decimal, octal ({@code 0177}) or hex
   * ({@code 0x7f}), the last filling the remaining bytes ({@code 127.1}, {@code 2130706433}).
   * Returns null when the host is not such a literal, throws when it looks like one but is out of
   * range.
   *
   * @throws UnknownHostException when a part is malformed or too large
   */
  static InetAddress parseIpv4Literal(String host) throws UnknownHostException {
    var parts = host.split("\\.", -1);
    var last = parts[parts.length - 1];
    if (parts.length > 4 || !last.matches("(0[xX][0-9a-fA-F]*|[0-9]+)")) {
      return null;
    }
    long[] values = new long[parts.length];
    for (int i = 0; i < parts.length; i++) {
      values[i] = part(parts[i], host);
    }
    long value = 0;
    for (int i = 0; i < parts.length - 1; i++) {
      if (values[i] > 255) {
        throw new UnknownHostException("bad IPv4 address: " + host);
      }
      value |= values[i] << (8 * (3 - i));
    }
    long rest = values[parts.length - 1];
    if (rest >= 1L << (8 * (4 - (parts.length - 1)))) {
      throw new UnknownHostException("bad IPv4 address: " + host);
    }
    value |= rest;
    return InetAddress.getByAddress(
        new byte[] {(byte) (value >> 24), (byte) (value >> 16), (byte) (value >> 8), (byte) value});
  }

  private static long part(String text, String host) throws UnknownHostException {
    try {
      if (text.startsWith("0x") || text.startsWith("0X")) {
        return text.length() == 2 ? 0 : Long.parseLong(text.substring(2), 16);
      }
      if (text.length() > 1 && text.startsWith("0")) {
        return Long.parseLong(text.substring(1), 8);
      }
      return Long.parseLong(text);
    } catch (NumberFormatException e) {
      throw new UnknownHostException("bad IPv4 address: " + host);
    }
  }
}
