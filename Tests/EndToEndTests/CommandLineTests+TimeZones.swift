import Foundation
import Testing

extension CommandLineTests {
  /// Zones with summer time on either side of the equator, half-hour offsets, and UTC.
  static let listedZones = [
    "Europe/London", "Europe/Berlin", "America/St_Johns", "Australia/Sydney", "Asia/Kolkata",
    "UTC",
  ]

  /// Moments around 2027's summer time changes in those zones (each change, half an hour
  /// either side and on it), a spread over the year, 2040 and the end of 2099.
  static let listedMoments: [Date] = {
    let changes: [Double] = [
      1_806_195_600,  // 2027-03-28 01:00 UTC: Europe's summer time begins
      1_824_944_400,  // 2027-10-31 01:00 UTC: and ends
      1_805_002_200,  // 2027-03-14 05:30 UTC: St John's begins
      1_825_561_800,  // 2027-11-07 04:30 UTC: and ends
      1_806_768_000,  // 2027-04-03 16:00 UTC: Sydney's ends
      1_822_492_800,  // 2027-10-02 16:00 UTC: and begins
    ]
    let around = changes.flatMap { [$0 - 1_800, $0 - 60, $0, $0 + 60, $0 + 1_800] }
    let spread = stride(from: 1_798_761_600.0, to: 1_830_297_600, by: 2_592_000 + 3_661)
    return (around + spread + [2_208_988_800, 4_102_444_799]).map(Date.init(timeIntervalSince1970:))
  }()

  /// An export of one session per moment, each only set up (no phase run), titled by its
  /// index, with the golden export's setup.
  private func momentsExport(in folder: Folder) throws -> URL {
    let golden = try Data(contentsOf: Self.sessionsExport)
    var file = try #require(try JSONSerialization.jsonObject(with: golden) as? [String: Any])
    let template = try #require((file["sessions"] as? [[String: Any]])?.first)
    let firstEvent = try #require((template["events"] as? [[String: Any]])?.first)
    let iso = ISO8601DateFormatter()
    iso.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
    file["sessions"] = try Self.listedMoments.enumerated().map { index, moment in
      var event = firstEvent
      var setup = try #require(event["setup"] as? [String: Any])
      setup["title"] = "Moment \(index)"
      event["setup"] = setup
      event["at"] = iso.string(from: moment)
      return ["id": String(format: "%032x", index + 1), "events": [event]]
    }
    let url = folder.file("moments.json")
    try JSONSerialization.data(withJSONObject: file).write(to: url)
    return url
  }

  /// `list` and `show` write each session's start in the user's zone as the C library reads
  /// it (`SystemZone`), not through Foundation's ICU: they must write what the Gregorian
  /// calendar gives in that zone, across summer time changes, in both hemispheres and at
  /// half-hour offsets, and `show` the zone's offset at that moment.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin"),
      "needs the system's time zone files (Debian's tzdata)"),
    arguments: listedZones)
  func listWritesStartsInTheUsersZone(_ name: String) throws {
    let folder = try Folder()
    let imported = try run(["import", try momentsExport(in: folder).path], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    let listed = try run(["list", "--all"], in: folder, timeZone: name)
    #expect(listed.status == 0, "\(listed.stderr)")
    var calendar = Calendar(identifier: .gregorian)
    calendar.timeZone = try #require(TimeZone(identifier: name))
    for (index, moment) in Self.listedMoments.enumerated() {
      let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: moment)
      let started = String(
        format: "%04d-%02d-%02d %02d:%02d", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
        parts.hour ?? 0, parts.minute ?? 0)
      let row = listed.stdout.split(separator: "\n").first { $0.contains("Moment \(index) ") }
      #expect(row?.contains(started) == true, "\(moment) in \(name): \(row ?? "no row")")
      // `show` writes the start and the zone's offset at that moment the same way.
      guard index.isMultiple(of: 3) else { continue }
      let shown = try run(["show", String(format: "%032x", index + 1)], in: folder, timeZone: name)
      let offset = calendar.timeZone.secondsFromGMT(for: moment) / 60
      let zone =
        offset == 0
        ? "UTC"
        : String(
          format: "UTC%@%02d:%02d", offset < 0 ? "-" : "+", abs(offset) / 60, abs(offset) % 60)
      let when = shown.stdout.split(separator: "\n").first { $0.hasPrefix("- When: ") }
      // The session was only set up: its last entry is its start, and it is not finished.
      #expect(
        when == "- When: \(started) \(zone), not finished (last entry \(started.suffix(5)))",
        "\(moment) in \(name): \(when ?? "no line")")
    }
  }

  /// Where the C library and Foundation would read `TZ` apart (a leading colon, a path, a
  /// POSIX rule, an old name such as `EST`), `list` keeps Foundation's zone, so a session's
  /// start reads the same in `list` as in an export, which Foundation's zone writes.
  @Test(
    .enabled(
      if: FileManager.default.fileExists(atPath: "/usr/share/zoneinfo/Europe/Berlin"),
      "needs the system's time zone files (Debian's tzdata)"),
    arguments: [
      "Europe/Berlin", ":Europe/Berlin", "/usr/share/zoneinfo/Europe/Berlin", "<+0330>-3:30",
      "EST5EDT", "EST", "", "Nowhere/Zone",
    ])
  func listAndAnExportReadTheZoneAlike(_ name: String) throws {
    let folder = try Folder()
    let imported = try run(["import", try momentsExport(in: folder).path], in: folder)
    #expect(imported.status == 0, "\(imported.stderr)")
    let listed = try run(["list", "--all"], in: folder, timeZone: name)
    let exported = try run(["export", "--all", "--format", "markdown"], in: folder, timeZone: name)
    #expect(listed.status == 0 && exported.status == 0, "\(listed.stderr)\(exported.stderr)")
    // Each session's "- **When:** DAY TIME ..." line in the export.
    let lines = exported.stdout.split(separator: "\n")
    for index in Self.listedMoments.indices {
      guard let heading = lines.firstIndex(of: "# Moment \(index)"),
        let when = lines[heading...].first(where: { $0.hasPrefix("- **When:** ") })
      else {
        Issue.record("Moment \(index) not exported under \(name)")
        continue
      }
      let started = String(when.dropFirst("- **When:** ".count).prefix(16))
      let row = listed.stdout.split(separator: "\n").first { $0.contains("Moment \(index) ") }
      #expect(row?.contains(started) == true, "\(name): \(row ?? "no row") against \(when)")
    }
  }
}
