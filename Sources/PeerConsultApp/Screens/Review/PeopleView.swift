import Foundation
import PeerConsultKit
import TerminalKit

/// The people of a stored session, opened from its transcript (`w`), to erase one from every
/// session they took part in.
public enum PeopleView {
  /// The participants to list: those already erased stay listed, under their pseudonym.
  static func people(_ state: TranscriptState) -> [Participant] { state.session.participants }

  public static func render(
    _ state: TranscriptState, timeZone: TimeZone, status: Rect, into grid: inout Grid,
    area: Rect
  ) {
    let people = people(state)
    grid.put(
      "People · \(people.count) took part · e erases the selected one from every session",
      x: status.x, y: status.y, style: Theme.muted, maxWidth: status.width)
    let shown = ReviewScreen.page(
      selection: state.personSelection, count: people.count, listHeight: area.height)
    var y = area.y
    let started = state.session.roundsStarted
    let underWay = state.session.roundUnderWay
    for index in shown {
      let selected = index == state.personSelection
      let person = people[index]
      grid.put(
        "\(selected ? "▸" : " ") \(person.name)".padded(toWidth: area.width), x: area.x, y: y,
        style: selected ? Theme.selected : Theme.heading)
      let rounds = state.session.setup.rounds.indices.filter {
        state.session.setup.rounds[$0].presenter == index
      }
      var details = [person.level.rawValue]
      // A round none of whose phases has run is still to present (an unfinished session's, or
      // one jumped over), and the one running now is being presented, as the minutes say.
      for (words, numbers) in [
        ("presenting round ", rounds.filter { $0 == underWay }),
        ("presented round ", rounds.filter { started.contains($0) && $0 != underWay }),
        ("presents round ", rounds.filter { !started.contains($0) }),
      ] where !numbers.isEmpty {
        details.append(words + numbers.map { "\($0 + 1)" }.joined(separator: ", "))
      }
      let time = ReadableTime(timeZone: timeZone)
      if let arrivedAt = state.session.arrivals[index] {
        details.append("arrived \(time.time(arrivedAt, sameDayAs: state.session.createdAt))")
      }
      if let leftAt = state.session.departures[index] {
        details.append("left \(time.time(leftAt, sameDayAs: state.session.createdAt))")
      }
      // The organisation gives way first, so that the rounds and times stay in view.
      let rest = details.filter { !$0.isEmpty }.joined(separator: " · ")
      let room = max(1, area.width - 6 - 3 - rest.displayWidth)
      let organisation = person.organisation.truncated(toWidth: room)
      grid.put(
        ("      " + [organisation, rest].filter { !$0.isEmpty }.joined(separator: " · ")).padded(
          toWidth: area.width), x: area.x, y: y + 1, style: selected ? Theme.selected : Theme.muted)
      y += ReviewScreen.rowsPerEntry
    }
  }
}
