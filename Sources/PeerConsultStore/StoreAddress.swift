import Foundation

/// Where a shared store is: `postgres://user@host:port/database?sslmode=…`, as libpq users
/// write it, without a password (credentials come from `PGPASSWORD` or `~/.pgpass`).
public struct StoreAddress: Hashable, Sendable, CustomStringConvertible {
  /// How the connection is protected, as libpq's `sslmode` says it.
  public enum TLSMode: String, Sendable, CaseIterable {
    /// No TLS.
    case disable
    /// TLS when the server offers it, without checking its certificate (libpq's default).
    case prefer
    /// TLS always, without checking the certificate.
    case require
    /// TLS always, the certificate chain checked against the system's authorities and the
    /// host name against the certificate.
    case verifyFull = "verify-full"
  }

  public let user: String
  public let host: String
  public let port: Int
  public let database: String
  public let tlsMode: TLSMode
  /// Seconds allowed to reach the server and log in.
  public let connectTimeout: Int

  /// Longer addresses are refused unread.
  static let maximumLength = 2048

  /// Reads `text`. `defaultUser` stands in for a missing user name, as libpq uses the login.
  public init(_ text: String, defaultUser: String = StoreAddress.loginName) throws(StoreSetupError)
  {
    guard text.utf8.count <= Self.maximumLength else {
      throw .badAddress("it is longer than \(Self.maximumLength) characters")
    }
    guard let parts = URLComponents(string: text), let scheme = parts.scheme?.lowercased() else {
      throw .badAddress("write it as postgres://user@host:port/database")
    }
    guard scheme == "postgres" || scheme == "postgresql" else {
      throw .badAddress("it starts with \"\(scheme):\"; write postgres://user@host:port/database")
    }
    // Checked before anything else is read from it, so no message ever repeats it.
    guard parts.percentEncodedPassword == nil else { throw .passwordInAddress }
    guard let host = parts.host, !host.isEmpty else {
      throw .badAddress("it names no host; write postgres://user@host:port/database")
    }
    if let port = parts.port, !(1...65535).contains(port) {
      throw .badAddress("port \(port) is not between 1 and 65535")
    }
    let database = String(parts.path.drop { $0 == "/" })
    guard !database.contains("/") else {
      throw .badAddress("\"\(parts.path)\" is not a database name")
    }
    var tlsMode = TLSMode.prefer
    var timeout = 10
    for item in parts.queryItems ?? [] {
      switch item.name {
      case "sslmode":
        guard let mode = item.value.flatMap(TLSMode.init(rawValue:)) else {
          throw .badAddress(
            "sslmode must be one of "
              + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
        }
        tlsMode = mode
      case "connect_timeout":
        guard let seconds = item.value.flatMap(Int.init), (1...300).contains(seconds) else {
          throw .badAddress("connect_timeout must be a number of seconds from 1 to 300")
        }
        timeout = seconds
      case "password":
        throw .passwordInAddress
      default:
        throw .badAddress(
          "it has the setting \"\(item.name)\"; only sslmode and connect_timeout are read")
      }
    }
    user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? defaultUser
    self.host = host
    port = parts.port ?? 5432
    self.database = database.isEmpty ? user : database
    self.tlsMode = tlsMode
    connectTimeout = timeout
  }

  /// The address written back, always in one form: what `store add` remembers.
  public var description: String {
    var parts = URLComponents()
    parts.scheme = "postgres"
    parts.user = user
    parts.host = host
    parts.port = port
    parts.path = "/" + database
    parts.queryItems = [URLQueryItem(name: "sslmode", value: tlsMode.rawValue)]
    if connectTimeout != 10 {
      parts.queryItems?.append(URLQueryItem(name: "connect_timeout", value: "\(connectTimeout)"))
    }
    return parts.string ?? "postgres://\(user)@\(host):\(port)/\(database)"
  }

  /// The user this process runs as, libpq's default user name: `PGUSER`, else the login.
  public static var loginName: String {
    if let user = ProcessInfo.processInfo.environment["PGUSER"], !user.isEmpty { return user }
    if let entry = getpwuid(geteuid()), let name = entry.pointee.pw_name {
      return String(cString: name)
    }
    return "postgres"
  }
}
