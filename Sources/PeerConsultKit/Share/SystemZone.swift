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
/// in a few microseconds. Only where the two name the same zone, so that a session's times
/// read the same in `list` as on the screens and in an export, which keep Foundation's zone:
/// `TZ` unset with `/etc/localtime` a link into the zone files (Foundation takes the zone's
/// name from the link), or `TZ` a zone's name that the files hold. Any other `TZ` (`:Name`,
/// a path, a POSIX rule, a name missing from a minimal system's files) the two read apart,
/// so it is left to Foundation.
enum SystemZone {
  /// Whether the C library's local time is the zone Foundation finds.
  static let isReadable: Bool = {
    let zones = "/usr/share/zoneinfo/"
    guard let variable = getenv("TZ") else {
      var target = [CChar](repeating: 0, count: 4_096)
      let length = readlink("/etc/localtime", &target, target.count - 1)
      guard length > 0 else { return false }
      let path = String(decoding: target[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
      return path.contains("zoneinfo/") && access("/etc/localtime", R_OK) == 0
    }
    let name = String(cString: variable)
    // UTC to both.
    guard !name.isEmpty else { return true }
    guard !name.hasPrefix(":"), !name.hasPrefix("/"), !name.contains("..") else { return false }
    return access(zones + name, R_OK) == 0
  }()

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
