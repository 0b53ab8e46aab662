extension SessionState {
  /// How many rounds have begun (a phase of theirs has run or is running); the rounds after
  /// them are still to come and can be skipped, reordered or added to.
  public var roundsBegun: Int {
    var reached = currentSlot ?? -1
    for (index, timing) in timings.enumerated() where timing.firstStartedAt != nil {
      reached = max(reached, index)
    }
    return setup.rounds.indices.last { round in
      schedule.first { $0.round == round }.map { $0.index <= reached } ?? false
    }.map { $0 + 1 } ?? 0
  }

  /// The rounds any phase of which has run or is running: those whose presenter presented,
  /// as the minutes and review's people say (a round jumped over has not).
  public var roundsStarted: Set<Int> {
    Set(schedule.filter { timings[$0.index].firstStartedAt != nil }.compactMap(\.round))
  }

  /// The round whose phase is running or paused now, in a session started and not finished:
  /// its presenter is presenting, neither still to present nor done.
  public var roundUnderWay: Int? {
    guard isStarted, !isFinished else { return nil }
    return current?.round
  }

  /// The presenters of the rounds still to come, in order.
  public var presentersToCome: [Int] { setup.presenters.dropFirst(roundsBegun).map { $0 } }

  /// Gives the rounds from `from` on the presenters `presenters`, rebuilding the schedule
  /// after them; throws, changing nothing, unless every slot from there on is untouched.
  mutating func rearrangeRounds(from: Int, _ presenters: [Int]) throws(SessionError) {
    guard !isFinished else { throw .finished }
    // Said without arithmetic on `from`, which a crafted file may give as the largest number.
    guard from >= roundsBegun else {
      throw .cannotRearrange("the rounds from number \(from) (counted from 0) have begun")
    }
    guard from <= setup.rounds.count else {
      throw .cannotRearrange(
        "its \"from\" (\(from)) is past the session's \(setup.rounds.count) rounds, counted from 0")
    }
    let tailStart =
      schedule.first { $0.round == from }?.index
      ?? schedule.first { $0.part == .closing }?.index ?? schedule.count
    // Rounds after `from` shift the slots behind them, so none of those may hold anything.
    let touched =
      timings[tailStart...].contains { $0.firstStartedAt != nil || $0.adjustmentSeconds != 0 }
      || notes.contains { $0.slot >= tailStart } || (currentSlot ?? -1) >= tailStart
    guard !touched else { throw .cannotRearrange("the closing has begun") }
    if let gone = presenters.first(where: { departures[$0] != nil }),
      participants.indices.contains(gone)
    {
      throw .cannotRearrange("\(participants[gone].name) has left")
    }
    var next = setup
    let kept = Array(setup.rounds.prefix(from))
    // Each presenter's question: from their first round still to come, else set aside when
    // an earlier change took them out.
    var questions = setAsideQuestions
    for round in setup.rounds.dropFirst(from).reversed() {
      if let question = round.focusQuestion { questions[round.presenter] = question }
    }
    next.rounds =
      kept
      + presenters.map { presenter in
        SessionRound(presenter: presenter, focusQuestion: questions[presenter])
      }
    do {
      try next.validate()
    } catch .invalidSetup(let reason) {
      throw .cannotRearrange(reason)
    } catch {
      throw error
    }
    let newSchedule = next.schedule
    // The questions of presenters no longer to come are kept for their return.
    let coming = Set(presenters)
    setAsideQuestions = questions.filter { !coming.contains($0.key) }
    setup = next
    schedule = newSchedule
    timings =
      Array(timings.prefix(tailStart))
      + Array(repeating: SlotTiming(), count: newSchedule.count - tailStart)
  }
}
