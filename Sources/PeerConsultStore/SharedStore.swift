import Foundation
import PeerConsultKit
import PostgresNIO

/// A store remembered by the data folder (`peerconsult store add NAME URL`): its name and
/// address, and what can be done with it over the network.
public struct SharedStore: Sendable {
  public let name: String
  public let address: StoreAddress

  public init(name: String, address: StoreAddress) {
    self.name = name
    self.address = address
  }

  /// Refuses a name that could not be typed back or shown plainly.
  public static func checkName(_ name: String) throws(StoreSetupError) {
    let allowed = name.unicodeScalars.allSatisfy {
      ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
        || $0 == "-" || $0 == "_"
    }
    guard allowed, (1...40).contains(name.count) else { throw .badStoreName(name) }
  }

  /// The store called `name` in `database`'s folder or, when `name` is itself an address, a
  /// store of that address named after its host (for `store init URL`).
  public static func named(_ name: String, in database: AppDatabase) throws -> SharedStore {
    let stores = try database.stores()
    if let found = stores.first(where: { $0.name == name }) {
      return SharedStore(name: name, address: try StoreAddress(found.url))
    }
    if name.contains("://") {
      let address = try StoreAddress(name)
      return SharedStore(name: address.host, address: address)
    }
    throw StoreSetupError.noSuchStore(name, known: stores.map(\.name))
  }

  /// Connects and logs in with the password from `PGPASSWORD` or the password file.
  func connect() async throws(StoreSetupError) -> StoreConnection {
    try await StoreConnection.open(address, password: PasswordSource.password(for: address))
  }

  /// Connects, runs `body` and closes the connection, while the calling thread waits.
  func withConnection<T: Sendable>(
    _ body: @escaping @Sendable (StoreConnection) async throws -> T
  ) throws -> T {
    let store = self
    return try waitFor {
      let connection = try await store.connect()
      do {
        let value = try await body(connection)
        await connection.close()
        return value
      } catch {
        await connection.close()
        throw error
      }
    }
  }

  /// Creates or upgrades the server's schema, roles and access rules; returns the versions
  /// before and after.
  public func initialise() throws -> (from: Int, to: Int) {
    try withConnection { connection in
      (try await ServerSchema.migrate(connection), ServerSchema.version)
    }
  }

  /// Shares `programme` with this store: finds the programme of that name that the server
  /// grants this login (without regard to case) and records its id. Nothing is sent.
  public func attach(programme: String, to database: AppDatabase, at date: Date) throws
    -> String
  {
    let store = self
    let found = try withConnection { connection -> (id: String, name: String)? in
      try await ServerSchema.check(connection, store: store.name)
      let rows = try await connection.rows(
        "SELECT id::text, name FROM peerconsult.programmes WHERE lower(name) = lower(\(programme))"
      )
      do {
        for try await (id, name) in rows.decode((String, String).self) { return (id, name) }
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      return nil
    }
    guard let found else {
      throw StoreSetupError.noSuchServerProgramme(programme, user: address.user)
    }
    let local = try database.programme(named: programme) ?? found.name
    try database.attach(programme: local, to: name, serverID: found.id, at: date)
    return local
  }
}
