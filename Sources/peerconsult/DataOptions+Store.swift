import ArgumentParser
import Foundation
import PeerConsultKit
import Synchronization
import TerminalKit

extension DataOptions {
  /// The data folder's database for a command that only reads, opened read-only, or nil when
  /// the folder holds none yet: reading never creates one and changes no byte of the file.
  func existingDatabase() throws -> AppDatabase? {
    try AppDatabase.openForReading(directory: location.dataDirectory).map {
      warningAboutTheFolder(of: announcingUpgrade($0))
    }
  }

  /// The data folder's database opened for writing, refused (nothing created) when the folder
  /// has none: for commands that change stored sessions (`delete`, `erase-person`).
  func existingDatabaseForWriting() throws -> AppDatabase {
    guard let reader = try existingDatabase() else { throw StoreError.noSessions }
    try reader.close()
    return try database()
  }

  /// The data folder's database for a command that writes, created if need be.
  func database() throws -> AppDatabase {
    warningAboutTheFolder(of: announcingUpgrade(try AppDatabase(directory: location.dataDirectory)))
  }

  /// What read-only commands say about a folder without a database.
  var noSessionsYet: String {
    "No sessions yet in \(location.dataDirectory.path)."
  }
}

extension SessionRecords {
  /// Says on standard error, one line each, which sessions were left out because they do not
  /// rebuild.
  func reportSkipped() {
    for error in skipped { printError(CommandText.skipped(error)) }
  }

  /// Ends the command with status 1 when a session was left out: the rest was written, but a
  /// script must not take it for the whole.
  func failIfSkipped() throws {
    if !skipped.isEmpty { throw ExitCode.failure }
  }
}

/// `database`, after saying on standard error what opening it found: that it upgraded the
/// schema, or that the write-ahead log is damaged and its files were copied aside. A command
/// that opens the database twice (to read, then to write) says each thing once.
func announcingUpgrade(_ database: AppDatabase) -> AppDatabase {
  for notice in [database.upgradeNotice, database.logDamageNotice].compactMap({ $0 }) {
    let isNew = announced.withLock { $0.insert(notice).inserted }
    if isNew { printError(notice) }
  }
  return database
}

/// What ``announcingUpgrade(_:)`` has said in this process.
private let announced = Mutex<Set<String>>([])

extension AppDatabase {
  /// Closes the database a command opened, and leaves the closed object to the process's end
  /// instead of freeing it.
  ///
  /// Closing is what matters: SQLite's connection, the tidy of the `-wal` and `-shm` files a
  /// read made, the clean-close record. Freeing the object afterwards cost each command about
  /// 0.6 ms on Linux, spent in GRDB's `DatabaseQueue` deinitialiser: it removes itself from
  /// Foundation's `NotificationCenter` (whose first dynamic cast looks a type up by name in
  /// the whole binary) and releases a `DispatchQueue` (whose disposal starts a worker thread
  /// for a reading command). The process's exit returns the memory at once, as a compiler
  /// skips freeing its trees (clang's `-disable-free`). Each command does this at most once or
  /// twice, before anything long-running may follow (a screen, a follow); the screens open and
  /// close databases for as long as they run, and free them. A close that fails leaves the
  /// object to be freed as before, so that its deinitialisers finish what the close could not.
  func closeForExit() {
    do { try close() } catch { return }
    _ = Unmanaged.passRetained(self)
  }

  /// The stored name of the programme typed as `name` (in any case, with or without accents),
  /// or a refusal that lists the programmes there are.
  func resolveProgramme(_ name: String) throws -> String {
    guard let found = try programme(named: name) else {
      throw ShareError.noSuchProgramme(name, known: try programmeNames())
    }
    return found
  }
}

/// Formats for `export` and `harvest`.
enum FormatOption: String, CaseIterable, ExpressibleByArgument {
  case markdown, html, json

  var shareFormat: ShareFormat {
    switch self {
    case .markdown: .markdown
    case .html: .html
    case .json: .json
    }
  }

  /// The format a file's name asks for: `.md` or `.markdown`, `.html` or `.htm`, `.json`; nil
  /// for another name. `harvest -o report.html` wrote Markdown into a file named `.html`.
  init?(forFile path: String) {
    switch (path as NSString).pathExtension.lowercased() {
    case "md", "markdown": self = .markdown
    case "html", "htm": self = .html
    case "json": self = .json
    default: return nil
    }
  }
}

/// Where `export` and `harvest` write: standard output, or a private file.
struct OutputOptions: ParsableArguments {
  @Option(
    name: [.short, .customLong("output")],
    help: ArgumentHelp(
      "Write to this file (readable by you only) instead of standard output (- is standard "
        + "output).", valueName: "PATH"))
  var output: String?

  /// The file to write, or nil for standard output: none given, or `-`, as other tools take it.
  var path: String? { output == "-" ? nil : output }

  @Flag(help: "Replace the output file if it already exists.")
  var force = false

  /// The format to write: `given` (`--format`), or the one the output file's name asks for;
  /// nil when neither says.
  func format(_ given: FormatOption?) -> FormatOption? {
    given ?? path.flatMap(FormatOption.init(forFile:))
  }

  /// Writes the pieces `produce` hands to its argument as they come: to standard output, or
  /// to a private file put in place once `produce` is done (``PrivateFileWriter``), so a
  /// failure half way leaves no half file. `produce` returns what it wrote, to confirm a file
  /// with, or nil when it wrote nothing: then no file is made.
  func stream(_ produce: (_ write: (String) throws -> Void) throws -> String?) throws {
    guard let path else {
      _ = try produce { try StandardOutput.write($0) }
      return
    }
    let url = URL(fileURLWithPath: (path as NSString).expandingTildeInPath)
    let writer = try PrivateFileWriter(to: url, replacing: force)
    // Cleaned as standard output is, a piece at a time: each piece is whole lines.
    guard let what = try produce({ try writer.write(CommandText.printable($0)) }) else {
      writer.abandon()
      return
    }
    try writer.commit()
    try StandardOutput.line("Wrote \(what) to \(ControlCharacters.spelledOut(url.path)).")
  }
}

/// The width of the terminal standard output is, which tables are cut to fit; nil when it is
/// piped or written to a file, which get every cell whole.
var outputColumns: Int? { WindowSize(of: STDOUT_FILENO)?.columns }

/// Whether standard output is a terminal that may be styled (not piped, NO_COLOR unset).
var stylesOutput: Bool {
  let environment = ProcessInfo.processInfo.environment
  return isatty(STDOUT_FILENO) == 1 && (environment["NO_COLOR"] ?? "").isEmpty
    && environment["TERM"] != "dumb"
}
