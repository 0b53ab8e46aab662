import Foundation

/// Finds the password for a store as libpq does: the connection service's, else `PGPASSWORD`,
/// else the first matching line of the password file (`PGPASSFILE`, else `~/.pgpass`), which
/// is ignored unless only its owner can read it (mode 0600 or stricter).
public enum PasswordSource {
  /// Password files larger than this are not read: one line per server is small.
  static let maximumFileSize = 1024 * 1024

  /// The password for `address`, or nil when none is set; `environment` stands for the
  /// process's, so tests can give their own.
  public static func password(
    for address: StoreAddress,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) -> String? {
    if let password = address.servicePassword { return password }
    if let password = environment["PGPASSWORD"], !password.isEmpty { return password }
    let path =
      environment["PGPASSFILE"].flatMap { $0.isEmpty ? nil : $0 }
      ?? environment["HOME"].map { $0 + "/.pgpass" }
    guard let path, let text = privateFile(at: path) else { return nil }
    for line in text.split(whereSeparator: \.isNewline) where !line.hasPrefix("#") {
      let fields = split(String(line))
      guard fields.count == 5 else { continue }
      let wanted = [address.host, String(address.port), address.database, address.user]
      if zip(fields.prefix(4), wanted).allSatisfy({ $0 == "*" || $0 == $1 }) { return fields[4] }
    }
    return nil
  }

  /// The file's text if it is a regular file of a readable size that only its owner may read.
  private static func privateFile(at path: String) -> String? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
      info.st_mode & 0o077 == 0, info.st_size <= maximumFileSize
    else { return nil }
    return try? String(contentsOfFile: path, encoding: .utf8)
  }

  /// The fields of one line, split at `:` not escaped by `\`, with `\:` and `\\` read as the
  /// characters.
  static func split(_ line: String) -> [String] {
    var fields: [String] = []
    var field = ""
    var escaped = false
    for character in line {
      if escaped {
        field.append(character)
        escaped = false
      } else if character == "\\" {
        escaped = true
      } else if character == ":" {
        fields.append(field)
        field = ""
      } else {
        field.append(character)
      }
    }
    fields.append(field)
    return fields
  }
}
