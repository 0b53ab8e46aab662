import ArgumentParser
import Foundation
import PeerConsultKit
import PeerConsultStore

extension StoreCommand {
  /// `store publish NAME PROGRAMME`: the programme's anonymised harvest, for readers.
  struct Publish: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "publish",
      abstract: "Publish a programme's anonymised harvest to a store, for its readers.",
      discussion: """
        Always anonymised, and only after the review step: every suspect the anonymiser \
        finds must have a choice (--replace WORD or --keep WORD, here or in an earlier \
        export's review), and a harvest that still names a participant is refused. \
        --review lists the replacements and suspects and publishes nothing. The programme \
        must be attached to the store; a reader granted it reads the harvest with \
        `peerconsult store harvests`, and nothing else of the programme.
        """)

    @OptionGroup var data: DataOptions
    @Argument(help: "The store's name.") var store: String
    @Argument(help: "The programme's name.") var programme: String

    @Option(help: ArgumentHelp("Only sessions held on or after this day.", valueName: "YYYY-MM-DD"))
    var since: String?

    @Option(
      help: ArgumentHelp("Only sessions held on or before this day.", valueName: "YYYY-MM-DD"))
    var until: String?

    @OptionGroup var reviewing: ReviewOptions

    func run() throws {
      let period: ReportPeriod
      do {
        period = try ReportPeriod(since: since, until: until, timeZone: .current)
      } catch {
        throw CLIError(error.description)
      }
      guard let database = try data.existingDatabase() else { throw StoreError.noSessions }
      defer { database.closeForExit() }
      let shared = try SharedStore.named(store, in: database)
      let name = try database.resolveProgramme(programme)
      guard
        let attachment = try database.attachments(store: shared.name)
          .first(where: { $0.programme == name })
      else { throw PublishError.notAttached(programme: name, store: shared.name) }
      let ids = try database.sessions()
        .filter { $0.programme == name && period.contains($0.createdAt) }.map(\.id)
      // The choices given are stored first, so that the records read after hold them.
      switch try reviewing.check(
        ids, anonymise: true, data: data, review: { try database.shareReview(of: ids) })
      {
      case .print(let review):
        try StandardOutput.write(review)
        return
      case .screen:
        // Publishing lists rather than opening the export's screen, which writes a file.
        try StandardOutput.write(
          CommandText.shareReview(try database.shareReview(of: ids)))
        return
      case .write: break
      }
      let read = try database.records(of: ids)
      read.reportSkipped()
      let around = try database.around(ids)
      let review = ShareReview(records: read.records, others: around.people, groups: around.groups)
      guard review.unresolved.isEmpty else {
        throw PublishError.unresolved(
          count: review.unresolved.count, words: review.unresolved.map(\.text))
      }
      let groups = Dictionary(
        try database.groups().map { ($0.id, $0.name) }, uniquingKeysWith: { first, _ in first })
      let text = try HarvestExport.render(
        read.records, programme: name, as: .markdown,
        options: ShareOptions(anonymise: true, others: around.people, groups: around.groups),
        period: period, groups: groups)
      // The last guard: a participant's whole name left in the text (a kept suspect cannot
      // be one: names are always replaced) means something slipped through.
      let names = Set(read.records.flatMap { $0.state.setup.participants.map(\.name) })
      if names.contains(where: { $0.count >= 3 && text.localizedCaseInsensitiveContains($0) }) {
        throw PublishError.namesParticipant
      }
      let id = try shared.publish(text, programmeID: attachment.serverID)
      try StandardOutput.line(
        "Published the anonymised harvest of \(CommandText.counted(read.records.count, "session")) "
          + "of \"\(name)\" to store \(shared.name) as \(id.prefix(8)).")
      try read.failIfSkipped()
    }
  }

  /// `store harvests NAME [--show ID]`: what a reader may read.
  struct Harvests: ParsableCommand {
    static let configuration = CommandConfiguration(
      commandName: "harvests",
      abstract: "List the harvests published to a store that you may read, or show one.")

    @OptionGroup var data: DataOptions
    @Argument(help: "The store's name.") var store: String
    @Option(
      help: ArgumentHelp("Write this harvest's text (the start of its id).", valueName: "ID"))
    var show: String?

    func run() throws {
      guard let database = try data.existingDatabase() else {
        throw StoreSetupError.noSuchStore(store, known: [])
      }
      let shared: SharedStore
      do {
        defer { database.closeForExit() }
        shared = try SharedStore.named(store, in: database)
      }
      if let show {
        let (_, text) = try shared.publishedHarvest(show)
        try StandardOutput.write(text.hasSuffix("\n") ? text : text + "\n")
        return
      }
      try StandardOutput.write(
        StoreText.harvests(try shared.publishedHarvests(), store: shared.name))
    }
  }
}
