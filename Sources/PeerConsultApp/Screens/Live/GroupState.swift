import Foundation
import PeerConsultKit
import TerminalKit

extension KeyContext {
  public static let group = KeyContext(
    "group", title: "The group during a session", typingHelp: LiveScreen.typingStartsANote)
  /// Typing a latecomer's line.
  public static let latecomer = KeyContext(
    "latecomer", title: "Adding a latecomer", typesText: true,
    typingHelp: "Type the person as \(Participant.specFormat)", helpSections: [.textField])
  /// Typing a presenter's focus question.
  public static let focusQuestion = KeyContext(
    "focusQuestion", title: "Writing a focus question", typesText: true,
    typingHelp: "Type the presenter's focus question; empty takes it away",
    helpSections: [.textField])
}

extension Action {
  public static let addLatecomer = Action("addLatecomer")
  public static let togglePresenting = Action("togglePresenting")
  public static let presentEarlier = Action("presentEarlier")
  public static let presentLater = Action("presentLater")
  public static let toggleLeft = Action("toggleLeft")
  public static let editFocusQuestion = Action("editFocusQuestion")
  public static let fillInMember = Action("fillInMember")
}

/// The group as the room changes during a session: a latecomer joins (written as on the
/// form), an absent presenter is skipped, the presenters still to come are reordered,
/// someone who leaves early is marked so (and back again), and a presenter's focus question
/// is given or restated.
/// Every change is stored at once as an event; the schedule and projected end follow.
public struct GroupState: Equatable, Sendable {
  /// The live screen to go back to, kept current with every change.
  public var live: LiveState
  /// The row picked: presenters to come first, then everyone else who could present.
  public var selection = 0
  /// The latecomer or focus question being typed, when the field is open.
  public var field: LineEditor?
  /// The round whose focus question the field holds; nil while it holds a latecomer.
  public var questionRound: Int?
  /// The presenter to come last marked as gone, and the presenters to come then: `l` again,
  /// before anything else changed them, gives the round back where it was (marked by mistake,
  /// or back from the corridor), where it used to leave them out of the rounds. Kept with the
  /// live screen, which outlives this one.
  public var leftPresenter: LeftPresenter? {
    get { live.leftPresenter }
    set { live.leftPresenter = newValue }
  }

  /// The members of the session's standing group when it began, read as this screen opens
  /// (nil until read, or when they could not be): Tab in the latecomer field fills in one who
  /// is not here, where someone who sent apologies and came after all had to be typed in full,
  /// as on the form.
  public var groupMembers: [Participant]?
  /// Tab's place among the members it offers, and what was typed before the first Tab: the
  /// start of a name picks among those it matches.
  public var memberFilled: MemberFilled?

  /// Where Tab is among the group's members not here.
  public struct MemberFilled: Equatable, Sendable {
    public var typed: String
    public var place: Int
  }

  /// The group's members not in the session (under any spelling of their name), in the order
  /// they joined.
  var membersNotHere: [Participant] {
    StandingGroup.members(groupMembers ?? [], notAmong: session.participants)
  }

  /// A presenter taken out of the rounds by leaving, and the rounds to come before it.
  public struct LeftPresenter: Equatable, Sendable {
    public var person: Int
    public var presenters: [Int]
  }

  public init(live: LiveState) {
    self.live = live
  }

  var session: SessionState { live.session }

  /// Participants who have not presented and are not due to: they can be added to the rounds.
  var others: [Int] {
    let begun = Set(session.setup.presenters.prefix(session.roundsBegun))
    let toCome = Set(session.presentersToCome)
    return session.participants.indices.filter { !begun.contains($0) && !toCome.contains($0) }
  }

  /// Those whose rounds have begun (once each), not to present again: only `l` acts on them,
  /// since the commonest early leaver is a presenter going after their round.
  var presented: [Int] {
    let toCome = Set(session.presentersToCome)
    var seen = Set<Int>()
    return session.setup.presenters.prefix(session.roundsBegun).filter {
      !toCome.contains($0) && seen.insert($0).inserted
    }
  }

  /// Rows in order: presenters to come, the others, then those who presented.
  var rows: [Int] { session.presentersToCome + others + presented }

  /// The round of `person` whose focus question `f` gives: their round still to come, else
  /// the last of theirs that has begun (restated at the end of its probing questions).
  func round(of person: Int) -> Int? {
    if let place = session.presentersToCome.firstIndex(of: person) {
      return session.roundsBegun + place
    }
    return session.setup.presenters.prefix(session.roundsBegun).lastIndex(of: person)
  }
}

extension GroupState: OverLiveScreen {
  /// A latecomer or focus question half typed, which leaving does not keep.
  public var typedHereNotKept: String? {
    guard field?.hasText == true else { return nil }
    return questionRound == nil ? "The person being typed" : "The focus question being typed"
  }

  public static let keyBindings = [
    KeyBinding([.up], .up, "up", "Pick the person above", in: [.group], footer: false),
    KeyBinding([.down], .down, "down", "Pick the person below", in: [.group], footer: false),
    KeyBinding(
      [.character(" ")], .togglePresenting, "present/skip",
      "Skip the picked presenter, or have the picked person present last", in: [.group]),
    KeyBinding(
      [.character("[")], .presentEarlier, "earlier", "Move the picked presenter earlier",
      in: [.group]),
    KeyBinding(
      [.character("]")], .presentLater, "later", "Move the picked presenter later",
      in: [.group]),
    KeyBinding(
      [.character("l")], .toggleLeft, "left",
      "Mark the picked person as gone before the end, or back again", in: [.group]),
    KeyBinding(
      [.character("a")], .addLatecomer, "latecomer",
      "Add a latecomer (Name; Organisation; level)", in: [.group]),
    KeyBinding(
      [.character("f")], .editFocusQuestion, "focus question",
      "Give or restate the picked presenter's focus question", in: [.group], footer: false),
    KeyBinding([.enter], .select, "add", "Add the latecomer", in: [.latecomer]),
    KeyBinding(
      [.tab], .fillInMember, "member not here",
      "Fill in a member of the standing group who is not here (again: the next)",
      in: [.latecomer]),
    KeyBinding([.enter], .select, "save", "Save the focus question", in: [.focusQuestion]),
    KeyBinding([.escape], .back, "cancel", "Cancel", in: [.latecomer, .focusQuestion]),
    KeyBinding.helpF1(in: [.latecomer, .focusQuestion]),
    KeyBinding([.escape, .character("q")], .back, "back", "Back to the live screen", in: [.group]),
    KeyBinding.help(in: [.group]),
  ]

  public var keyContext: KeyContext {
    field == nil ? .group : questionRound == nil ? .latecomer : .focusQuestion
  }
  public var acceptsText: Bool { field != nil }

  /// Tab is offered in the footer only while it has a member of the standing group to fill
  /// in: at a meeting of no group, "Tab member not here" promised what it could not do.
  public func footerLabel(for action: Action) -> String? {
    action == .fillInMember && membersNotHere.isEmpty ? "" : nil
  }

  public func title(_ environment: ScreenEnvironment) -> (left: String, right: String) {
    ("The group · \(session.setup.title)", "session \(live.sessionID.short)")
  }

  public func render(into grid: inout Grid, area: Rect, _ environment: ScreenEnvironment) -> (
    x: Int, y: Int
  )? {
    let inner = area.inset(dx: 2, dy: 0)
    let end = LiveScreen.time(session.projectedEnd(at: environment.now), environment.timeZone)
    let gone = session.departures.isEmpty ? "" : " · \(session.departures.count) left early"
    grid.put(
      "\(session.participants.count) people\(gone) · projected end \(end)", x: inner.x,
      y: inner.y, style: Theme.key, maxWidth: inner.width)
    var y = inner.y + 2
    let toCome = session.presentersToCome
    grid.put("Presenting still to come, in order", x: inner.x, y: y, style: Theme.heading)
    y += 1
    if toCome.isEmpty {
      grid.put("  nobody: every round has begun", x: inner.x, y: y, style: Theme.muted)
      y += 1
    }
    let notPresenting = toCome.count + others.count
    for (offset, person) in rows.enumerated() {
      // A heading over each group of rows that has any: "Not presenting" over the others,
      // "Presented or presenting" over those whose rounds have begun.
      let heading =
        offset == toCome.count && !others.isEmpty
        ? "Not presenting" : offset == notPresenting ? "Presented or presenting" : nil
      if let heading {
        y += 1
        guard y < inner.maxY - 3 else { break }
        grid.put(heading, x: inner.x, y: y, style: Theme.heading)
        y += 1
      }
      guard y < inner.maxY - 2 else { break }
      let round: String
      if offset < toCome.count {
        round = "R\(session.roundsBegun + offset + 1) "
      } else if offset >= notPresenting,
        let number = session.setup.presenters.prefix(session.roundsBegun).lastIndex(of: person)
      {
        round = "R\(number + 1) "
      } else {
        round = "   "
      }
      let participant = session.participants[person]
      // A session resumed another day says which day someone came or went.
      let time = ReadableTime(timeZone: environment.timeZone)
      let arrived = session.arrivals[person].map {
        " · arrived \(time.time($0, sameDayAs: environment.now))"
      }
      let left = session.departures[person].map {
        " · left \(time.time($0, sameDayAs: environment.now))"
      }
      // The organisation gives way first: a long one ("Leeds Teaching Hospitals NHS Trust")
      // cut off the level and the times after it.
      let head = "\(offset == selection ? "▸" : " ") \(round)\(participant.name) · "
      let tail = " · \(participant.level.rawValue)\(arrived ?? "")\(left ?? "")"
      let room = max(1, inner.width - head.displayWidth - tail.displayWidth)
      let line = head + participant.organisation.truncated(toWidth: room) + tail
      let style = offset == selection ? Theme.selected : left == nil ? .plain : Theme.muted
      grid.put(line, x: inner.x, y: y, style: style, maxWidth: inner.width)
      y += 1
    }
    guard let field else {
      grid.put(
        "Space skip/add · [ ] reorder · a latecomer · l left early · f focus question",
        x: inner.x, y: inner.maxY - 1, style: Theme.muted, maxWidth: inner.width)
      return nil
    }
    let label: String
    let hint: String
    if let questionRound, session.setup.rounds.indices.contains(questionRound) {
      let presenter = session.participants[session.setup.rounds[questionRound].presenter].name
      label = "Focus question ▸ "
      // The keys first: a long name is what the width cuts.
      hint =
        "Enter saves (empty takes it away), Esc cancels · round \(questionRound + 1), \(presenter)"
    } else {
      label = "Latecomer ▸ "
      let notHere = membersNotHere.map(\.name)
      // The keys first, then who Tab offers: the width cuts the end.
      hint =
        notHere.isEmpty
        ? "Write \(Participant.specFormat); Enter adds, Esc cancels"
        : "Tab: a member not here (\(notHere.joined(separator: ", "))) · or write "
          + Participant.specFormat
    }
    grid.put(
      hint, x: inner.x, y: inner.maxY - 2, style: Theme.muted, maxWidth: inner.width)
    grid.put(label, x: inner.x, y: inner.maxY - 1, style: Theme.heading)
    let x = inner.x + label.displayWidth
    let cursor = field.render(
      into: &grid, x: x, y: inner.maxY - 1, width: inner.maxX - x, style: Style(underline: true))
    return (cursor, inner.maxY - 1)
  }

  public mutating func update(_ input: ScreenInput, _ environment: ScreenEnvironment) -> [Effect] {
    // The session runs on behind this screen: its phase's end still rings.
    if case .tick(let now) = input { return tick(now) }
    if var field {
      switch input {
      case .action(.select):
        if let questionRound {
          return [.command(.session(.setFocusQuestion(round: questionRound, field.string)))]
        }
        do {
          let person = try Participant.parse(field.string)
          return [.command(.session(.addParticipant(person)))]
        } catch {
          return [.notice(Notice("Not added: \(error.message).", tone: .error))]
        }
      case .action(.back):
        self.field = nil
        questionRound = nil
        memberFilled = nil
        return []
      case .action(.fillInMember) where questionRound == nil: return fillInMember(field)
      case .text, .action:
        field.edit(input)
        self.field = field
        memberFilled = nil
        return []
      default: break
      }
    }
    switch input {
    case .action(.up): selection = max(0, selection - 1)
    case .action(.down): selection = min(max(0, rows.count - 1), selection + 1)
    case .action(.addLatecomer):
      field = LineEditor("", limit: 200)
      questionRound = nil
      memberFilled = nil
    case .action(.editFocusQuestion): return openFocusQuestion()
    case .action(.back), .action(.quit): return [.show(live)]
    case .action(.typeNote): return writingNote(environment)
    case .action(.togglePresenting): return toggle()
    case .action(.presentEarlier): return move(by: -1)
    case .action(.presentLater): return move(by: 1)
    case .action(.toggleLeft): return toggleLeft()
    case .result(.sessionChanged(let stored)):
      let added = stored.participants.count > session.participants.count
      let wasPresenting = Set(session.presentersToCome)
      let left = stored.departures.keys.first { session.departures[$0] == nil }
      let back = session.departures.keys.first { stored.departures[$0] == nil }
      // The picked person stays picked wherever the change moved them.
      let picked = rows.indices.contains(selection) ? rows[selection] : nil
      live.session = stored
      selection = picked.flatMap(rows.firstIndex) ?? min(selection, max(0, rows.count - 1))
      if let round = questionRound, field != nil {
        field = nil
        questionRound = nil
        guard stored.setup.rounds.indices.contains(round) else { return [] }
        let name = stored.participants[stored.setup.rounds[round].presenter].name
        let text =
          stored.setup.rounds[round].focusQuestion == nil
          ? "\(name) has no focus question in round \(round + 1)."
          : "\(name)'s focus question for round \(round + 1) saved."
        return [.notice(Notice(text, tone: .success))]
      }
      if added, let person = stored.participants.last {
        field = nil
        memberFilled = nil
        return [
          .notice(
            Notice(
              "\(person.name) joined: they can speak and own actions now; Space has them present.",
              tone: .success))
        ]
      }
      if let left, stored.participants.indices.contains(left) {
        let name = stored.participants[left].name
        let skipped = wasPresenting.contains(left) ? " and no longer presents" : ""
        return [
          .notice(Notice("\(name) left\(skipped); l again if they come back.", tone: .success))
        ]
      }
      if let restored = leftPresenter, stored.departures[restored.person] == nil,
        stored.presentersToCome == restored.presenters,
        let place = stored.presentersToCome.firstIndex(of: restored.person)
      {
        leftPresenter = nil
        let name = stored.participants[restored.person].name
        return [
          .notice(
            Notice(
              "\(name) is back and presents in round \(stored.roundsBegun + place + 1) again.",
              tone: .success))
        ]
      }
      // Back, and nothing else changed the rounds to come since they left: their round again,
      // asked only once the return is stored.
      if let back, let restored = leftPresenter, restored.person == back,
        !stored.presentersToCome.contains(back),
        restored.presenters.filter({ $0 != back }) == stored.presentersToCome
      {
        return [.command(.session(.rearrangePresenters(restored.presenters)))]
      }
      if let back, stored.participants.indices.contains(back) {
        // Back without their round: a later reorder that happens to make the old order is
        // not their return.
        if leftPresenter?.person == back { leftPresenter = nil }
        let name = stored.participants[back].name
        return [.notice(Notice("\(name) is back; Space has them present.", tone: .success))]
      }
      return [.notice(Notice("Presenters to come changed; the schedule follows.", tone: .success))]
    case .result(.groupMembersLoaded(let members)): groupMembers = members
    case .result(.failed(.loadGroupMembers, let error, _)):
      // Only Tab's offer is missing: a latecomer can still be typed in full.
      return [
        .notice(
          Notice(
            "The group's members could not be read (\(error)): type a latecomer in full.",
            tone: .warning))
      ]
    case .result(.liveSessionRefreshed(let stored?)):
      // Written elsewhere just as this screen opened: the live screen shows it on return.
      live.session = stored
      selection = min(selection, max(0, rows.count - 1))
    case .result(.failed(.refreshLiveSession, _, _)):
      // Nothing of this screen's was lost; the live screen asks again on its next tick.
      break
    case .result(.failed(_, let error, _)):
      // A presenter back whose round could not be given back: they are here, not presenting.
      if let restored = leftPresenter, session.departures[restored.person] == nil,
        !session.presentersToCome.contains(restored.person),
        session.participants.indices.contains(restored.person)
      {
        leftPresenter = nil
        let name = session.participants[restored.person].name
        return [
          .notice(
            Notice(
              "Not saved: \(error). \(name) is back but not presenting; Space has them present.",
              tone: .error))
        ]
      }
      return [.notice(Notice("Not saved: \(error)", tone: .error))]
    default: break
    }
    return []
  }

  /// Marks the picked person as gone, or back again: a presenter who was to come, marked back
  /// before the rounds to come changed, presents where they were to.
  private mutating func toggleLeft() -> [Effect] {
    guard rows.indices.contains(selection) else { return [] }
    let person = rows[selection]
    guard session.departures[person] != nil else {
      // Someone who presents nothing stepping out with them leaves a presenter's round to give
      // back as it was; the rounds' check on return says whether it still can be.
      let presenters = session.presentersToCome
      if presenters.contains(person) {
        leftPresenter = LeftPresenter(person: person, presenters: presenters)
      }
      return [.command(.session(.markLeft(participant: person)))]
    }
    return [.command(.session(.markReturned(participant: person)))]
  }

  /// Fills the latecomer field with the next member of the group not here whose name starts
  /// as the text typed before the first Tab did (any member, typed nothing), written as the
  /// form writes them.
  private mutating func fillInMember(_ field: LineEditor) -> [Effect] {
    let notHere = membersNotHere
    guard !notHere.isEmpty else {
      let text =
        session.setup.group == nil
        ? "Tab fills in a member of a standing group: type the person in full."
        : groupMembers == nil
          ? "The group's members could not be read: type the person in full."
          : "Every member of the group is here: type the person in full."
      return [.notice(Notice(text))]
    }
    let typed = memberFilled?.typed ?? field.string
    let name = typed.split(separator: ";", omittingEmptySubsequences: false).first ?? ""
    let matches = PersonMatcher.matches(String(name), in: notHere.map(\.name))
    guard !matches.isEmpty else {
      let shown = String(name).trimmingCharacters(in: .whitespaces)
      return [
        .notice(
          Notice("No member of the group who is not here is called “\(shown)”.", tone: .warning))
      ]
    }
    let place = memberFilled.map { ($0.place + 1) % matches.count } ?? 0
    self.field = LineEditor(notHere[matches[place]].spec, limit: field.limit)
    memberFilled = MemberFilled(typed: typed, place: place)
    return []
  }

  /// Opens the field on the picked presenter's focus question, as it stands.
  private mutating func openFocusQuestion() -> [Effect] {
    guard rows.indices.contains(selection) else { return [] }
    let person = rows[selection]
    guard let round = round(of: person) else {
      let name = session.participants[person].name
      return [
        .notice(
          Notice("\(name) does not present: Space has them present first.", tone: .warning))
      ]
    }
    field = LineEditor(
      session.setup.rounds[round].focusQuestion ?? "",
      limit: SessionSetup.maximumFocusQuestionLength)
    questionRound = round
    return []
  }

  /// Skips the picked presenter, or has the picked other person present last.
  private mutating func toggle() -> [Effect] {
    guard rows.indices.contains(selection) else { return [] }
    var presenters = session.presentersToCome
    let person = rows[selection]
    if let index = presenters.firstIndex(of: person) {
      guard session.roundsBegun + presenters.count > 1 else {
        return [.notice(Notice("A session keeps at least one presenter.", tone: .warning))]
      }
      presenters.remove(at: index)
    } else if session.departures[person] != nil {
      let name = session.participants[person].name
      return [.notice(Notice("\(name) has left: l marks them back first.", tone: .warning))]
    } else if presented.contains(person) {
      let name = session.participants[person].name
      return [
        .notice(Notice("\(name) has presented: only l (left early) applies.", tone: .warning))
      ]
    } else {
      presenters.append(person)
    }
    return [.command(.session(.rearrangePresenters(presenters)))]
  }

  /// Moves the picked presenter `step` places in the running order; the selection follows
  /// them once the change is stored.
  private mutating func move(by step: Int) -> [Effect] {
    var presenters = session.presentersToCome
    let target = selection + step
    guard presenters.indices.contains(selection), presenters.indices.contains(target) else {
      return [
        .notice(
          Notice("Only presenters still to come can move, within their list.", tone: .warning))
      ]
    }
    presenters.swapAt(selection, target)
    return [.command(.session(.rearrangePresenters(presenters)))]
  }
}
