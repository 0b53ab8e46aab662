import PeerConsultKit
import TerminalKit

/// The form's changes, one per action, so its `update` only dispatches.
extension SetupState {
  /// Gives typed text or an editing action to the focused text field; false when the input
  /// is neither there.
  mutating func edit(_ input: ScreenInput) -> Bool {
    switch focus {
    case .standingGroup: return editGroupQuery(input)
    case .title: return title.edit(input)
    case .programme:
      guard programme.edit(input) else { return false }
      programmeQuery = programme.string
      programmePick = nil
      return true
    case .newParticipant:
      let before = newParticipant.string
      guard newParticipant.edit(input) else { return false }
      // What the error was about is gone once the line changes: "level 'boss'" stayed under
      // the line corrected to "frontline".
      if newParticipant.string != before { addError = nil }
      return true
    case .focusQuestion:
      guard members.indices.contains(selection), members[selection].presents else {
        // No presenter to write for: swallow text rather than let it act as a command.
        if case .text = input { return true }
        return false
      }
      return members[selection].focusQuestion.edit(input)
    case .consultingProtocol, .group, .start:
      return false
    }
  }

  /// Moves focus `delta` fields on, wrapping round (Tab) or stopping at the ends (arrows).
  /// The group field is passed over while there are no standing groups.
  mutating func moveFocus(by delta: Int, wrapping: Bool = true) {
    let fields = Field.allCases.filter { $0 != .standingGroup || !standingGroups.isEmpty }
    let count = fields.count
    let next = (fields.firstIndex(of: focus) ?? 0) + delta
    guard wrapping || (0..<count).contains(next) else { return }
    focus = fields[(next % count + count) % count]
    if focus == .focusQuestion { selectPresenter(near: selection) }
  }

  /// ↑ (-1) or ↓ (+1): moves within the focused list or picker, else to the next field.
  mutating func step(_ delta: Int) {
    switch focus {
    case .standingGroup where !groupMatches.isEmpty:
      pickGroup(delta)
    case .programme where !programmeSuggestions.isEmpty:
      pickProgramme(delta)
    case .consultingProtocol:
      protocolIndex = max(0, min(protocols.count - 1, protocolIndex + delta))
    case .group where !members.isEmpty:
      selection = max(0, min(members.count - 1, selection + delta))
    case .focusQuestion where !presenterIndices.isEmpty:
      let presenters = presenterIndices
      let position = presenters.firstIndex(of: selection) ?? 0
      selection = presenters[max(0, min(presenters.count - 1, position + delta))]
    default:
      moveFocus(by: delta, wrapping: false)
    }
  }

  /// Enter: adds the typed participant, goes to the next presenter's question, starts on
  /// Start, and otherwise goes on to the next field.
  mutating func confirm() -> SetupOutcome {
    switch focus {
    case .standingGroup:
      takePickedGroup()
      moveFocus(by: 1)
    case .newParticipant where hasPendingParticipant:
      addParticipant()
    case .focusQuestion where presenterIndices.last.map({ $0 != selection }) == true:
      step(1)
    case .start:
      return start()
    default:
      moveFocus(by: 1)
    }
    return .stay
  }

  /// Cycles the programme field through the suggestions and back to what was typed.
  mutating func pickProgramme(_ delta: Int) {
    let suggestions = programmeSuggestions
    // Positions 0..<count are suggestions; count stands for the typed text.
    let current = programmePick ?? suggestions.count
    let next = (current + delta + suggestions.count + 1) % (suggestions.count + 1)
    programmePick = next < suggestions.count ? next : nil
    programme.set(programmePick.map { suggestions[$0] } ?? programmeQuery)
  }

  /// Parses the typed line and adds the participant, presenting last; on a bad line keeps
  /// the text and says what is wrong.
  mutating func addParticipant() {
    guard members.count < SessionSetup.maximumParticipants else {
      addError = "a session takes at most \(SessionSetup.maximumParticipants) people"
      return
    }
    let participant: Participant
    do {
      participant = try Participant.parse(newParticipant.string)
    } catch {
      addError = error.message
      return
    }
    // Names pick speakers and action owners, so two people with one name would be ambiguous.
    let name = participant.name.lowercased()
    if members.contains(where: { $0.participant.name.lowercased() == name }) {
      addError =
        "\(participant.name) is already in the group; add an initial or surname to tell them apart"
      return
    }
    if let alike = members.map(\.participant).firstLookingAlike(participant) {
      addError =
        "\(participant.name) looks like \(alike.name), already in the group; add "
        + "an initial or surname to tell them apart"
      return
    }
    members.append(Member(participant))
    selection = members.count - 1
    newParticipant.set("")
    addError = nil
  }

  /// Removes the selected member from the group (and from the rounds).
  mutating func removeSelected() {
    guard members.indices.contains(selection) else { return }
    members.remove(at: selection)
    selection = max(0, min(selection, members.count - 1))
  }

  /// Moves the selected member up (-1) or down (+1), and so their round with them.
  mutating func moveSelected(by delta: Int) {
    let target = selection + delta
    guard members.indices.contains(selection), members.indices.contains(target) else { return }
    members.swapAt(selection, target)
    selection = target
  }

  /// Includes or excludes the selected member as a presenter; their question is kept.
  mutating func togglePresenter() {
    guard members.indices.contains(selection) else { return }
    members[selection].presents.toggle()
  }

  /// Puts the selection on a presenter: `index` itself, else the next one, else the last.
  mutating func selectPresenter(near index: Int) {
    let presenters = presenterIndices
    guard !presenters.contains(index) else { return }
    if let next = presenters.first(where: { $0 > index }) ?? presenters.last {
      selection = next
    }
  }

  /// Builds the session; when it cannot start yet, marks the refusal and moves to the field
  /// that needs attention.
  mutating func start() -> SetupOutcome {
    do {
      let setup = try sessionSetup()
      startRefused = false
      return .start(setup)
    } catch {
      startRefused = true
      focus = fieldToFix
      return .stay
    }
  }

  /// The field a refused start sends the facilitator to.
  var fieldToFix: Field {
    if title.string.allSatisfy(\.isWhitespace) { return .title }
    if members.isEmpty || hasPendingParticipant { return .newParticipant }
    if presenterIndices.isEmpty { return .group }
    return .start
  }
}
