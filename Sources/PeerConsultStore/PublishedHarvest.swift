import Foundation
import PeerConsultKit
import PostgresNIO

/// A programme's anonymised harvest as published to a shared store for readers
/// (`peerconsult store publish`), the one thing a member of `peerconsult_reader` may read:
/// Markdown, as `peerconsult harvest --anonymise --format markdown` writes it.
public struct PublishedHarvest: Hashable, Sendable {
  public let id: String
  public let programme: String
  public let publishedBy: String
  public let publishedAt: Date
  /// The text's size in bytes.
  public let size: Int

  /// Larger harvests are refused, both ways: a programme's harvest is far smaller.
  public static let maximumBytes = 8 * 1024 * 1024
}

extension SharedStore {
  /// Publishes `text`, the anonymised harvest of the programme whose id on the server is
  /// `programmeID`; returns its id. The server's rules let only a facilitator granted the
  /// programme do it.
  public func publish(_ text: String, programmeID: String) throws -> String {
    guard text.utf8.count <= PublishedHarvest.maximumBytes else {
      throw StoreSetupError.server(
        "the harvest is larger than \(PublishedHarvest.maximumBytes / 1024 / 1024) MB")
    }
    let store = self
    return try withConnection { connection -> String in
      try await ServerSchema.check(connection, store: store.name)
      let rows = try await connection.rows(
        """
        INSERT INTO peerconsult.published_harvests (programme_id, anonymised, body)
        VALUES (CAST(\(programmeID) AS uuid), true, \(text)) RETURNING id::text
        """)
      do {
        for try await (id, ) in rows.decode((String,).self) { return id }
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      throw StoreSetupError.hostile("the store did not say the harvest's id")
    }
  }

  /// The harvests this login may read, newest first.
  public func publishedHarvests() throws -> [PublishedHarvest] {
    let store = self
    return try withConnection { connection -> [PublishedHarvest] in
      try await ServerSchema.check(connection, store: store.name)
      let rows = try await connection.rows(
        """
        SELECT h.id::text, left(p.name, 200), left(h.published_by::text, 64),
          (extract(epoch FROM h.published_at) * 1000)::bigint, octet_length(h.body)
        FROM peerconsult.published_harvests h
        JOIN peerconsult.programmes p ON p.id = h.programme_id
        ORDER BY h.published_at DESC, h.id LIMIT 1000
        """)
      var found: [PublishedHarvest] = []
      do {
        for try await (id, programme, by, at, size) in rows.decode(
          (String, String, String, Int64, Int).self)
        {
          found.append(
            PublishedHarvest(
              id: id, programme: programme, publishedBy: by,
              publishedAt: Date(millisecondsSince1970: at), size: size))
        }
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      return found
    }
  }

  /// The text of the harvest whose id starts with `prefix` (at least 4 characters), bounded
  /// before it is read.
  public func publishedHarvest(_ prefix: String) throws -> (PublishedHarvest, String) {
    let wanted = prefix.lowercased()
    guard (4...36).contains(wanted.count), wanted.allSatisfy({ $0.isHexDigit || $0 == "-" })
    else { throw PublishError.badHarvestID(prefix) }
    let matching = try publishedHarvests().filter { $0.id.hasPrefix(wanted) }
    guard matching.count == 1, let harvest = matching.first else {
      throw matching.isEmpty
        ? PublishError.noSuchHarvest(prefix, store: name) : PublishError.ambiguous(prefix)
    }
    guard harvest.size <= PublishedHarvest.maximumBytes else {
      throw StoreSetupError.hostile(
        "the harvest is larger than \(PublishedHarvest.maximumBytes / 1024 / 1024) MB")
    }
    let store = self
    let text = try withConnection { connection -> String in
      let rows = try await connection.rows(
        """
        SELECT body FROM peerconsult.published_harvests
        WHERE id = CAST(\(harvest.id) AS uuid)
          AND octet_length(body) <= \(PublishedHarvest.maximumBytes)
        """)
      do {
        for try await (body, ) in rows.decode((String,).self) { return body }
      } catch {
        throw StoreConnection.describe(error, at: store.address, hadPassword: true)
      }
      throw PublishError.noSuchHarvest(prefix, store: store.name)
    }
    return (harvest, text)
  }
}

/// Why a harvest cannot be published or read: one line each, saying what to do.
public enum PublishError: Error, Hashable, Sendable, CustomStringConvertible {
  case notAttached(programme: String, store: String)
  case unresolved(count: Int, words: [String])
  case namesParticipant
  case badHarvestID(String)
  case noSuchHarvest(String, store: String)
  case ambiguous(String)

  public var description: String {
    switch self {
    case .notAttached(let programme, let store):
      "Programme \"\(programme)\" is not shared with store \(store): "
        + "`peerconsult store attach \(store) \"\(programme)\"` first."
    case .unresolved(let count, let words):
      "\(count) suspect\(count == 1 ? " has" : "s have") no choice ("
        + words.prefix(10).joined(separator: ", ") + (words.count > 10 ? ", …" : "")
        + "): publishing needs one for each: add --replace WORD or --keep WORD (see them with "
        + "--review). Nothing was published."
    case .namesParticipant:
      "The anonymised harvest still names a participant (a name the anonymiser kept): correct "
        + "the note or choose --replace for it, and see it with --review. Nothing was published."
    case .badHarvestID(let text):
      "\"\(text)\" is not a harvest id: give at least its first 4 characters, as "
        + "`peerconsult store harvests` lists them."
    case .noSuchHarvest(let prefix, let store):
      "Store \(store) has no published harvest \(prefix) that you may read: "
        + "`peerconsult store harvests \(store)` lists them."
    case .ambiguous(let prefix):
      "Several harvests start with \(prefix): give more of the id."
    }
  }
}
