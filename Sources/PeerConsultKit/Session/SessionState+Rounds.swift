extension SessionState {
  /// How many rounds have begun: a round is begun once the session is in it or past it, or
  /// once a note or a change of time is in it, or a phase of it after its first has run. A
  /// round whose first phase was only opened and left again backwards (`n` then `p`), with
  /// nothing in it, is still to come: its presenter, absent after all, can still be skipped
  /// or moved. The rounds after the last begun are still to come and can be skipped,
  /// reordered or added to.
  public var roundsBegun: Int {
    let current = currentSlot ?? -1
    return setup.rounds.indices.last { round in
      guard let first = schedule.first(where: { $0.round == round })?.index else { return false }
      let last = schedule.last { $0.round == round }?.index ?? first
      return first <= current || !isOnlyOpened(first...last)
    }.map { $0 + 1 } ?? 0
  }

  /// Whether the slots `slots` (a round's, or the closing's from its first) hold nothing but
  /// the first one's opening: no note, no change of time, no later phase run, and the
  /// session not in them. Such slots can be laid out again.
  private func isOnlyOpened(_ slots: ClosedRange<Int>) -> Bool {
    !slots.contains(currentSlot ?? -1) && !holdsAnythingButTheOpening(slots)
  }

  /// Whether the slots `slots` hold a note, a change of time, or a phase run after the first.
  private func holdsAnythingButTheOpening(_ slots: ClosedRange<Int>) -> Bool {
    slots.contains { index in
      timings[index].adjustmentSeconds != 0
        || (index != slots.lowerBound && timings[index].firstStartedAt != nil)
    } || notes.contains { slots.contains($0.slot) }
  }

  /// The round the session has just opened, in its first phase with nothing in it yet: going
  /// back a phase (`p`) leaves it still to come, so that an absent presenter can be skipped.
  public var roundJustOpened: Int? {
    guard let current = currentSlot, schedule.indices.contains(current),
      let round = schedule[current].round,
      schedule.first(where: { $0.round == round })?.index == current
    else { return nil }
    let last = schedule.last { $0.round == round }?.index ?? current
    return holdsAnythingButTheOpening(current...last) ? nil : round
  }

  /// The presenters of the rounds still to come, in order.
  public var presentersToCome: [Int] { setup.presenters.dropFirst(roundsBegun).map { $0 } }

  /// Gives the rounds from `from` on the presenters `presenters`, rebuilding the schedule
  /// after them; throws, changing nothing, unless every slot from there on is untouched.
  mutating func rearrangeRounds(from: Int, _ presenters: [Int]) throws(SessionError) {
    guard !isFinished else { throw .finished }
    guard from >= roundsBegun, from <= setup.rounds.count else {
      throw .cannotRearrange("round \(from + 1) has begun or does not exist")
    }
    let tailStart =
      schedule.first { $0.round == from }?.index
      ?? schedule.first { $0.part == .closing }?.index ?? schedule.count
    // Rounds after `from` shift the slots behind them, so none of those may hold anything
    // but the first one's opening, left again backwards (see `roundsBegun`).
    guard tailStart >= schedule.count || isOnlyOpened(tailStart...(schedule.count - 1)) else {
      throw .cannotRearrange("the closing has begun")
    }
    var next = setup
    let kept = Array(setup.rounds.prefix(from))
    let questions = Dictionary(
      setup.rounds.dropFirst(from).map { ($0.presenter, $0.focusQuestion) },
      uniquingKeysWith: { first, _ in first })
    next.rounds =
      kept
      + presenters.map { presenter in
        SessionRound(presenter: presenter, focusQuestion: questions[presenter] ?? nil)
      }
    do {
      try next.validate()
    } catch .invalidSetup(let reason) {
      throw .cannotRearrange(reason)
    } catch {
      throw error
    }
    let newSchedule = next.schedule
    setup = next
    schedule = newSchedule
    timings =
      Array(timings.prefix(tailStart))
      + Array(repeating: SlotTiming(), count: newSchedule.count - tailStart)
  }
}
