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
/// them at every start. The C library reads the same zone (the `TZ` variable, else
/// `/etc/localtime`) from the system's time zone files in a few microseconds. Only when those
/// files hold it: a `TZ` they do not (a name missing from a minimal system's files, which the
/// C library would silently take for UTC) leaves the zone to Foundation.
enum SystemZone {
  /// Whether the C library's local time is the zone the environment names.
  static let isReadable: Bool = {
    guard let variable = getenv("TZ") else { return access("/etc/localtime", R_OK) == 0 }
    var name = String(cString: variable)
    if name.hasPrefix(":") { name.removeFirst() }
    // An empty TZ is UTC to both; a name is a file, under the zones' folder unless absolute.
    guard !name.isEmpty else { return true }
    let file = name.hasPrefix("/") ? name : "/usr/share/zoneinfo/" + name
    return !name.contains("..") && access(file, R_OK) == 0
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
