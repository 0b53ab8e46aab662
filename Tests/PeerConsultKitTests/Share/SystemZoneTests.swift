import Testing

@testable import PeerConsultKit

/// `list` reads local time from the C library only where Foundation, which the screens and
/// exports use, surely finds the same zone; every other `TZ` and `/etc/localtime` stays
/// Foundation's, whatever this machine's own zone is.
@Suite struct SystemZoneTests {
  /// The zone files of a system with tzdata: regular files, and folders that are not zones.
  private static let files: Set<String> = [
    "Europe/London", "Europe/Berlin", "America/St_Johns", "America/Argentina/Buenos_Aires",
    "Etc/GMT-3", "UTC", "EST", "EST5EDT", "zone.tab", "posix/Europe/Berlin",
    "right/Europe/Berlin", "Europe/Zürich", "Europe/New York",
  ]

  private func reads(_ tz: String?, link: String? = nil) -> Bool {
    SystemZone.reads(tz: tz, localtimeLink: link) { path in
      path.hasPrefix(SystemZone.zoneFolder)
        && Self.files.contains(String(path.dropFirst(SystemZone.zoneFolder.count)))
    }
  }

  @Test(arguments: [
    "Europe/London", "Europe/Berlin", "America/St_Johns", "America/Argentina/Buenos_Aires",
    "Etc/GMT-3", "UTC",
  ])
  func aZonesNameTheFilesHoldIsRead(_ tz: String) {
    #expect(reads(tz))
  }

  @Test(arguments: [
    "", ":Europe/Berlin", "/usr/share/zoneinfo/Europe/Berlin", "<+0330>-3:30", "EST", "EST5EDT",
    "Europe", "zone.tab", "posix/Europe/Berlin", "right/Europe/Berlin", "Nowhere/Zone",
    "Europe/../Europe/Berlin", "Europe//Berlin", "Europe/Berlin/", "Europe/Zürich",
    "Europe/New York",
  ])
  func anythingElseIsLeftToFoundation(_ tz: String) {
    #expect(!reads(tz))
  }

  @Test func withoutTZTheLinkNamesTheZone() {
    #expect(reads(nil, link: "/usr/share/zoneinfo/Europe/London"))
    #expect(reads(nil, link: "../usr/share/zoneinfo/Etc/GMT-3"))
    // Copied rather than linked, or linked to what is not a zone's name.
    #expect(!reads(nil, link: nil))
    #expect(!reads(nil, link: "/usr/share/zoneinfo/posix/Europe/Berlin"))
    #expect(!reads(nil, link: "/usr/share/zoneinfo/EST"))
    #expect(!reads(nil, link: "/etc/my-zone"))
    // TZ, even empty, is read before the link.
    #expect(!reads("", link: "/usr/share/zoneinfo/Europe/London"))
  }
}
