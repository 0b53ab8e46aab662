import Foundation

/// A connection service file as libpq reads it (`~/.pg_service.conf`, or the file
/// `PGSERVICEFILE` names, then `pg_service.conf` in `PGSYSCONFDIR`): sections named in
/// brackets, each a service, holding `keyword=value` lines; `#` starts a comment line.
///
/// A service is named by `service=NAME` in a store's address, or by `PGSERVICE`; its values
/// stand in for what the address leaves out, as libpq's do. Only the settings a store's
/// address reads are accepted (host, port, dbname, user, sslmode, connect_timeout, and the
/// password, which libpq lets a service carry); a file too large, a line that is not a
/// setting or a setting PeerConsult does not read is refused in one line that names the file
/// and the line.
public struct ServiceFile: Hashable, Sendable {
  /// Larger files are refused unread: a service is a few lines.
  static let maximumFileSize = 1024 * 1024
  /// The settings a service may give.
  static let keywords: Set<String> = [
    "host", "port", "dbname", "user", "password", "sslmode", "connect_timeout",
  ]

  /// Where the file was read, for messages.
  public let path: String
  /// Each service's settings, by service name.
  public let services: [String: [String: String]]

  /// Reads `text` as the file at `path`.
  public init(text: String, path: String) throws(StoreSetupError) {
    var services: [String: [String: String]] = [:]
    var current: String?
    for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false)
      .enumerated()
    {
      let line = rawLine.trimmingCharacters(in: .whitespacesAndNewlines)
      let place = "\(path) line \(index + 1)"
      if line.isEmpty || line.hasPrefix("#") { continue }
      if line.hasPrefix("[") {
        guard line.hasSuffix("]"), line.count > 2 else {
          throw .badServiceFile("\(place) starts a service but does not end with ]")
        }
        let name = String(line.dropFirst().dropLast())
        current = name
        services[name, default: [:]] = services[name] ?? [:]
        continue
      }
      guard let equals = line.firstIndex(of: "=") else {
        throw .badServiceFile("\(place) is not keyword=value")
      }
      guard let service = current else {
        throw .badServiceFile("\(place) comes before any [service] line")
      }
      let keyword = line[..<equals].trimmingCharacters(in: .whitespaces)
      let value = line[line.index(after: equals)...].trimmingCharacters(in: .whitespaces)
      guard Self.keywords.contains(keyword) else {
        throw .badServiceFile(
          "\(place) sets \"\(oneLine(String(keyword.prefix(40))))\"; PeerConsult reads only "
            + Self.keywords.sorted().joined(separator: ", "))
      }
      // As libpq: the first value of a keyword in a service is the one used.
      if services[service]?[keyword] == nil { services[service]?[keyword] = value }
    }
    self.path = path
    self.services = services
  }

  /// The settings of `service`, from the first file that has it: the user's file
  /// (`PGSERVICEFILE`, else `~/.pg_service.conf`), then `PGSYSCONFDIR/pg_service.conf`.
  /// Refuses a service no file has (naming the files that exist), and a file that exists but
  /// cannot be read as one.
  public static func settings(of service: String, environment: [String: String])
    throws(StoreSetupError) -> [String: String]
  {
    var looked: [String] = []
    for path in paths(environment: environment) {
      guard let file = try read(path) else { continue }
      looked.append(path)
      if let settings = file.services[service] { return settings }
    }
    throw .noSuchService(service, looked: looked)
  }

  /// The files searched, the user's first.
  static func paths(environment: [String: String]) -> [String] {
    var paths: [String] = []
    if let file = environment["PGSERVICEFILE"], !file.isEmpty {
      paths.append(file)
    } else if let home = environment["HOME"], !home.isEmpty {
      paths.append(home + "/.pg_service.conf")
    }
    if let folder = environment["PGSYSCONFDIR"], !folder.isEmpty {
      paths.append(folder + "/pg_service.conf")
    }
    return paths
  }

  /// The file at `path`, or nil when there is none; a file too large, not a regular file, or
  /// not text is refused.
  static func read(_ path: String) throws(StoreSetupError) -> ServiceFile? {
    var info = stat()
    guard stat(path, &info) == 0 else { return nil }
    guard info.st_mode & S_IFMT == S_IFREG else {
      throw .badServiceFile("\(path) is not a file")
    }
    guard info.st_size <= maximumFileSize else {
      throw .badServiceFile("\(path) is larger than \(maximumFileSize / 1024) KB")
    }
    guard let data = FileManager.default.contents(atPath: path) else {
      throw .badServiceFile("\(path) cannot be read")
    }
    guard data.count <= maximumFileSize, let text = String(data: data, encoding: .utf8) else {
      throw .badServiceFile("\(path) is not UTF-8 text")
    }
    return try ServiceFile(text: text, path: path)
  }
}
