import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The data folder and the privacy of the files in it.
///
/// A folder PeerConsult creates is made 0700. A folder that already exists keeps its mode,
/// because the user may have chosen it (`--data-dir`) for other things too; the database
/// files in it are always 0600, so the transcripts stay private either way, and
/// ``AppDatabase/folderPermissionWarning`` says when others can list the folder (every
/// command prints it on standard error).
enum DataFolder {
  /// Makes sure `folder` exists (created 0700) and is writable, without touching anything
  /// already in it.
  static func prepare(_ folder: URL) throws(StoreError) {
    let path = folder.path
    if try !existsAsFolder(folder) { try create(folder) }
    // SQLite must create its -wal and -shm files beside the database.
    guard access(path, W_OK | X_OK) == 0 else { throw .folderNotWritable(path: path) }
  }

  /// Whether `folder` exists; a file or anything else in its place is refused, so a reading
  /// command does not take it for an empty data folder.
  static func existsAsFolder(_ folder: URL) throws(StoreError) -> Bool {
    let path = folder.path
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else { throw .notAFolder(path: path) }
      return true
    }
    guard errno == ENOENT else {
      throw .folderNotCreatable(path: path, reason: String(cString: strerror(errno)))
    }
    // A link whose target is missing: creating the folder fails, and was then named "not
    // writable".
    if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFLNK {
      let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) ?? "?"
      throw .folderNotCreatable(
        path: path, reason: "it is a link to \(target), which does not exist")
    }
    return false
  }

  /// Creates `folder` and every missing folder above it 0700, whatever the umask: a folder
  /// made on the way (`~/.local/share`) would otherwise show the data folder's name to others.
  static func create(_ folder: URL) throws(StoreError) {
    var missing: [String] = []
    var ancestor = folder.standardizedFileURL
    while ancestor.path != "/", try !existsAsFolder(ancestor) {
      missing.append(ancestor.path)
      ancestor = ancestor.deletingLastPathComponent()
    }
    for path in missing.reversed() {
      if mkdir(path, 0o700) != 0 && errno != EEXIST {
        throw .folderNotCreatable(path: path, reason: String(cString: strerror(errno)))
      }
      // The umask may have taken more than group and other bits away.
      _ = chmod(path, 0o700)
    }
  }

  /// True when this process may change `url`: create files in a folder, write to a file.
  static func isWritable(_ url: URL) -> Bool {
    access(url.path, W_OK) == 0
  }

  /// The names of the entries of `folder` (without `.` and `..`), in no order; none when it
  /// cannot be read. The C library's listing rather than `FileManager`'s, which at a start is
  /// Foundation's first use of its directory sequence, whose conformance look-up scans the
  /// whole binary: every opening lists `<data>/locks` (`OpeningMarker`). The log's rescue
  /// lists the data folder with it too (`WriteAheadLogRescue`).
  static func names(in folder: URL) -> [String] {
    guard let directory = opendir(folder.path) else { return [] }
    defer { closedir(directory) }
    var names: [String] = []
    while let entry = readdir(directory) {
      let name = withUnsafeBytes(of: entry.pointee.d_name) { bytes in
        String(decoding: bytes.prefix { $0 != 0 }, as: UTF8.self)
      }
      if name != "." && name != ".." { names.append(name) }
    }
    return names
  }

  /// The permission bits of `url`, or nil if it cannot be read.
  static func mode(of url: URL) -> mode_t? {
    var info = stat()
    return stat(url.path, &info) == 0 ? info.st_mode & 0o7777 : nil
  }

  /// Creates the empty database file 0600 if it does not exist yet.
  static func createPrivateFile(_ file: URL) throws(StoreError) {
    let descriptor = open(file.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
    guard descriptor >= 0 else {
      throw .cannotOpen(path: file.path, reason: String(cString: strerror(errno)))
    }
    close(descriptor)
  }

  /// Takes every permission but the owner's read and write away from the database file and
  /// its SQLite companions (0644 becomes 0600; a file made read-only stays read-only). SQLite
  /// gives a new -wal or -shm file the database file's mode, so keeping the database file
  /// private keeps them private too; this also repairs files copied in with looser modes.
  static func makePrivate(_ file: URL) {
    for suffix in ["", "-wal", "-shm", "-journal"] {
      let url = URL(fileURLWithPath: file.path + suffix)
      if let mode = mode(of: url), mode & ~0o600 != 0 { _ = chmod(url.path, mode & 0o600) }
    }
  }
}

extension DataFolder {
  /// Puts the database made and closed in the private folder `aside` in place as `folder`'s:
  /// the whole of `aside` becomes `folder` when that does not exist (its missing ancestors made
  /// 0700 first), else the database file is hard-linked into it, which never replaces a file.
  /// Returns false, moving nothing, when `folder` holds a database by then (another program's),
  /// or when the closed database is not one file.
  static func moveIn(_ aside: URL, as folder: URL) throws(StoreError) -> Bool {
    let file = aside.appendingPathComponent(AppDatabase.fileName)
    var log = stat()
    // A closed database has folded its log back into the file; the link moves the file only.
    if stat(file.path + "-wal", &log) == 0, log.st_size > 0 { return false }
    if try existsAsFolder(folder) {
      let target = folder.appendingPathComponent(AppDatabase.fileName)
      if link(file.path, target.path) == 0 { return true }
      if errno == EEXIST { return false }
      throw .writeFailed(path: target.path, reason: String(cString: strerror(errno)))
    }
    let parent = folder.deletingLastPathComponent()
    if try !existsAsFolder(parent) { try create(parent) }
    if rename(aside.path, folder.path) == 0 { return true }
    if errno == EEXIST || errno == ENOTEMPTY { return false }
    throw .folderNotCreatable(path: folder.path, reason: String(cString: strerror(errno)))
  }
}
