import ArgumentParser
import Foundation
import PeerConsultKit
import PeerConsultStore

/// `peerconsult store`: a shared programme store on PostgreSQL, to sync programmes with.
struct StoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "store",
    abstract: "Name a shared store on PostgreSQL, set it up, and share programmes with it.",
    discussion: """
      Nothing leaves this computer until a programme is attached to a store; then \
      `peerconsult sync` sends that programme's sessions and groups as they are (names \
      included) and takes those others sent. Passwords come from PGPASSWORD or ~/.pgpass, \
      never from the address.
      """,
    subcommands: [Add.self, Init.self, Attach.self, Status.self, Publish.self, Harvests.self],
    defaultSubcommand: Status.self
  )
}

extension StoreCommand {
  /// `store add NAME URL`.
  struct Add: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "add",
      abstract: "Remember a store's address under a name.",
      discussion: """
        URL is postgres://user@host:port/database?sslmode=MODE, where MODE is disable, \
        prefer (the default), require (TLS, certificate not checked) or verify-full (TLS, \
        certificate and host checked; PGSSLROOTCERT names other authorities). Adding a name \
        again replaces its address.
        """)

    @OptionGroup var data: DataOptions
    @Argument(help: "A name for the store: letters, digits, '-' or '_'.") var name: String
    @Argument(help: "The store's address, without a password.") var url: String

    func run() throws {
      try SharedStore.checkName(name)
      let address = try StoreAddress(url)
      let database = try data.database()
      defer { database.closeForExit() }
      try database.addStore(named: name, url: address.description, at: Date())
      try StandardOutput.line("Store \(name) is \(address).")
    }
  }

  /// `store init NAME|URL`.
  struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "init",
      abstract: "Create or upgrade a store's tables, roles and access rules on the server.",
      discussion: """
        Run by the database's owner. Prints the statements that let a person in: a \
        facilitator reads and writes the programmes granted to them; a reader reads only the \
        anonymised harvests published for them.
        """)

    @OptionGroup var data: DataOptions
    @Argument(help: "A store's name (see `store add`) or address.") var store: String

    func run() throws {
      let shared = try sharedStore(store, data: data)
      let (from, to) = try shared.initialise()
      let done =
        from == to
        ? "Store \(shared.name) already has schema version \(to)."
        : "Store \(shared.name) now has schema version \(to) (it had \(from))."
      try StandardOutput.write(
        done + "\nTo let a person in, run as the database's owner (psql):\n"
          + ServerSchema.grantStatements() + "\n")
    }
  }

  /// `store attach NAME PROGRAMME`.
  struct Attach: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "attach",
      abstract: "Share a programme with a store: its sessions and groups go there at each sync.",
      discussion: """
        The store must hold a programme of that name granted to you. From the next \
        `peerconsult sync`, the programme's sessions and standing groups are sent as they are, \
        with people's names: anonymise before sharing with anyone who should not read them.
        """)

    @OptionGroup var data: DataOptions
    @Argument(help: "The store's name.") var store: String
    @Argument(help: "The programme's name.") var programme: String

    func run() throws {
      let database = try data.database()
      defer { database.closeForExit() }
      let shared = try SharedStore.named(store, in: database)
      let local = try shared.attach(programme: programme, to: database, at: Date())
      try StandardOutput.line(
        "Programme \"\(local)\" is shared with store \(shared.name): "
          + "`peerconsult sync \(shared.name)` sends its sessions and groups.")
    }
  }

  /// `store status [NAME]`.
  struct Status: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "status",
      abstract: "Say what is shared with each store, what waits to be sent, and the last sync.")

    @OptionGroup var data: DataOptions
    @Argument(help: "One store's name; every store when left out.") var store: String?

    func run() throws {
      guard let database = try data.existingDatabase() else {
        throw CLIError("No store yet: add one with `peerconsult store add NAME URL`.")
      }
      defer { database.closeForExit() }
      let names = try store.map { [$0] } ?? database.stores().map(\.name)
      guard !names.isEmpty else {
        throw CLIError("No store yet: add one with `peerconsult store add NAME URL`.")
      }
      for name in names {
        let shared = try SharedStore.named(name, in: database)
        try StandardOutput.write(StoreText.status(try StoreStatus.of(shared, in: database)))
      }
    }
  }
}

/// The store named `argument` in the data folder, or one given by its address.
private func sharedStore(_ argument: String, data: DataOptions) throws -> SharedStore {
  if argument.contains("://") {
    let address = try StoreAddress(argument)
    return SharedStore(name: address.host, address: address)
  }
  guard let database = try data.existingDatabase() else {
    throw StoreSetupError.noSuchStore(argument, known: [])
  }
  defer { database.closeForExit() }
  return try SharedStore.named(argument, in: database)
}
