import Foundation
import Testing

@testable import PeerConsultKit

/// One group event as the database stores it in `group_events.payload`, byte for byte.
struct StoredGroupEventFixture: Sendable, CustomTestStringConvertible {
  let name: String
  let json: String
  let event: GroupEvent

  var testDescription: String { name }
}

/// Stored group events, pinned as ``StoredEventFixtures`` pins a session's: never edit a
/// released entry; a new shape gets an entry of its own.
enum StoredGroupEventFixtures {
  static let current: [StoredGroupEventFixture] = [
    StoredGroupEventFixture(
      name: "created",
      json: #"{"name":"North SLG","programme":"Alcohol Plan","type":"created"}"#,
      event: .created(name: "North SLG", programme: "Alcohol Plan")),
    StoredGroupEventFixture(
      name: "renamed",
      json: #"{"name":"North Group","type":"renamed"}"#,
      event: .renamed(name: "North Group")),
    StoredGroupEventFixture(
      name: "programmeChanged",
      json: #"{"programme":"Night-time Economy","type":"programmeChanged"}"#,
      event: .programmeChanged(programme: "Night-time Economy")),
    StoredGroupEventFixture(
      name: "memberJoined, with the organisation's other names",
      json: #"""
        {"participant":{"level":"frontline","name":"Priya Patel","organisation":"Devon & Cornwall Police","organisationAliases":["D&C Police","DCP"]},"type":"memberJoined"}
        """#,
      event: .memberJoined(
        participant: Participant(
          name: "Priya Patel", organisation: "Devon & Cornwall Police",
          organisationAliases: ["D&C Police", "DCP"], level: .frontline))),
    StoredGroupEventFixture(
      name: "memberLeft",
      json: #"{"name":"Priya Patel","type":"memberLeft"}"#,
      event: .memberLeft(name: "Priya Patel")),
    StoredGroupEventFixture(
      name: "personErased",
      json: #"{"pseudonym":"[Erased person 1]","type":"personErased"}"#,
      event: .personErased(pseudonym: "[Erased person 1]")),
  ]
}
