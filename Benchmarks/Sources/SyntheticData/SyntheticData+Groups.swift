import Foundation
import PeerConsultKit

extension SyntheticData {
  /// The tags written in a grouped programme: one fading over the months, one rising, one
  /// that only some groups use.
  static let groupedTags = (fading: "licensing", rising: "night-time-economy", some: "housing")

  /// A database of one programme run by standing groups (`groups` groups meeting `meetings`
  /// times each, in turn, a day apart), each meeting `notesPerSession` notes written as
  /// ``session(notes:programme:number:in:clock:finish:using:)`` writes them, with `#tags` in
  /// one note in ten, and an opening that follows up the group's open actions (done, carried
  /// forward, dropped or left). Built once in memory-backed storage and copied into
  /// `directory` (reused when present), for the harvest report and the programme view.
  public static func groupedDatabase(
    at directory: URL, programme: String, groups: Int, meetings: Int, notesPerSession: Int
  ) throws -> URL {
    let marker = directory.appendingPathComponent(
      "complete-\(seed)-\(groups)x\(meetings)-\(notesPerSession)")
    if FileManager.default.fileExists(atPath: marker.path) { return directory }
    try? FileManager.default.removeItem(at: directory)
    let scratch = URL(
      fileURLWithPath: FileManager.default.fileExists(atPath: "/dev/shm")
        ? "/dev/shm" : NSTemporaryDirectory()
    )
    .appendingPathComponent("pc-bench-build-\(UUID().uuidString)")
    defer { try? FileManager.default.removeItem(at: scratch) }
    let database = try AppDatabase(directory: scratch)
    var rng = SeededGenerator(seed: seed ^ 0x17)
    let clock = ManualClock(Date(timeIntervalSince1970: 1_750_000_000))
    var standing: [StandingGroup] = []
    for number in 0..<groups {
      standing.append(
        try database.createGroup(
          name: "\(programme) set \(number + 1)", programme: programme,
          members: group(using: &rng), at: clock.now()))
    }
    var open: [[ActionReference]] = Array(repeating: [], count: groups)
    for meeting in 0..<meetings {
      for number in 0..<groups {
        clock.advance(by: 86_400 / Double(groups))
        open[number] = try groupMeeting(
          of: standing[number], number: meeting + 1, followingUp: open[number],
          notes: notesPerSession, share: Double(meeting) / Double(max(1, meetings - 1)),
          tagsSome: number % 5 == 0, in: database, clock: clock, using: &rng)
      }
    }
    try database.close()
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
    for name in try FileManager.default.contentsOfDirectory(atPath: scratch.path) {
      try FileManager.default.copyItem(
        at: scratch.appendingPathComponent(name), to: directory.appendingPathComponent(name))
    }
    _ = FileManager.default.createFile(atPath: marker.path, contents: nil)
    return directory
  }

  /// One meeting of `group`: follows up `earlier` (its open actions) in the opening, walks
  /// the protocol writing `notes` notes, and returns the actions still open after it. `share`
  /// (0 to 1) is how far through the programme it falls, which sets the tags' chances.
  private static func groupMeeting(
    of group: StandingGroup, number: Int, followingUp earlier: [ActionReference], notes: Int,
    share: Double, tagsSome: Bool, in database: AppDatabase, clock: ManualClock,
    using rng: inout SeededGenerator
  ) throws -> [ActionReference] {
    let members = group.members
    let presenters = Array(
      members.indices.shuffled(using: &rng).prefix(Int.random(in: 1...2, using: &rng)))
    let live = try LiveSession.create(
      SessionSetup(
        title: "\(group.name) meeting \(number)", programme: group.programme,
        consultingProtocol: BuiltInProtocols.all.randomElement(using: &rng)!,
        participants: members, presenters: presenters, group: group.id),
      store: database, clock: clock)
    var open: [ActionReference] = []
    for action in earlier {
      clock.advance(by: 5)
      switch Int.random(in: 0..<4, using: &rng) {
      case 0: try live.followUp(action, .done)
      case 1:
        try live.followUp(action, .carried(note: "Still waiting"))
        open.append(action)
      case 2: try live.followUp(action, .dropped(reason: "No longer needed"))
      default: open.append(action)
      }
    }
    try live.start()
    let slots = live.state.schedule.count
    let perSlot = max(1, notes / max(1, slots - 1))
    for index in 0..<notes {
      clock.advance(by: Double.random(in: 5...90, using: &rng))
      let phaseKind = live.state.current?.phase.noteKind ?? .other
      let kind =
        Int.random(in: 0..<4, using: &rng) == 0
        ? NoteKind.allCases.randomElement(using: &rng)! : phaseKind
      var content = note(kind: kind, participants: members.count, using: &rng)
      if index % 10 == 0 {
        let tag =
          tagsSome && Bool.random(using: &rng)
          ? groupedTags.some
          : Double.random(in: 0..<1, using: &rng) < share
            ? groupedTags.rising : groupedTags.fading
        content.text += " #\(tag)"
      }
      let note = try live.addNote(content)
      if note.isAction {
        if Int.random(in: 0..<8, using: &rng) == 0 {
          try live.setActionDone(note.id, true)
        } else {
          open.append(ActionReference(session: live.id, note: note.id))
        }
      }
      if index % perSlot == perSlot - 1, live.state.currentSlot.map({ $0 + 1 < slots }) == true {
        try live.next()
      }
    }
    for participant in members.indices where Bool.random(using: &rng) {
      try live.rateProcess(participant: participant, rating: Int.random(in: 2...5, using: &rng))
    }
    try live.finish()
    return open
  }
}
