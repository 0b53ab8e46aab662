import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The user's local time as the C library keeps it (`localtime_r`), for ``ReadableTime``.
///
/// Foundation's `TimeZone.current` resolves the zone's name through ICU: about 0.7 ms at a
/// command's start, more than writing a page of dates, and `list`, `show` and `search` write
/// them at every start. The C library reads the same zone from the system's time zone files
/// in a few microseconds. Only where the two surely name the same zone, so that a session's
/// times read the same in `list` as on the screens and in an export, which keep Foundation's
/// zone (``reads(tz:localtimeLink:isZoneFile:)``).
enum SystemZone {
  /// Whether the C library's local time is the zone Foundation finds, in this process.
  static let isReadable: Bool = {
    var target = [CChar](repeating: 0, count: 4_096)
    let length = readlink("/etc/localtime", &target, target.count - 1)
    let link =
      length > 0
      ? String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self) : nil
    return reads(tz: getenv("TZ").map { String(cString: $0) }, localtimeLink: link) { path in
      var info = stat()
      return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFREG
    }
  }()

  /// The zones' folder, where both read a zone's name.
  static let zoneFolder = "/usr/share/zoneinfo/"

  /// Whether the C library and Foundation read the same zone from `tz` (the `TZ` variable,
  /// nil when unset) and `localtimeLink` (where `/etc/localtime` links, nil when it is not a
  /// link): a zone's name of the Area/Location form (`Europe/London`, `Etc/GMT-3`) or `UTC`,
  /// whose file is a regular file in the zones' folder, named by `TZ` or, when `TZ` is unset,
  /// by the link. Anything else the two read apart, so Foundation keeps it:
  /// - an empty `TZ`, UTC to the C library while Foundation goes to `/etc/localtime`;
  /// - `:Name`, a path or a POSIX rule (`<+0330>-3:30`), which Foundation does not read;
  /// - old names (`EST`, `EST5EDT`), which ICU takes for a region with summer time where the
  ///   files give a fixed offset, or the reverse;
  /// - a folder (`Europe`), a file that is not a zone (`zone.tab`), the `posix/` and `right/`
  ///   copies, and `/etc/localtime` copied rather than linked.
  static func reads(
    tz: String?, localtimeLink: String?, isZoneFile: (String) -> Bool
  ) -> Bool {
    let name: String
    if let tz {
      name = tz
    } else {
      guard let link = localtimeLink, let range = link.range(of: "zoneinfo/") else { return false }
      name = String(link[range.upperBound...])
    }
    // A list, not a set: a set of substrings would be the start's first use of their
    // hashing, whose conformance look-up scans the whole binary (Docs/PERFORMANCE.md).
    let areas = [
      "Africa", "America", "Antarctica", "Arctic", "Asia", "Atlantic", "Australia", "Europe",
      "Indian", "Pacific", "Etc",
    ]
    let parts = name.split(separator: "/", omittingEmptySubsequences: false)
    let named =
      name == "UTC"
      || (parts.count >= 2 && areas.contains { $0 == parts[0] }
        && parts.dropFirst().allSatisfy { part in
          !part.isEmpty && part != "." && part != ".."
            && part.unicodeScalars.allSatisfy {
              ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                || "_+-".unicodeScalars.contains($0)
            }
        })
    return named && isZoneFile(zoneFolder + name)
  }

  /// Seconds local time is ahead of UTC at `date`, summer time included.
  static func secondsFromGMT(for date: Date) -> Int {
    var seconds = time_t(date.timeIntervalSince1970.rounded(.down))
    var parts = tm()
    guard localtime_r(&seconds, &parts) != nil else {
      return TimeZone.current.secondsFromGMT(for: date)
    }
    return Int(parts.tm_gmtoff)
  }
}
