import Foundation

/// The formats sessions and harvests are shared in.
public enum ShareFormat: String, CaseIterable, Sendable {
  /// For reading and pasting.
  case markdown
  /// One self-contained page that prints well.
  case html
  /// For programs and, for sessions, for import (Docs/EXPORT-FORMAT.md).
  case json
}

/// How sessions are shared.
public struct ShareOptions: Sendable {
  /// Replace people and organisations with pseudonyms (see ``Anonymiser``).
  public var anonymise: Bool
  /// The zone readable times are written in; JSON is always UTC.
  public var timeZone: TimeZone
  /// People the sessions may name who need not have been there, replaced too when
  /// anonymising (``AppDatabase/peopleAround(_:)``).
  public var others: [Participant]
  /// The names of the standing groups the sessions may name, every name each has had,
  /// replaced too when anonymising (``AppDatabase/around(_:)``).
  public var groups: [GroupID: [String]]
  /// The earlier actions each session followed up, for its minutes (Markdown and HTML) and
  /// the JSON's `derived.followUps`: ``AppDatabase/earlierActions(followedUpIn:)``; scrubbed
  /// with its notes when anonymising.
  public var earlierActions: [SessionID: [EarlierAction]]

  public init(
    anonymise: Bool = false, timeZone: TimeZone = .current, others: [Participant] = [],
    groups: [GroupID: [String]] = [:], earlierActions: [SessionID: [EarlierAction]] = [:]
  ) {
    self.anonymise = anonymise
    self.timeZone = timeZone
    self.others = others
    self.groups = groups
    self.earlierActions = earlierActions
  }

  /// `records` oldest first and, if asked, anonymised together, so each person keeps one
  /// pseudonym across all of them.
  func prepare(_ records: [SessionRecord]) throws(ShareError) -> [SessionRecord] {
    try prepared(records).records
  }

  /// ``prepare(_:)``, with the anonymiser used, if any.
  func prepared(_ records: [SessionRecord]) throws(ShareError) -> (
    records: [SessionRecord], anonymiser: Anonymiser?
  ) {
    let sorted = SessionRecord.chronological(records)
    guard anonymise else { return (sorted, nil) }
    let anonymiser = Anonymiser(
      records: sorted, others: others, groups: groups, earlier: earlierActions)
    var anonymised: [SessionRecord] = []
    for record in sorted { anonymised.append(try anonymiser.anonymise(record)) }
    return (anonymised, anonymiser)
  }
}

extension SessionExport {
  /// `records` in `format`, oldest first: Markdown and HTML for people, JSON complete enough to
  /// rebuild the sessions (unless anonymised).
  /// `groups` (the standing groups of the sessions) go into the JSON; unless anonymised, each
  /// meeting's minutes name the group, the members who were not there and the guests who were
  /// (``SessionDigest/describe(_:meeting:)``).
  public static func render(
    _ records: [SessionRecord], as format: ShareFormat, options: ShareOptions = ShareOptions(),
    groups: [GroupRecord] = []
  ) throws(ShareError) -> String {
    let (records, anonymiser) = try options.prepared(records)
    let time = ReadableTime(timeZone: options.timeZone)
    let anonymised = options.anonymise
    let standing = GroupRecord.groups(of: groups)
    func digest(_ record: SessionRecord) -> SessionDigest {
      var digest = SessionDigest(record)
      let earlier = options.earlierActions[record.id] ?? []
      digest.earlierActions = anonymiser?.scrub(earlier) ?? earlier
      if !anonymised, let group = record.state.setup.group.flatMap({ standing[$0] }) {
        digest.describe(group, meeting: record.state)
      }
      return digest
    }
    switch format {
    case .markdown:
      return SessionMarkdown(style: .markdown, time: time, anonymised: anonymised).render(
        records.map(digest))
    case .html: return SessionHTML(time: time, anonymised: anonymised).render(records.map(digest))
    case .json: return json(records, groups: groups, anonymised: anonymised, digest: digest)
    }
  }

  /// The session of `digest` as plain text for a terminal, as ``plainText(_:timeZone:)``
  /// lays it out, handed to `write` a piece of whole lines at a time as it is laid out.
  public static func plainText<Failure: Error>(
    _ digest: SessionDigest, timeZone: TimeZone? = nil,
    to write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try SessionMarkdown(style: .plain, time: readable(timeZone), anonymised: false)
      .render(digest, to: write)
  }

  /// Session `id` in `state` at `asOf` as plain text, as ``plainText(_:timeZone:to:)`` lays out
  /// its digest, written from the state without building the digest before the transcript:
  /// `show`'s first lines come as soon for a long session as for a short one.
  public static func plainText<Failure: Error>(
    _ id: SessionID, _ state: SessionState, at asOf: Date, earlier: [EarlierAction] = [],
    group: StandingGroup? = nil, timeZone: TimeZone? = nil,
    to write: (String) throws(Failure) -> Void
  ) throws(Failure) {
    try SessionMarkdown(style: .plain, time: readable(timeZone), anonymised: false)
      .render(id, state, at: asOf, earlier: earlier, group: group, to: write)
  }

  /// `records` as plain text for a terminal: the Markdown layout without escapes.
  public static func plainText(_ records: [SessionRecord], timeZone: TimeZone? = nil) -> String {
    SessionMarkdown(style: .plain, time: readable(timeZone), anonymised: false)
      .render(SessionRecord.chronological(records).map(SessionDigest.init))
  }

  /// Times in `timeZone`, or in the user's local time when none is given (``ReadableTime/init()``,
  /// which spares a start Foundation's look-up of the zone).
  private static func readable(_ timeZone: TimeZone?) -> ReadableTime {
    timeZone.map(ReadableTime.init(timeZone:)) ?? ReadableTime()
  }
}
