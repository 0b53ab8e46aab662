import Foundation
import Testing

/// Commands that only read open the database read-only: they change no byte of the data
/// folder and work when it is read-only.
extension CommandLineTests {
  /// Every command that reads the database, with arguments that make it read all of it.
  static let readingCommands: [[String]] = [
    ["list"], ["list", "--json"], ["show", "latest"], ["search", "refer*"],
    ["search", "backlog", "--json"], ["actions"], ["export", "--all", "--format", "json"],
    ["export", "--all", "--format", "html"], ["harvest", "--programme", "alcohol plan"],
    ["protocols"], ["protocols", "show", "wise-crowds"],
  ]

  /// Where `runuser` is, to run the binary as a user that file modes bind.
  static let runuser = "/usr/sbin/runuser"

  /// A test that needs file modes to bind the binary: chmod does not bind root, so as root the
  /// binary runs as `nobody` through runuser, and without runuser the test is skipped.
  static var bindsFileModes: ConditionTrait {
    .enabled(
      if: getuid() != 0 || FileManager.default.isExecutableFile(atPath: runuser),
      "as root, needs runuser to run the binary as a user that file modes bind")
  }

  /// The user to run the binary as so that file modes bind it (`nobody` when the tests run as
  /// root, else the tests' own, nil), given `paths`, the ones of them that exist, to own.
  func userBoundByFileModes(owning paths: [String]) throws -> String? {
    guard getuid() == 0 else { return nil }
    let account = try #require(getpwnam("nobody"), "no user nobody")
    for path in paths where FileManager.default.fileExists(atPath: path) {
      #expect(chown(path, account.pointee.pw_uid, account.pointee.pw_gid) == 0)
    }
    return "nobody"
  }

  /// Each file in `folder` and its subfolders (the marks of `locks/`): its bytes and its
  /// modification time, to the nanosecond; a subfolder's time changes when a file in it comes
  /// or goes. The `-shm` file is SQLite's shared memory, where every reader of a WAL database
  /// takes its locks and read marks: only whether it is there counts.
  struct FolderSnapshot: Equatable, CustomStringConvertible {
    var files: [String: (bytes: Data, modified: timespec)]

    init(_ folder: URL) throws {
      files = [:]
      for name in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
        let path = folder.appendingPathComponent(name).path
        var info = stat()
        guard stat(path, &info) == 0 else { throw HarnessError("cannot stat \(path)") }
        let isFolder = info.st_mode & S_IFMT == S_IFDIR
        files[name] = (
          isFolder ? Data() : try Data(contentsOf: URL(fileURLWithPath: path)), info.st_mtim
        )
      }
    }

    static func == (a: Self, b: Self) -> Bool {
      a.files.keys == b.files.keys
        && a.files.allSatisfy { name, file in
          guard let other = b.files[name] else { return false }
          return name.hasSuffix("-shm")
            || file.bytes == other.bytes && file.modified.tv_sec == other.modified.tv_sec
              && file.modified.tv_nsec == other.modified.tv_nsec
        }
    }

    var description: String {
      files.keys.sorted().map { name in
        let file = files[name]!
        return "\(name): \(file.bytes.count) bytes, modified \(file.modified.tv_sec)."
          + "\(file.modified.tv_nsec)"
      }.joined(separator: "; ")
    }
  }

  /// Runs every reading command and checks that each succeeds and leaves the data folder
  /// exactly as it was.
  private func expectEveryReadingCommandChangesNothing(
    in folder: Folder, as user: String? = nil, sourceLocation: SourceLocation = #_sourceLocation
  ) throws {
    let before = try FolderSnapshot(folder.data)
    for command in Self.readingCommands {
      let result = try run(command, in: folder, as: user)
      #expect(result.status == 0, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
      #expect(result.stderr.isEmpty, "\(command): \(result.stderr)", sourceLocation: sourceLocation)
      let after = try FolderSnapshot(folder.data)
      #expect(after == before, "\(command) changed \(after)", sourceLocation: sourceLocation)
    }
  }

  @Test func readingCommandsChangeNoByteOfTheDataFolder() throws {
    let folder = try seeded()
    // As a command that wrote left it: the -wal and -shm files may still be there.
    try expectEveryReadingCommandChangesNothing(in: folder)
    // As a copied-in database: the file alone. A read must not leave companions behind.
    for suffix in ["-wal", "-shm"] {
      let companion = folder.data.appendingPathComponent("peerconsult.sqlite" + suffix)
      if FileManager.default.fileExists(atPath: companion.path) {
        try FileManager.default.removeItem(at: companion)
      }
    }
    // Beside it, the folder of marks the writers' clean closes left (OpeningMarker).
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: folder.data.path).sorted() == [
        "locks", "peerconsult.sqlite",
      ])
    try expectEveryReadingCommandChangesNothing(in: folder)
  }

  /// A folder and file made read-only (0500/0400). chmod does not bind root, so as root the
  /// commands run as `nobody` through runuser; without runuser they are skipped.
  @Test(CommandLineTests.bindsFileModes)
  func readingCommandsWorkInAReadOnlyFolder() throws {
    for keepCompanions in [false, true] {
      let folder = try seeded()
      let data = folder.data
      let names = try FileManager.default.contentsOfDirectory(atPath: data.path)
      for name in names where !keepCompanions && name != "peerconsult.sqlite" {
        try FileManager.default.removeItem(at: data.appendingPathComponent(name))
      }
      // The binary's user must be able to reach the folder, but not write to it.
      let user = try userBoundByFileModes(
        owning: [folder.url.path, data.path] + names.map { data.appendingPathComponent($0).path })
      for name in try FileManager.default.contentsOfDirectory(atPath: data.path) {
        #expect(chmod(data.appendingPathComponent(name).path, 0o400) == 0)
      }
      #expect(chmod(data.path, 0o500) == 0)
      defer { _ = chmod(data.path, 0o700) }
      try expectEveryReadingCommandChangesNothing(in: folder, as: user)
      let listed = try run(["list"], in: folder, as: user)
      #expect(listed.stdout.contains("Street pastors"), "\(listed.stdout)")
    }
  }

  /// A writing command facing a read-only database file (in a folder it may write) refuses in
  /// one line and leaves nothing beside the file: SQLite's failing open used to leave `-wal` and
  /// `-shm` files of mode 0400 that kept every later command failing after the mode was fixed
  /// as told (issue 14, item 10).
  @Test(CommandLineTests.bindsFileModes)
  func aReadOnlyDatabaseFileIsRefusedLeavingNothingBesideIt() throws {
    let folder = try seeded()
    let data = folder.data
    for name in try FileManager.default.contentsOfDirectory(atPath: data.path)
    where name != "peerconsult.sqlite" {
      try FileManager.default.removeItem(at: data.appendingPathComponent(name))
    }
    let user = try userBoundByFileModes(
      owning: [folder.url.path, data.path, data.appendingPathComponent("peerconsult.sqlite").path])
    let file = data.appendingPathComponent("peerconsult.sqlite")
    #expect(chmod(file.path, 0o400) == 0)
    let before = try FolderSnapshot(data)
    let refused = try run(["import", Self.sessionsExport.path], in: folder, as: user)
    #expect(refused.status == 1)
    #expect(refused.stderr.contains("(the file is read-only)"), "\(refused.stderr)")
    #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    let after = try FolderSnapshot(data)
    #expect(after == before, "the refusal left \(after)")
    // Once the mode is fixed as told, the command works.
    #expect(chmod(file.path, 0o600) == 0)
    let again = try run(["import", Self.sessionsExport.path], in: folder, as: user)
    #expect(again.status == 0, "\(again.stderr)")
  }

  /// A data folder its user cannot look in (`chmod -R 600` takes a folder's search bit) is
  /// named, with status 1, by reading and writing commands alike: before, every command said
  /// there were no sessions yet, with status 0, and `import` blamed the disk.
  @Test(CommandLineTests.bindsFileModes)
  func aFolderThatCannotBeLookedInIsNamed() throws {
    let folder = try seeded()
    let data = folder.data
    let user = try userBoundByFileModes(owning: [folder.url.path, data.path])
    #expect(chmod(data.path, 0o600) == 0)
    defer { _ = chmod(data.path, 0o700) }
    for command in [["list"], ["show", "latest"], ["import", Self.sessionsExport.path]] {
      let refused = try run(command, in: folder, as: user)
      #expect(refused.status == 1, "\(command): \(refused.stdout)")
      #expect(
        refused.stderr.hasPrefix("Error: Cannot open \(data.path) (Permission denied)"),
        "\(command): \(refused.stderr)")
      #expect(refused.stderr.split(separator: "\n").count == 1, "\(refused.stderr)")
    }
  }

  /// A backup its user cannot read is named as one that cannot be read, with what to do:
  /// before, it was "not a PeerConsult backup (Cannot open … (Permission denied): … choose
  /// another folder with --data-dir)", the data folder's advice inside the file's refusal.
  @Test(CommandLineTests.bindsFileModes)
  func aBackupThatCannotBeReadIsNamed() throws {
    let folder = try seeded()
    let backup = folder.file("sessions.peerconsult")
    #expect(try run(["backup", backup.path], in: folder).status == 0)
    let user = try userBoundByFileModes(owning: [folder.url.path, folder.data.path])
    #expect(chmod(backup.path, 0) == 0)
    expectRefusal(
      try run(["restore", backup.path, "--yes"], in: folder, as: user),
      mentioning: "Cannot read \(backup.path) (Permission denied): check its permissions; "
        + "nothing was restored.")
  }

  /// A data folder that is a file is named so by reading commands too; `list` said there were
  /// no sessions yet, with status 0.
  @Test func aDataFolderThatIsAFileIsNamed() throws {
    let folder = try Folder()
    try "not a folder".write(to: folder.data, atomically: true, encoding: .utf8)
    for command in [["list"], ["search", "x"], ["show", "latest"]] {
      expectRefusal(try run(command, in: folder), mentioning: "is a file, not a folder")
    }
  }
}
