import Foundation

extension SessionState {
  /// The most time a slot's adjustments add to it: a week, far beyond any session, and small
  /// enough that no sum of planned seconds can overflow.
  public static let maximumAdjustmentSeconds = 7 * 24 * 60 * 60

  /// A slot's planned seconds with the facilitator's adjustments.
  public func plannedSeconds(ofSlot slot: Int) -> Int {
    max(0, schedule[slot].phase.durationSeconds + timings[slot].adjustmentSeconds)
  }

  /// The least a slot may be planned at by taking minutes away: one minute, or the protocol's
  /// own plan when that is shorter, so `-` can never cut a phase to nothing.
  public func minimumPlannedSeconds(ofSlot slot: Int) -> Int {
    min(60, schedule[slot].phase.durationSeconds)
  }

  /// Whether `seconds` more (or, negative, fewer) keep the current slot at or above its
  /// minimum; adding time is always allowed.
  public func canAdjust(bySeconds seconds: Int) -> Bool {
    guard let slot = currentSlot else { return false }
    return seconds >= 0
      || plannedSeconds(ofSlot: slot) + seconds >= minimumPlannedSeconds(ofSlot: slot)
  }

  /// A slot's timer at `now`.
  public func timer(ofSlot slot: Int, at now: Date) -> PhaseTimer {
    PhaseTimer(
      plannedSeconds: plannedSeconds(ofSlot: slot), elapsed: timings[slot].elapsed(at: now),
      isRunning: timings[slot].isRunning)
  }

  /// The current slot's timer at `now`, or nil before the start.
  public func timer(at now: Date) -> PhaseTimer? {
    currentSlot.map { timer(ofSlot: $0, at: now) }
  }

  /// Seconds left in the current slot (negative in overtime), or nil before the start.
  public func remaining(at now: Date) -> TimeInterval? { timer(at: now)?.remaining }

  /// When the screen next needs redrawing because the shown time or its colour changes;
  /// nil while nothing runs (before the start, paused, finished).
  public func nextDeadline(after now: Date, thresholds: TimerThresholds = .standard) -> Date? {
    guard let timer = timer(at: now), timer.isRunning else { return nil }
    // A millisecond late, so that date arithmetic rounding cannot wake the loop a hair before
    // the change and have it redraw the same second.
    return now.addingTimeInterval(timer.secondsUntilChange(thresholds) + 0.001)
  }

  /// Every slot with its planned and actual times and, for what is still to come, when it
  /// should start and end if each phase keeps to its plan from now on.
  public func scheduleReport(at now: Date) -> [SlotReport] {
    var cursor = now
    return schedule.map { slot in
      let timing = timings[slot.index]
      let status: SlotReport.Status
      var start = timing.firstStartedAt
      var end = timing.lastEndedAt
      if isFinished {
        status = .done
      } else if let current = currentSlot, slot.index < current {
        status = .done
      } else if slot.index == currentSlot {
        status = .current
        let expectedEnd = now.addingTimeInterval(
          max(0, timer(ofSlot: slot.index, at: now).remaining))
        start = start ?? now
        end = expectedEnd
        cursor = expectedEnd
      } else {
        status = .upcoming
        let expectedEnd = cursor.addingTimeInterval(
          max(0, timer(ofSlot: slot.index, at: now).remaining))
        start = cursor
        end = expectedEnd
        cursor = expectedEnd
      }
      return SlotReport(
        slot: slot, status: status, plannedSeconds: slot.phase.durationSeconds,
        adjustedSeconds: plannedSeconds(ofSlot: slot.index),
        usedSeconds: timing.elapsed(at: now), start: start, end: end)
    }
  }

  /// When the session should end if every remaining phase keeps to its plan from `now`;
  /// the finish time once finished.
  public func projectedEnd(at now: Date) -> Date {
    if let finishedAt { return finishedAt }
    return scheduleReport(at: now).last?.end ?? now
  }

  /// Time each presenter's round has used, in round order: the airtime the group gave them.
  public func airtime(at now: Date) -> [PresenterAirtime] {
    setup.rounds.enumerated().map { number, round in
      let used = schedule.filter { $0.round == number }
        .reduce(0) { $0 + timings[$1.index].elapsed(at: now) }
      return PresenterAirtime(
        round: number, presenter: round.presenter, usedSeconds: used,
        plannedSeconds: setup.consultingProtocol.roundSeconds)
    }
  }

  /// Time used per protocol phase against its plan, a round phase summed over all rounds,
  /// with where it ran over its adjusted plan.
  public func phaseUsage(at now: Date) -> [PhaseUsage] {
    var usage: [PhaseUsage] = []
    var positions: [PhaseUsage.Key: Int] = [:]
    for slot in schedule {
      let key = PhaseUsage.Key(part: ProtocolPart(slot.part), phaseIndex: slot.phaseIndex)
      let used = timings[slot.index].elapsed(at: now)
      let adjusted = plannedSeconds(ofSlot: slot.index)
      let over = Int(used.rounded()) > adjusted
      let position: Int
      if let known = positions[key] {
        position = known
      } else {
        position = usage.count
        positions[key] = position
        usage.append(
          PhaseUsage(
            part: key.part, phaseIndex: slot.phaseIndex, name: slot.phase.name, occurrences: 0,
            plannedSeconds: 0, adjustedSeconds: 0, usedSeconds: 0, ranOver: false,
            roundsOver: []))
      }
      usage[position].occurrences += 1
      usage[position].plannedSeconds += slot.phase.durationSeconds
      usage[position].adjustedSeconds += adjusted
      usage[position].usedSeconds += used
      if over {
        usage[position].ranOver = true
        if case .round(let number) = slot.part { usage[position].roundsOver.append(number) }
      }
    }
    return usage
  }
}
