/// Why a store could not be named, reached or used: each one line that says what to do, and
/// never a password.
public enum StoreSetupError: Error, Hashable, Sendable, CustomStringConvertible {
  case badAddress(String)
  case passwordInAddress
  case badServiceFile(String)
  case noSuchService(String, looked: [String])
  case badStoreName(String)
  case noSuchStore(String, known: [String])
  case unreachable(host: String, port: Int, reason: String)
  case timedOut(host: String, port: Int, seconds: Int)
  case loginRefused(user: String, host: String, hadPassword: Bool)
  case noPassword(user: String, host: String)
  case tls(host: String, reason: String)
  case server(String)
  case serverSchemaNewer(found: Int, supported: Int)
  case notInitialised(store: String)
  case noSuchServerProgramme(String, user: String)
  case notAttached(String)
  case hostile(String)
  /// The store holds an event of a type a newer PeerConsult wrote.
  case newerEvent(place: String, type: String)
  case diverged(what: String, store: String)
  case changedDuringSync(store: String)

  public var description: String {
    switch self {
    case .badAddress(let detail):
      "That is not a store address (\(detail))."
    case .passwordInAddress:
      "The store address carries a password, which would be kept in plain text: leave it out "
        + "and put the password in PGPASSWORD or ~/.pgpass (host:port:database:user:password, "
        + "chmod 600)."
    case .badServiceFile(let detail):
      "The connection service file cannot be used (\(detail)): fix it, or name the store "
        + "by its address."
    case .noSuchService(let name, let looked):
      looked.isEmpty
        ? "No service file to find service \"\(name)\" in: set PGSERVICEFILE or write "
          + "~/.pg_service.conf."
        : "No service \"\(name)\" in " + looked.joined(separator: " or ")
          + ": add a [\(name)] section, or check the name (service= or PGSERVICE)."
    case .badStoreName(let name):
      "\"\(name)\" cannot name a store: use 1 to 40 letters, digits, '-' or '_'."
    case .noSuchStore(let name, let known):
      known.isEmpty
        ? "No store called \"\(name)\": add one with `peerconsult store add NAME URL`."
        : "No store called \"\(name)\"; the stores are: \(known.joined(separator: ", "))."
    case .unreachable(let host, let port, let reason):
      "Cannot reach the store at \(host):\(port) (\(reason)): check the address and that the "
        + "server is running."
    case .timedOut(let host, let port, let seconds):
      "The store at \(host):\(port) did not answer within \(seconds) s: check the address and "
        + "the network, or raise connect_timeout."
    case .loginRefused(let user, let host, let hadPassword):
      hadPassword
        ? "The store at \(host) refused user \(user) (wrong password or no such user): check "
          + "PGPASSWORD or ~/.pgpass."
        : "The store at \(host) refused user \(user): ask its administrator for access."
    case .noPassword(let user, let host):
      "The store at \(host) asks user \(user) for a password: set PGPASSWORD or add a line to "
        + "~/.pgpass (host:port:database:user:password, chmod 600)."
    case .tls(let host, let reason):
      "Cannot make a secure connection to \(host) (\(reason)): check sslmode and the server's "
        + "certificate."
    case .server(let message):
      "The store refused: \(message)."
    case .serverSchemaNewer(let found, let supported):
      "The store's schema is version \(found), newer than this PeerConsult knows (\(supported)); "
        + "nothing was changed: install the newer PeerConsult."
    case .notInitialised(let store):
      "Store \(store) has no PeerConsult schema yet: its administrator runs "
        + "`peerconsult store init \(store)` first."
    case .noSuchServerProgramme(let programme, let user):
      "The store has no programme \"\(programme)\" granted to \(user): ask its administrator to "
        + "add it and grant it (the statements `peerconsult store init` prints)."
    case .notAttached(let store):
      "No programme is shared with store \(store) yet: share one with "
        + "`peerconsult store attach \(store) PROGRAMME`."
    case .hostile(let detail):
      "The store sent something PeerConsult does not accept (\(detail)); nothing was written "
        + "here: ask the store's administrator to check it."
    case .newerEvent(let place, let type):
      "The store holds an event this PeerConsult does not know (\(place), \"\(type)\"), written "
        + "by a newer PeerConsult; nothing was written here: install the newer PeerConsult and "
        + "sync again."
    case .diverged(let what, let store):
      "\(what) has events here and other events in store \(store) at the same places (it was "
        + "changed on two machines); nothing of it was sent or taken: keep one copy, e.g. "
        + "export it, delete it here and sync again."
    case .changedDuringSync(let store):
      "Store \(store) changed while syncing (another machine synced at the same time); what was "
        + "sent is kept: run `peerconsult sync \(store)` again."
    }
  }
}
