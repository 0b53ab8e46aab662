import Foundation
import Testing

/// How many times a reading command opens the database file: the start of every command pays
/// for each connection (the schema read, GRDB's set-up statements), so a command's reads go
/// through the connection that looked at the file first (issue 19).
extension CommandLineTests {
  /// Where `strace` is, to see the files a run opens.
  static let strace = "/usr/bin/strace"

  /// The `openat` calls of the database file itself (not its `-wal` or `-shm`) made by
  /// `peerconsult arguments` on `folder`, counted from `strace`'s record.
  func databaseOpenings(_ arguments: [String], in folder: Folder) throws -> Int {
    let record = folder.file("strace-\(UUID().uuidString)")
    let process = Process()
    process.executableURL = URL(fileURLWithPath: Self.strace)
    process.arguments =
      ["-f", "-qq", "-e", "trace=openat", "-o", record.path, TmuxSession.binary] + arguments
      + ["--data-dir", folder.data.path]
    process.environment = ["LANG": "C.UTF-8", "TZ": "UTC", "HOME": folder.url.path]
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationStatus == 0, "\(arguments)")
    let file = "\"" + folder.data.appendingPathComponent("peerconsult.sqlite").path + "\""
    return try String(contentsOf: record, encoding: .utf8).split(separator: "\n").filter {
      $0.contains(file)
    }.count
  }

  @Test(
    .enabled(
      if: FileManager.default.isExecutableFile(atPath: CommandLineTests.strace),
      "needs strace to count the files a run opens"))
  func aReadingCommandReadsThroughTheConnectionThatLooked() throws {
    let folder = try seeded()
    // After the import's clean close the file is alone: the read makes the -wal and -shm it
    // needs, and one more (writable, reading only) connection removes them when it is done.
    for command in [["list"], ["search", "backlog"], ["show", "latest"]] {
      #expect(try databaseOpenings(command, in: folder) == 2, "\(command)")
    }
  }
}
