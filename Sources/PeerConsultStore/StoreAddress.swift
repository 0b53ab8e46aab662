import Foundation

/// Where a shared store is: `postgres://user@host:port/database?sslmode=…`, as libpq users
/// write it, without a password (credentials come from `PGPASSWORD` or `~/.pgpass`), or with
/// `service=NAME` (or `PGSERVICE`), whose settings in the connection service file
/// (``ServiceFile``) stand in for what the address leaves out, as libpq's do.
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
  /// The connection service the address names (`service=`), written back by ``description``.
  public let service: String?
  /// The password the service gives, if any: never written back.
  let servicePassword: String?

  /// Longer addresses are refused unread.
  static let maximumLength = 2048

  /// Reads `text`. `defaultUser` stands in for a missing user name, as libpq uses the login;
  /// `environment` stands for the process's (`PGSERVICE`, `PGSERVICEFILE`, `HOME`).
  public init(
    _ text: String, defaultUser: String = StoreAddress.loginName,
    environment: [String: String] = ProcessInfo.processInfo.environment
  ) throws(StoreSetupError) {
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
    if let port = parts.port, !(1...65535).contains(port) {
      throw .badAddress("port \(port) is not between 1 and 65535")
    }
    let path = String(parts.path.drop { $0 == "/" })
    guard !path.contains("/") else {
      throw .badAddress("\"\(parts.path)\" is not a database name")
    }
    var settings: [String: String] = [:]
    var service: String?
    for item in parts.queryItems ?? [] {
      switch item.name {
      case "sslmode", "connect_timeout": settings[item.name] = item.value ?? ""
      case "service":
        guard let name = item.value, (1...64).contains(name.count),
          !name.contains(where: { $0.isNewline || $0 == "]" })
        else { throw .badAddress("service= must name a service of 1 to 64 characters") }
        service = name
      case "password":
        throw .passwordInAddress
      default:
        throw .badAddress(
          "it has the setting \"\(item.name)\"; only sslmode, connect_timeout and service are "
            + "read")
      }
    }
    // The service's values stand in for those the address leaves out, as libpq's do.
    let named = service ?? environment["PGSERVICE"].flatMap { $0.isEmpty ? nil : $0 }
    let given =
      try named.map { name throws(StoreSetupError) in
        try ServiceFile.settings(of: name, environment: environment)
      } ?? [:]
    settings.merge(given, uniquingKeysWith: { address, _ in address })
    let origin = named.map { "service \($0)'s " } ?? ""
    guard let host = parts.host.flatMap({ $0.isEmpty ? nil : $0 }) ?? settings["host"],
      !host.isEmpty
    else {
      throw .badAddress("it names no host; write postgres://user@host:port/database")
    }
    var port = parts.port ?? 5432
    if parts.port == nil, let text = settings["port"] {
      guard let number = Int(text), (1...65535).contains(number) else {
        throw .badAddress("\(origin)port \"\(oneLine(text))\" is not between 1 and 65535")
      }
      port = number
    }
    var tlsMode = TLSMode.prefer
    if let text = settings["sslmode"] {
      guard let mode = TLSMode(rawValue: text) else {
        throw .badAddress(
          "\(origin)sslmode must be one of "
            + TLSMode.allCases.map(\.rawValue).joined(separator: ", "))
      }
      tlsMode = mode
    }
    var timeout = 10
    if let text = settings["connect_timeout"] {
      guard let seconds = Int(text), (1...300).contains(seconds) else {
        throw .badAddress("\(origin)connect_timeout must be a number of seconds from 1 to 300")
      }
      timeout = seconds
    }
    user = parts.user.flatMap { $0.isEmpty ? nil : $0 } ?? settings["user"] ?? defaultUser
    self.host = host
    self.port = port
    database = path.isEmpty ? (settings["dbname"] ?? user) : path
    self.tlsMode = tlsMode
    connectTimeout = timeout
    self.service = service
    servicePassword = given["password"]
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
    if let service { parts.queryItems?.append(URLQueryItem(name: "service", value: service)) }
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
